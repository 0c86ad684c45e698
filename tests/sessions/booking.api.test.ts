import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, createUser, type TestApp } from '../support/test-app';
import {
  clientWithCredits,
  creditsLeft,
  expectConsistent,
  makeSession,
  sessionInvariants,
  setUpStudio,
  type Studio,
} from './support';

const NOW = new Date('2026-03-20T12:00:00Z');
let t: TestApp;
let studio: Studio;

beforeAll(async () => {
  t = await createTestApp({ now: NOW });
  studio = await setUpStudio(t);
});
afterAll(async () => t.close());

const errorCode = (r: { json(): unknown }) => (r.json() as { error: { code: string } }).error.code;

describe('booking a class', () => {
  it('books a free place (201, one credit), and booking again returns the same booking (200) without a second credit', async () => {
    const sessionId = await makeSession(t, studio, '2026-03-23T06:30:00Z');
    const client = await clientWithCredits(t, 3);
    const first = await as(t.app, client).post(`/api/sessions/${sessionId}/registrations`);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toEqual({ id: expect.any(String), status: 'REGISTERED', waitlistPosition: null });
    const again = await as(t.app, client).post(`/api/sessions/${sessionId}/registrations`, {});
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    expect(await creditsLeft(t.database.db, client.id)).toBe(2);
    const list = await as(t.app, client).get(`/api/sessions?from=2026-03-23T00:00:00Z&to=2026-03-24T00:00:00Z`);
    const listed = list.json().find((s: { id: string }) => s.id === sessionId);
    expect(listed).toMatchObject({
      attendingCount: 1,
      waitingCount: 0,
      isFull: false,
      creditCost: 1,
      myRegistration: { status: 'REGISTERED' },
    });
    expect(listed.registrationsOpenAt).toBe('2026-03-09T06:30:00.000Z');
    expect(listed.lateCancelsAfter).toBe('2026-03-23T04:30:00.000Z');
  });

  it('refuses outside the registration window, without credits, on a clash and on a cancelled class', async () => {
    const client = await clientWithCredits(t, 5);
    const tooEarly = await makeSession(t, studio, '2026-04-10T06:30:00Z');
    const r1 = await as(t.app, client).post(`/api/sessions/${tooEarly}/registrations`);
    expect([r1.statusCode, errorCode(r1)]).toEqual([422, 'REGISTRATION_NOT_OPEN']);

    const closesEarly = await makeSession(t, studio, '2026-03-20T12:30:00Z', {
      registrationsCloseAt: '2026-03-20T11:00:00Z',
    });
    const r2 = await as(t.app, client).post(`/api/sessions/${closesEarly}/registrations`);
    expect([r2.statusCode, errorCode(r2)]).toEqual([422, 'REGISTRATION_CLOSED']);

    const broke = await createUser(t.app, 'CLIENT');
    const open = await makeSession(t, studio, '2026-03-24T06:30:00Z');
    const r3 = await as(t.app, broke).post(`/api/sessions/${open}/registrations`);
    expect([r3.statusCode, errorCode(r3)]).toEqual([422, 'INSUFFICIENT_CREDITS']);

    expect((await as(t.app, client).post(`/api/sessions/${open}/registrations`)).statusCode).toBe(201);
    const clash = await makeSession(t, studio, '2026-03-24T06:40:00Z', { title: 'Clash' });
    const r4 = await as(t.app, client).post(`/api/sessions/${clash}/registrations`);
    expect([r4.statusCode, errorCode(r4)]).toEqual([409, 'OVERLAPPING_BOOKING']);

    const cancelled = await makeSession(t, studio, '2026-03-25T06:30:00Z');
    expect((await as(t.app, studio.coach).post(`/api/sessions/${cancelled}/cancel`, {})).statusCode).toBe(200);
    const r5 = await as(t.app, client).post(`/api/sessions/${cancelled}/registrations`);
    expect([r5.statusCode, errorCode(r5)]).toEqual([422, 'SESSION_CANCELLED']);

    const r6 = await as(t.app, client).post(`/api/sessions/00000000-0000-4000-8000-000000000000/registrations`);
    expect([r6.statusCode, errorCode(r6)]).toEqual([404, 'SESSION_NOT_FOUND']);
  });

  it('queues clients on a full class at the end of the waitlist, needs a credit to join, and applies the waitlist limit', async () => {
    const sessionId = await makeSession(t, studio, '2026-03-26T06:30:00Z', { capacity: 1 });
    const [a, b, c] = [await clientWithCredits(t, 1), await clientWithCredits(t, 1), await clientWithCredits(t, 1)];
    expect((await as(t.app, a).post(`/api/sessions/${sessionId}/registrations`)).json().status).toBe('REGISTERED');
    expect((await as(t.app, b).post(`/api/sessions/${sessionId}/registrations`)).json()).toMatchObject({
      status: 'WAITLISTED',
      waitlistPosition: 1,
    });
    expect((await as(t.app, c).post(`/api/sessions/${sessionId}/registrations`)).json()).toMatchObject({
      status: 'WAITLISTED',
      waitlistPosition: 2,
    });
    expect(await creditsLeft(t.database.db, b.id)).toBe(1); // no credit taken to wait
    const broke = await createUser(t.app, 'CLIENT');
    const r = await as(t.app, broke).post(`/api/sessions/${sessionId}/registrations`);
    expect([r.statusCode, errorCode(r)]).toEqual([422, 'INSUFFICIENT_CREDITS']);

    const limited = await setUpStudio(t, { waitlistLimit: 0 });
    const noWaitlist = await makeSession(t, limited, '2026-03-26T08:00:00Z', { capacity: 1 });
    const firstIn = await clientWithCredits(t, 1);
    expect((await as(t.app, firstIn).post(`/api/sessions/${noWaitlist}/registrations`)).statusCode).toBe(201);
    const full = await as(t.app, c).post(`/api/sessions/${noWaitlist}/registrations`);
    expect([full.statusCode, errorCode(full)]).toEqual([422, 'WAITLIST_FULL']);
    expect(expectConsistent(await sessionInvariants(t.database.db, sessionId))).toEqual([]);
  });

  it('lets a coach add a client by hand, outside the window; a client cannot book for someone else', async () => {
    const sessionId = await makeSession(t, studio, '2026-04-20T06:30:00Z');
    const client = await clientWithCredits(t, 1);
    const other = await clientWithCredits(t, 1);
    const byClient = await as(t.app, other).post(`/api/sessions/${sessionId}/registrations`, { userId: client.id });
    expect([byClient.statusCode, errorCode(byClient)]).toEqual([403, 'FORBIDDEN']);
    const byCoach = await as(t.app, studio.coach).post(`/api/sessions/${sessionId}/registrations`, {
      userId: client.id,
    });
    expect(byCoach.statusCode, byCoach.body).toBe(201);
    const unknown = await as(t.app, studio.coach).post(`/api/sessions/${sessionId}/registrations`, {
      userId: 'nobody',
    });
    expect([unknown.statusCode, errorCode(unknown)]).toEqual([404, 'USER_NOT_FOUND']);
  });
});

describe('cancelling and the waitlist', () => {
  it('refunds before the late-cancel time and keeps the credit after it', async () => {
    const early = await makeSession(t, studio, '2026-03-27T06:30:00Z');
    const client = await clientWithCredits(t, 2);
    await as(t.app, client).post(`/api/sessions/${early}/registrations`);
    expect((await as(t.app, client).get(`/api/sessions/${early}`)).json().myRegistration.cancelWouldBeLate).toBe(false);
    const cancel = await as(t.app, client).delete(`/api/sessions/${early}/registrations/me`);
    expect(cancel.json()).toEqual({ status: 'CANCELLED', refunded: 1 });
    expect(await creditsLeft(t.database.db, client.id)).toBe(2);
    // The ledger speaks studio time in plain words (27 Mar is still GMT in London).
    const ledger = (await as(t.app, client).get('/api/me/credit-transactions')).json();
    const labels = ledger.entries
      .filter((e: { sessionId: string | null }) => e.sessionId === early)
      .map((e: { label: string }) => e.label);
    expect(labels).toEqual([
      expect.stringMatching(/^HIIT \w+ Fri 27 Mar 06:30 — .+ \(credit returned\)$/),
      expect.stringMatching(/^HIIT \w+ Fri 27 Mar 06:30 booked$/),
    ]);
    // Booking again after cancelling is allowed.
    expect((await as(t.app, client).post(`/api/sessions/${early}/registrations`)).statusCode).toBe(201);

    const soon = await makeSession(t, studio, '2026-03-20T13:30:00Z');
    await as(t.app, client).post(`/api/sessions/${soon}/registrations`);
    const late = await as(t.app, client).delete(`/api/sessions/${soon}/registrations/me`);
    expect(late.json()).toEqual({ status: 'LATE_CANCELLED', refunded: 0 });
    const none = await as(t.app, client).delete(`/api/sessions/${soon}/registrations/me`);
    expect([none.statusCode, errorCode(none)]).toEqual([404, 'REGISTRATION_NOT_FOUND']);
    expect(expectConsistent(await sessionInvariants(t.database.db, soon))).toEqual([]);
  });

  it('promotes the first waitlisted client who can pay, skipping one who cannot, and tells them', async () => {
    const sessionId = await makeSession(t, studio, '2026-03-28T09:00:00Z', { capacity: 1 });
    const booked = await clientWithCredits(t, 1);
    const skint = await clientWithCredits(t, 1);
    const next = await clientWithCredits(t, 1, 'Next In Line');
    await as(t.app, booked).post(`/api/sessions/${sessionId}/registrations`);
    await as(t.app, skint).post(`/api/sessions/${sessionId}/registrations`);
    await as(t.app, next).post(`/api/sessions/${sessionId}/registrations`);
    // skint spends their only credit elsewhere while waiting
    const elsewhere = await makeSession(t, studio, '2026-03-29T09:00:00Z');
    await as(t.app, skint).post(`/api/sessions/${elsewhere}/registrations`);

    expect((await as(t.app, booked).delete(`/api/sessions/${sessionId}/registrations/me`)).json()).toEqual({
      status: 'CANCELLED',
      refunded: 1,
    });
    const detail = (await as(t.app, studio.coach).get(`/api/sessions/${sessionId}`)).json();
    expect(detail.registrations.map((r: { user: { id: string } }) => r.user.id)).toEqual([next.id]);
    expect(
      detail.waitlist.map((r: { user: { id: string }; waitlistPosition: number }) => [r.user.id, r.waitlistPosition]),
    ).toEqual([[skint.id, 1]]);
    expect(await creditsLeft(t.database.db, next.id)).toBe(0);
    const nextLedger = (await as(t.app, next).get('/api/me/credit-transactions')).json();
    expect(nextLedger.entries[0].label).toMatch(/^HIIT \w+ Sat 28 Mar 09:00 \(from waitlist\) booked$/);
    const bell = (await as(t.app, next).get('/api/me/notifications')).json();
    expect(bell.unreadCount).toBe(1);
    expect(bell.items[0]).toMatchObject({
      kind: 'waitlist_promoted',
      title: expect.stringContaining('Sat 28 Mar at 09:00'),
    });
    const outbox = (await as(t.app, studio.admin).get('/api/admin/outbox')).json();
    expect(
      outbox.emails.some((e: { to: string; kind: string }) => e.to === next.email && e.kind === 'waitlist_promoted'),
    ).toBe(true);
    expect(expectConsistent(await sessionInvariants(t.database.db, sessionId))).toEqual([]);
    // A client never sees the roster.
    expect((await as(t.app, next).get(`/api/sessions/${sessionId}`)).json().registrations).toBeUndefined();
  });

  it('a client promoted after the late-cancel time may cancel with a refund', async () => {
    const sessionId = await makeSession(t, studio, '2026-03-20T13:00:00Z', { capacity: 1 });
    const [a, b] = [await clientWithCredits(t, 1), await clientWithCredits(t, 1)];
    await as(t.app, a).post(`/api/sessions/${sessionId}/registrations`);
    await as(t.app, b).post(`/api/sessions/${sessionId}/registrations`);
    // The server tells each client, before they cancel, what the cancellation would cost.
    const mineOf = async (who: typeof a) =>
      (await as(t.app, who).get(`/api/sessions/${sessionId}`)).json().myRegistration;
    expect(await mineOf(a)).toMatchObject({ status: 'REGISTERED', promotedAt: null, cancelWouldBeLate: true });
    expect(await mineOf(b)).toMatchObject({ status: 'WAITLISTED', cancelWouldBeLate: false });
    expect((await as(t.app, a).delete(`/api/sessions/${sessionId}/registrations/me`)).json()).toEqual({
      status: 'LATE_CANCELLED',
      refunded: 0,
    });
    const listed = (await as(t.app, b).get('/api/sessions?from=2026-03-20T00:00:00Z&to=2026-03-21T00:00:00Z'))
      .json()
      .find((s: { id: string }) => s.id === sessionId);
    expect(listed.myRegistration).toEqual({
      id: expect.any(String),
      status: 'REGISTERED',
      waitlistPosition: null,
      promotedAt: NOW.toISOString(),
      cancelWouldBeLate: false,
    });
    const schedule = (
      await as(t.app, b).get('/api/me/registrations?from=2026-03-20T00:00:00Z&to=2026-03-21T00:00:00Z')
    ).json();
    expect(schedule.find((r: { session: { id: string } }) => r.session.id === sessionId)).toMatchObject({
      status: 'REGISTERED',
      cancelWouldBeLate: false,
    });
    expect((await as(t.app, b).delete(`/api/sessions/${sessionId}/registrations/me`)).json()).toEqual({
      status: 'CANCELLED',
      refunded: 1,
    });
    expect(expectConsistent(await sessionInvariants(t.database.db, sessionId))).toEqual([]);
  });

  it('a coach removing a client refunds them and promotes the next one', async () => {
    const sessionId = await makeSession(t, studio, '2026-03-30T06:30:00Z', { capacity: 1 });
    const [a, b] = [await clientWithCredits(t, 1), await clientWithCredits(t, 1)];
    const reg = (await as(t.app, a).post(`/api/sessions/${sessionId}/registrations`)).json();
    await as(t.app, b).post(`/api/sessions/${sessionId}/registrations`);
    const byClient = await as(t.app, a).delete(`/api/registrations/${reg.id}`);
    expect(byClient.statusCode).toBe(403);
    expect((await as(t.app, studio.coach).delete(`/api/registrations/${reg.id}`)).json()).toEqual({
      status: 'CANCELLED',
      refunded: 1,
    });
    expect((await as(t.app, b).get(`/api/sessions/${sessionId}`)).json().myRegistration.status).toBe('REGISTERED');
    const again = await as(t.app, studio.coach).delete(`/api/registrations/${reg.id}`);
    expect([again.statusCode, errorCode(again)]).toEqual([404, 'REGISTRATION_NOT_FOUND']);
  });
});

describe('coach controls', () => {
  it('refuses lowering capacity below the places taken; raising it promotes from the waitlist', async () => {
    const sessionId = await makeSession(t, studio, '2026-03-31T06:30:00Z', { capacity: 2 });
    const clients = [
      await clientWithCredits(t, 1),
      await clientWithCredits(t, 1),
      await clientWithCredits(t, 1),
      await clientWithCredits(t, 1),
    ];
    for (const c of clients) await as(t.app, c).post(`/api/sessions/${sessionId}/registrations`);
    const lower = await as(t.app, studio.coach).patch(`/api/sessions/${sessionId}`, { capacity: 1 });
    expect([lower.statusCode, errorCode(lower)]).toEqual([422, 'CAPACITY_BELOW_ATTENDANCE']);
    const raise = await as(t.app, studio.coach).patch(`/api/sessions/${sessionId}`, { capacity: 3 });
    expect(raise.statusCode, raise.body).toBe(200);
    expect(raise.json()).toMatchObject({ capacity: 3, attendingCount: 3, waitingCount: 1 });
    const last = (await as(t.app, clients[3]!).get(`/api/sessions/${sessionId}`)).json();
    expect(last.myRegistration).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 1 });
    expect(expectConsistent(await sessionInvariants(t.database.db, sessionId))).toEqual([]);
  });

  it('cancelling a class refunds everyone, clears the waitlist and notifies all', async () => {
    const sessionId = await makeSession(t, studio, '2026-04-01T06:30:00Z', { capacity: 1 });
    const [a, b] = [await clientWithCredits(t, 1), await clientWithCredits(t, 1)];
    await as(t.app, a).post(`/api/sessions/${sessionId}/registrations`);
    await as(t.app, b).post(`/api/sessions/${sessionId}/registrations`);
    const cancelled = await as(t.app, studio.admin).post(`/api/sessions/${sessionId}/cancel`, {
      reason: 'Coach unwell',
    });
    expect(cancelled.json()).toMatchObject({ status: 'CANCELLED', attendingCount: 0, waitingCount: 0 });
    expect(await creditsLeft(t.database.db, a.id)).toBe(1);
    for (const c of [a, b]) {
      const bell = (await as(t.app, c).get('/api/me/notifications')).json();
      expect(bell.items[0]).toMatchObject({ kind: 'session_cancelled', body: expect.stringContaining('Coach unwell') });
    }
    expect(expectConsistent(await sessionInvariants(t.database.db, sessionId))).toEqual([]);
    // Cancelling again changes nothing.
    expect((await as(t.app, studio.admin).post(`/api/sessions/${sessionId}/cancel`, {})).statusCode).toBe(200);
  });

  it('marks attendance only in its window and only for booked clients', async () => {
    const sessionId = await makeSession(t, studio, '2026-03-20T12:20:00Z');
    const client = await clientWithCredits(t, 1);
    const outsider = await clientWithCredits(t, 1);
    await as(t.app, client).post(`/api/sessions/${sessionId}/registrations`);
    const tooEarly = await as(t.app, studio.coach).post(`/api/sessions/${sessionId}/attendance`, {
      userId: client.id,
      status: 'ATTENDED',
    });
    expect([tooEarly.statusCode, errorCode(tooEarly)]).toEqual([422, 'ATTENDANCE_NOT_OPEN']);
    t.clock.set('2026-03-20T12:25:00Z');
    try {
      const ok = await as(t.app, studio.coach).post(`/api/sessions/${sessionId}/attendance`, {
        userId: client.id,
        status: 'ATTENDED',
      });
      expect(ok.json()).toMatchObject({ userId: client.id, status: 'ATTENDED' });
      const notBooked = await as(t.app, studio.coach).post(`/api/sessions/${sessionId}/attendance`, {
        userId: outsider.id,
        status: 'NO_SHOW',
      });
      expect([notBooked.statusCode, errorCode(notBooked)]).toEqual([404, 'REGISTRATION_NOT_FOUND']);
      const bad = await as(t.app, studio.coach).post(`/api/sessions/${sessionId}/attendance`, {
        userId: client.id,
        status: 'LATE',
      });
      expect([bad.statusCode, errorCode(bad)]).toEqual([400, 'VALIDATION_ERROR']);
      const cancel = await as(t.app, client).delete(`/api/sessions/${sessionId}/registrations/me`);
      expect([cancel.statusCode, errorCode(cancel)]).toEqual([422, 'REGISTRATION_NOT_CANCELLABLE']);
    } finally {
      t.clock.set(NOW);
    }
  });

  it('validates sessions and class types', async () => {
    const badCoach = await as(t.app, studio.coach).post('/api/sessions', {
      classTypeId: studio.classTypeId,
      coachId: (await createUser(t.app)).id,
      startTime: '2026-04-02T06:30:00Z',
    });
    expect([badCoach.statusCode, errorCode(badCoach)]).toEqual([422, 'INVALID_COACH']);
    const noType = await as(t.app, studio.coach).post('/api/sessions', {
      classTypeId: '00000000-0000-4000-8000-000000000000',
      coachId: studio.coach.id,
      startTime: '2026-04-02T06:30:00Z',
    });
    expect([noType.statusCode, errorCode(noType)]).toEqual([404, 'CLASS_TYPE_NOT_FOUND']);
    const backwards = await as(t.app, studio.coach).post('/api/sessions', {
      classTypeId: studio.classTypeId,
      coachId: studio.coach.id,
      startTime: '2026-04-02T06:30:00Z',
      endTime: '2026-04-02T06:00:00Z',
    });
    expect([backwards.statusCode, errorCode(backwards)]).toEqual([400, 'VALIDATION_ERROR']);
    await makeSession(t, studio, '2026-04-02T06:30:00Z');
    const twice = await as(t.app, studio.coach).post('/api/sessions', {
      classTypeId: studio.classTypeId,
      coachId: studio.coach.id,
      startTime: '2026-04-02T06:30:00Z',
    });
    expect([twice.statusCode, errorCode(twice)]).toEqual([409, 'SESSION_SLOT_TAKEN']);
    const types = await as(t.app, studio.coach).get('/api/class-types');
    const name = types.json().find((c: { id: string }) => c.id === studio.classTypeId).name;
    const dup = await as(t.app, studio.admin).post('/api/class-types', {
      name: name.toUpperCase(),
      defaultCapacity: 5,
      defaultDurationMins: 30,
    });
    expect([dup.statusCode, errorCode(dup)]).toEqual([409, 'CLASS_TYPE_EXISTS']);
    const badColour = await as(t.app, studio.admin).post('/api/class-types', {
      name: 'Yoga',
      color: 'blue',
      defaultCapacity: 5,
      defaultDurationMins: 30,
    });
    expect([badColour.statusCode, errorCode(badColour)]).toEqual([400, 'VALIDATION_ERROR']);
    const client = await createUser(t.app);
    expect(
      (
        await as(t.app, client).post('/api/class-types', {
          name: 'Pilates',
          defaultCapacity: 5,
          defaultDurationMins: 30,
        })
      ).statusCode,
    ).toBe(403);
    const archived = await as(t.app, studio.admin).post('/api/class-types', {
      name: 'Spin',
      defaultCapacity: 8,
      defaultDurationMins: 45,
    });
    await as(t.app, studio.admin).patch(`/api/class-types/${archived.json().id}`, { active: false });
    expect(
      (await as(t.app, client).get('/api/class-types')).json().some((c: { name: string }) => c.name === 'Spin'),
    ).toBe(false);
    expect(
      (await as(t.app, studio.admin).get('/api/class-types?includeInactive=true'))
        .json()
        .some((c: { name: string }) => c.name === 'Spin'),
    ).toBe(true);
    const onArchived = await as(t.app, studio.coach).post('/api/sessions', {
      classTypeId: archived.json().id,
      coachId: studio.coach.id,
      startTime: '2026-04-02T08:30:00Z',
    });
    expect([onArchived.statusCode, errorCode(onArchived)]).toEqual([422, 'CLASS_TYPE_INACTIVE']);
  });
});
