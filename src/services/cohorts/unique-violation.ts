/** True when a database error (or one it wraps) is a unique violation of the named index. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const e = current as { code?: unknown; constraint?: unknown; message?: unknown };
    if (e.code === '23505' && (e.constraint === constraint || String(e.message ?? '').includes(constraint)))
      return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
