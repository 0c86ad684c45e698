import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications, sessionRegistrations } from '../../src/db/schema';
import { closeStartedWaitlists } from '../../src/services/sessions/close-started-waitlists';
import { as, createTestApp, type TestApp } from '../support/test-app';
import {
  clientWithCredits,
  creditsLeft,
  expectConsistent,
  makeSession,
  sessionInvariants,
  setUpStudio,
  type Studio,
} from './support';

/*
 * Issue 12, item 17: whoever is still on the waitlist when a class starts is not left WAITLISTED
 * for ever. The job closes the waitlist (WAITLIST_CLOSED, no credit used), tells each client
 * once, and their history shows it; running it again, or on several instances, changes nothing.
 */
const NOW = new Date('2026-03-20T12:00:00Z');
let t: TestApp;
let studio: Studio;

beforeAll(async () => {
  t = await createTestApp({ now: NOW });
  studio = await setUpStudio(t, { name: 'HIIT' });
});
afterAll(async () => t?.close());

describe('closing the waitlist when the class starts', () => {
  it('closes it once, tells each waiting client once, keeps their credits, and shows it in their history', async () => {
    const db = t.database.db;
    const sessionId = await makeSession(t, studio, '2026-03-24T06:30:00Z', { capacity: 1 });
    const [booked, first, second] = [
      await clientWithCredits(t, 1),
      await clientWithCredits(t, 1),
      await clientWithCredits(t, 1),
    ];
    for (const client of [booked, first, second])
      expect((await as(t.app, client).post(`/api/sessions/${sessionId}/registrations`)).statusCode).toBe(201);

    // Before the start nothing changes.
    expect(await closeStartedWaitlists(db, new Date('2026-03-24T06:29:00Z'))).toEqual({ closed: 0 });

    const afterStart = new Date('2026-03-24T06:31:00Z');
    t.clock.set(afterStart);
    const runs = await Promise.all([closeStartedWaitlists(db, afterStart), closeStartedWaitlists(db, afterStart)]);
    expect(runs.reduce((sum, r) => sum + r.closed, 0)).toBe(2);
    expect(await closeStartedWaitlists(db, afterStart)).toEqual({ closed: 0 });

    const statuses = await db
      .select({ userId: sessionRegistrations.userId, status: sessionRegistrations.status })
      .from(sessionRegistrations)
      .where(eq(sessionRegistrations.sessionId, sessionId));
    expect(Object.fromEntries(statuses.map((s) => [s.userId, s.status]))).toEqual({
      [booked.id]: 'REGISTERED',
      [first.id]: 'WAITLIST_CLOSED',
      [second.id]: 'WAITLIST_CLOSED',
    });
    const inv = await sessionInvariants(db, sessionId);
    expect(expectConsistent(inv)).toEqual([]);
    expect(inv.waitlistCount).toBe(0);
    expect(await creditsLeft(db, first.id)).toBe(1);

    for (const client of [first, second]) {
      const told = await db
        .select({ title: notifications.title, body: notifications.body })
        .from(notifications)
        .where(and(eq(notifications.userId, client.id), eq(notifications.kind, 'waitlist_closed')));
      expect(told).toHaveLength(1);
      expect(told[0]!.body).toMatch(
        /^The waitlist for HIIT on Tue 24 Mar at \d\d:30 closed when the class started — your credits were not used\.$/,
      );
    }
    expect(
      await db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, booked.id), eq(notifications.kind, 'waitlist_closed'))),
    ).toEqual([]);

    const history = (
      await as(t.app, first).get('/api/me/registrations?from=2026-03-24T00:00:00Z&to=2026-03-25T00:00:00Z')
    ).json();
    expect(history.find((r: { session: { id: string } }) => r.session.id === sessionId)).toMatchObject({
      status: 'WAITLIST_CLOSED',
      waitlistPosition: null,
    });
    const cancel = await as(t.app, first).delete(`/api/sessions/${sessionId}/registrations/me`);
    expect(cancel.statusCode).toBe(422);
    expect(cancel.json().error.code).toBe('REGISTRATION_NOT_CANCELLABLE');

    // A closed wait is history: the coach makes room during the class and adds that client, who
    // now holds a place (paid with the credit the wait never used) beside the closed row.
    const roomier = await as(t.app, studio.coach).patch(`/api/sessions/${sessionId}`, { capacity: 2 });
    expect(roomier.statusCode).toBe(200);
    const added = await as(t.app, studio.coach).post(`/api/sessions/${sessionId}/registrations`, { userId: first.id });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ status: 'REGISTERED' });
    const rowsOfFirst = await db
      .select({ status: sessionRegistrations.status })
      .from(sessionRegistrations)
      .where(and(eq(sessionRegistrations.sessionId, sessionId), eq(sessionRegistrations.userId, first.id)));
    expect(rowsOfFirst.map((r) => r.status).sort()).toEqual(['REGISTERED', 'WAITLIST_CLOSED']);
    expect(await creditsLeft(db, first.id)).toBe(0);
    expect(expectConsistent(await sessionInvariants(db, sessionId))).toEqual([]);
    // Their own cancellation is now about the live booking (started: speak to the coach), not the closed wait.
    const again = await as(t.app, first).delete(`/api/sessions/${sessionId}/registrations/me`);
    expect(again.json().error.code).toBe('SESSION_STARTED');
  });
});
