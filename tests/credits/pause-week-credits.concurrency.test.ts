import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditGrants } from '../../src/db/schema';
import { as, createTestApp, createUser, type TestApp } from '../support/test-app';
import { createTestDatabase, onPostgres } from '../support/test-database';
import { makeSession, setUpStudio, type Studio } from '../sessions/support';

const NOW = new Date('2026-03-04T09:00:00Z');
let t: TestApp;
let studio: Studio;
let planId: string;

describe.runIf(onPostgres())('booking a pause while the client books (PostgreSQL)', () => {
  beforeAll(async () => {
    t = await createTestApp({ now: NOW, database: await createTestDatabase({ poolSize: 20 }) });
    studio = await setUpStudio(t);
    planId = (
      await as(t.app, studio.admin).post('/api/admin/plans', {
        name: 'Two a week',
        type: 'RECURRING',
        creditsPerWeek: 2,
        price: 50,
      })
    ).json().id;
  });
  afterAll(async () => {
    await t?.close();
    await t?.database.close();
  });

  it('the week’s credits are either used by the booking or removed by the pause, never both nor lost', async () => {
    const sessionId = await makeSession(t, studio, '2026-03-17T10:00:00Z');
    for (let round = 0; round < 5; round++) {
      const client = await createUser(t.app, 'CLIENT');
      const m = (
        await as(t.app, studio.admin).post(`/api/admin/users/${client.id}/memberships`, {
          planId,
          startDate: '2026-03-02',
        })
      ).json();
      const [booking, pause] = await Promise.all([
        as(t.app, client).post(`/api/sessions/${sessionId}/registrations`, {}),
        as(t.app, studio.admin).put(`/api/admin/memberships/${m.id}/pause`, {
          from: '2026-03-16',
          until: '2026-03-22',
          reason: 'Away',
        }),
      ]);
      expect(pause.statusCode, pause.body).toBe(200);
      const [week] = await t.database.db
        .select({ id: creditGrants.id, remaining: creditGrants.remaining })
        .from(creditGrants)
        .where(sql`${creditGrants.membershipId} = ${m.id} AND ${creditGrants.weekStart} = '2026-03-16'`);
      // The pause leaves nothing unused in that week; the ledger sums to what is left.
      expect(week!.remaining).toBe(0);
      const ledger = await t.database.db.execute(
        sql`SELECT COALESCE(SUM(amount), 0)::int AS n FROM credit_transactions WHERE grant_id = ${week!.id}`,
      );
      expect(Number((ledger as unknown as { rows: Array<{ n: number }> }).rows[0]!.n)).toBe(0);
      const used = await t.database.db.execute(
        sql`SELECT COALESCE(-SUM(amount), 0)::int AS n FROM credit_transactions WHERE grant_id = ${week!.id} AND kind = 'CONSUME'`,
      );
      const consumed = Number((used as unknown as { rows: Array<{ n: number }> }).rows[0]!.n);
      expect(consumed).toBe(booking.statusCode === 201 ? 1 : 0);
      if (booking.statusCode !== 201) expect(booking.json().error.code).toBe('INSUFFICIENT_CREDITS');
    }
  });
});
