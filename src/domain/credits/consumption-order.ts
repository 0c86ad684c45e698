/** A grant as the consumption rules see it. */
export interface CandidateGrant {
  grantId: string;
  remaining: number;
  /** Exclusive end of the window; null = never ends. */
  validUntil: Date | null;
  createdAt: Date;
}

/**
 * The order credits are drawn in: the grant whose window ends first (an open window last),
 * then the oldest, then by id so two equal grants are always taken in the same order (which
 * also makes concurrent transactions lock them in the same order: no deadlocks).
 */
export function compareConsumptionOrder(a: CandidateGrant, b: CandidateGrant): number {
  const endA = a.validUntil?.getTime() ?? Number.POSITIVE_INFINITY;
  const endB = b.validUntil?.getTime() ?? Number.POSITIVE_INFINITY;
  if (endA !== endB) return endA < endB ? -1 : 1;
  const bornA = a.createdAt.getTime();
  const bornB = b.createdAt.getTime();
  if (bornA !== bornB) return bornA < bornB ? -1 : 1;
  return a.grantId < b.grantId ? -1 : a.grantId > b.grantId ? 1 : 0;
}
