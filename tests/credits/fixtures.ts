import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../src/db/client';
import { classTypes, creditGrants, users } from '../../src/db/schema';
import { insertGrants, type NewGrant } from '../../src/services/credits/insert-grants';

/** A user row (the credits area only needs the id to exist). */
export async function makeUser(
  db: Database,
  role: 'CLIENT' | 'COACH' | 'ADMIN' = 'CLIENT',
  name = 'Test Client',
): Promise<string> {
  const id = randomUUID();
  await db.insert(users).values({ id, name, email: `${id}@example.test`, role });
  return id;
}

/** A class type of the sessions area, for plans that restrict class types. */
export async function makeClassType(db: Database, name: string): Promise<string> {
  const [row] = await db
    .insert(classTypes)
    .values({ name: `${name} ${randomUUID().slice(0, 6)}`, defaultCapacity: 12, defaultDurationMins: 45 })
    .returning({ id: classTypes.id });
  return row!.id;
}

/** An admin-style grant (covers every class type) through the real grant writer. */
export async function giveGrant(
  db: Database,
  userId: string,
  amount: number,
  window: { from: Date; until: Date | null },
  now: Date,
  extra: Partial<NewGrant> = {},
): Promise<string> {
  const [created] = await db.transaction((tx) =>
    insertGrants(
      tx,
      [
        {
          userId,
          membershipId: null,
          source: 'ADJUSTMENT',
          amount,
          validFrom: window.from,
          validUntil: window.until,
          weekStart: null,
          description: 'Test credits',
          ...extra,
        },
      ],
      { kind: 'ADJUST', reasonCode: 'ADMIN_ADJUSTMENT', actorId: null, now },
    ),
  );
  return created!.grantId;
}

export async function remainingOf(db: Database, grantId: string): Promise<number> {
  const [row] = await db
    .select({ remaining: creditGrants.remaining })
    .from(creditGrants)
    .where(eq(creditGrants.id, grantId));
  return row!.remaining;
}

/** Every grant's cached `remaining` next to the sum of its ledger rows: they must be equal. */
export async function ledgerMismatches(
  db: Database,
): Promise<Array<{ id: string; remaining: number; ledger: number }>> {
  const rows = await db
    .select({
      id: creditGrants.id,
      remaining: creditGrants.remaining,
      ledger: sql<number>`coalesce((SELECT sum(t.amount) FROM credit_transactions t WHERE t.grant_id = credit_grants.id), 0)::int`,
    })
    .from(creditGrants);
  return rows.filter((r) => Number(r.ledger) !== r.remaining);
}

export const at = (iso: string) => new Date(iso);
