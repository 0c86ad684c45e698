import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoStudio } from '../../src/seed/seed-demo';
import { createTestApp, type TestApp } from '../support/test-app';
import { expectConsistent, sessionInvariants } from './support';

let t: TestApp;
const rows = async <T>(query: ReturnType<typeof sql>) =>
  (await t.database.db.execute(query)) as unknown as { rows: T[] };

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoStudio(t.database.db, t.app.deps.auth, new Date());
});
afterAll(async () => t.close());

describe('demo studio classes', () => {
  it('has the TeamUp-like class types and a timetable from three weeks back to two weeks ahead', async () => {
    const types = (
      await rows<{ name: string; default_capacity: number }>(
        sql`SELECT name, default_capacity FROM class_types ORDER BY name`,
      )
    ).rows;
    expect(types.map((c) => [c.name, Number(c.default_capacity)])).toEqual([
      ['CORE', 15],
      ['HIIT', 10],
    ]);
    const span = (
      await rows<{ past: number; future: number }>(sql`
      SELECT count(*) FILTER (WHERE start_time < now() - interval '14 days')::int AS past,
             count(*) FILTER (WHERE start_time > now() + interval '7 days')::int AS future FROM sessions`)
    ).rows[0]!;
    expect(span.past).toBeGreaterThan(50);
    expect(span.future).toBeGreaterThan(20);
  });

  it('has bookings, attendance, a late cancel, a waitlist and a studio cancellation — all consistent', async () => {
    const statuses = (await rows<{ status: string }>(sql`SELECT DISTINCT status FROM session_registrations`)).rows
      .map((r) => r.status)
      .sort();
    expect(statuses).toEqual(
      expect.arrayContaining(['ATTENDED', 'LATE_CANCELLED', 'NO_SHOW', 'REGISTERED', 'WAITLISTED']),
    );
    const cancelled = (
      await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM sessions WHERE status = 'CANCELLED'`)
    ).rows[0]!;
    expect(cancelled.n).toBeGreaterThanOrEqual(1);
    const ids = (await rows<{ id: string }>(sql`SELECT DISTINCT session_id AS id FROM session_registrations`)).rows;
    for (const { id } of ids) expect(expectConsistent(await sessionInvariants(t.database.db, id)), id).toEqual([]);
  });

  it("writes bookings into the clients' ledgers in studio-local words", async () => {
    const words = (
      await rows<{ description: string }>(
        sql`SELECT description FROM credit_transactions WHERE kind = 'CONSUME' AND session_id IS NOT NULL`,
      )
    ).rows;
    expect(words.length).toBeGreaterThan(10);
    for (const { description } of words)
      expect(description).toMatch(
        /^(HIIT|CORE).* (Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2} \d{2}:\d{2}( \(from waitlist\))?$/,
      );
  });
});
