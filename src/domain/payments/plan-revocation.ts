export interface RevocableGrant {
  id: string;
  remaining: number;
  validFrom: Date;
}

/**
 * Which unused credits a refund takes back: `share` of the membership's unused credits (rounded
 * up, so a refund never leaves more than was paid for), from the grants that start latest — a
 * shortened membership loses its last weeks first. Returns negative movements per grant.
 */
export function planRevocation(
  grants: readonly RevocableGrant[],
  share: number,
): Array<{ grantId: string; amount: number }> {
  const unused = grants.reduce((sum, g) => sum + g.remaining, 0);
  let toTake = Math.min(unused, Math.ceil(unused * share - 1e-9));
  const latestFirst = [...grants].sort(
    (a, b) => b.validFrom.getTime() - a.validFrom.getTime() || (a.id < b.id ? 1 : -1),
  );
  const movements: Array<{ grantId: string; amount: number }> = [];
  for (const grant of latestFirst) {
    if (toTake <= 0) break;
    const take = Math.min(grant.remaining, toTake);
    if (take > 0) movements.push({ grantId: grant.id, amount: -take });
    toTake -= take;
  }
  return movements;
}
