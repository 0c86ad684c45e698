import { sql } from 'drizzle-orm';
import type { Database } from '../../src/db/client';
import { insertGrants } from '../../src/services/credits/insert-grants';
import { as, createUser, type TestApp, type TestUser } from '../support/test-app';

/** Credits for a client through the credits area's real grant writer (an admin-style grant, any class type). */
export async function giveCredits(
  db: Database,
  userId: string,
  amount: number,
  now: Date,
  window?: { from: Date; until: Date | null },
) {
  const [created] = await db.transaction((tx) =>
    insertGrants(
      tx,
      [
        {
          userId,
          membershipId: null,
          source: 'ADJUSTMENT',
          amount,
          validFrom: window?.from ?? new Date(now.getTime() - 30 * 86_400_000),
          validUntil: window?.until === undefined ? new Date(now.getTime() + 120 * 86_400_000) : window.until,
          weekStart: null,
          description: 'Test credits',
        },
      ],
      { kind: 'ADJUST', reasonCode: 'ADMIN_ADJUSTMENT', actorId: null, now },
    ),
  );
  return created!.grantId;
}

/** Credits left for a client (sum of usable grants). */
export async function creditsLeft(db: Database, userId: string): Promise<number> {
  const result = await db.execute(
    sql`SELECT COALESCE(SUM(remaining), 0)::int AS n FROM credit_grants WHERE user_id = ${userId}`,
  );
  return Number((result as { rows: Array<{ n: number }> }).rows[0]!.n);
}

export interface Studio {
  coach: TestUser;
  admin: TestUser;
  classTypeId: string;
}

/** A coach, an admin and a HIIT-like class type (25 min, 10 places, TeamUp's windows). */
export async function setUpStudio(t: TestApp, classType: Record<string, unknown> = {}): Promise<Studio> {
  const coach = await createUser(t.app, 'COACH', 'Gav Coach');
  const admin = await createUser(t.app, 'ADMIN', 'Alex Admin');
  const created = await as(t.app, coach).post('/api/class-types', {
    name: `HIIT ${Math.random().toString(36).slice(2, 7)}`,
    color: '#452ddb',
    defaultCapacity: 10,
    defaultDurationMins: 25,
    ...classType,
  });
  if (created.statusCode !== 201) throw new Error(`class type: ${created.statusCode} ${created.body}`);
  return { coach, admin, classTypeId: created.json().id };
}

/** A session through the API; returns its id. */
export async function makeSession(
  t: TestApp,
  studio: Studio,
  startTime: string,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const response = await as(t.app, studio.coach).post('/api/sessions', {
    classTypeId: studio.classTypeId,
    coachId: studio.coach.id,
    startTime,
    ...extra,
  });
  if (response.statusCode !== 201) throw new Error(`session: ${response.statusCode} ${response.body}`);
  return response.json().id;
}

/** A client with credits. */
export async function clientWithCredits(t: TestApp, credits: number, name?: string): Promise<TestUser> {
  const client = await createUser(t.app, 'CLIENT', name);
  if (credits > 0) await giveCredits(t.database.db, client.id, credits, t.clock.now());
  return client;
}

/** A database-level check of one session: counters agree with registrations, positions are 1..n, ledger matches. */
export async function sessionInvariants(db: Database, sessionId: string) {
  const result = await db.execute(sql`
    SELECT s.capacity, s.registered_count, s.waitlist_count,
      (SELECT count(*)::int FROM session_registrations r WHERE r.session_id = s.id AND r.status IN ('REGISTERED','ATTENDED','NO_SHOW')) AS places,
      (SELECT count(*)::int FROM session_registrations r WHERE r.session_id = s.id AND r.status = 'WAITLISTED') AS waiting,
      (SELECT COALESCE(array_agg(r.waitlist_position ORDER BY r.waitlist_position), '{}') FROM session_registrations r WHERE r.session_id = s.id AND r.status = 'WAITLISTED') AS positions,
      (SELECT COALESCE(-SUM(t.amount), 0)::int FROM credit_transactions t WHERE t.session_id = s.id AND t.kind IN ('CONSUME', 'REFUND')) AS net_credits,
      (SELECT COALESCE(SUM(r.credits_consumed), 0)::int FROM session_registrations r WHERE r.session_id = s.id AND r.status IN ('REGISTERED','ATTENDED','NO_SHOW','LATE_CANCELLED')) AS held_credits
    FROM sessions s WHERE s.id = ${sessionId}::uuid`);
  const row = (result as { rows: Array<Record<string, unknown>> }).rows[0]!;
  return {
    capacity: Number(row.capacity),
    registeredCount: Number(row.registered_count),
    waitlistCount: Number(row.waitlist_count),
    places: Number(row.places),
    waiting: Number(row.waiting),
    positions: (row.positions as number[]).map(Number),
    netCredits: Number(row.net_credits),
    heldCredits: Number(row.held_credits),
  };
}

export function expectConsistent(inv: Awaited<ReturnType<typeof sessionInvariants>>) {
  const problems: string[] = [];
  if (inv.registeredCount !== inv.places)
    problems.push(`registered_count ${inv.registeredCount} ≠ ${inv.places} places held`);
  if (inv.waitlistCount !== inv.waiting) problems.push(`waitlist_count ${inv.waitlistCount} ≠ ${inv.waiting} waiting`);
  if (inv.places > inv.capacity) problems.push(`${inv.places} places > capacity ${inv.capacity}`);
  if (inv.positions.join(',') !== Array.from({ length: inv.waiting }, (_, i) => i + 1).join(','))
    problems.push(`positions ${inv.positions.join(',')}`);
  if (inv.netCredits !== inv.heldCredits)
    problems.push(`ledger net ${inv.netCredits} ≠ credits held ${inv.heldCredits}`);
  return problems;
}
