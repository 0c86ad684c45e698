/**
 * Addresses under the reserved `.invalid` domain stand for "no email yet" (the TeamUp import gives
 * them to instructors exported without one, ADR 0015): nothing is ever sent there.
 */
export function isPlaceholderEmail(email: string): boolean {
  return email.toLowerCase().endsWith('.invalid');
}
