import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { sessionList } from '../../src/contracts/sessions';
import { listSessions, type SessionFilters } from '../../src/services/sessions/session-views';
import { lookUpRequestSession, verifiedSessionToken } from '../../src/services/auth/look-up-request-session';
import { weekProbeOf, weekTag, weekView, weekViewRider, WeekSnapshots } from '../../src/services/sessions/week-view';
import { weekValues } from '../../src/services/sessions/week-view-sql';
import { as, createTestApp, createUser, type TestApp, type TestUser } from '../support/test-app';
import { clientWithCredits, makeSession, setUpStudio, type Studio } from './support';

/*
 * The week view (ADR 0028: the week as everyone sees it from one JSON statement, the viewer's own
 * places laid over it) against the query builder's list encoded by the contract: the same text,
 * key order included, on a realistic week —
 * two class types and coaches, a full class with a waitlist, a class cancelled by the studio,
 * clients with and without bookings — at moments either side of the late-cancel cutoff and the start.
 */
const NOW = new Date('2026-03-20T12:00:00Z');
const WEEK = { from: new Date('2026-03-23T00:00:00Z'), to: new Date('2026-03-30T00:00:00Z') };
const WEEK_URL = `/api/sessions?from=${WEEK.from.toISOString()}&to=${WEEK.to.toISOString()}`;

let t: TestApp;
let studio: Studio;
let yoga: Studio;
let viewers: Record<'booker' | 'waiting' | 'secondInLine' | 'noBookings' | 'coach' | 'admin', TestUser>;
const ids: Record<'full' | 'sameMoment' | 'yoga' | 'cancelled' | 'later' | 'nextWeek', string> = {} as never;

type Listed = z.output<typeof sessionList>;
type Sent = Array<Omit<Listed[number], 'myRegistration'> & { myRegistration: Record<string, unknown> | null }>;

/** What the viewer's session lookup reads for the week (the lookup rider). */
async function probeFor(viewer: TestUser, filters: SessionFilters, now: Date) {
  const token = verifiedSessionToken(viewer.cookie, t.app.deps.config.authSecret);
  const values = weekValues(filters, now);
  const lookup = await lookUpRequestSession(t.database.db, token, now, { rider: weekViewRider, values });
  const probe = weekProbeOf({ values, row: lookup.riderRow }, filters);
  expect(probe).toBeDefined();
  return probe!;
}

/**
 * Both answers for one viewer; fails unless they are the same JSON, unless the tag the session
 * lookup's probe gives is the one read with the body, and unless the kept copy answers the same.
 */
async function sameWeek(viewer: TestUser, filters: SessionFilters = WEEK): Promise<Sent> {
  const actor = { id: viewer.id, role: viewer.role };
  const now = t.clock.now();
  const builder = JSON.stringify(z.encode(sessionList, await listSessions(t.database.db, actor, filters, now)));
  const snapshots = new WeekSnapshots();
  const read = await weekView(t.database.db, snapshots, actor, filters, now, undefined);
  expect(read.body).toBe(builder);
  const probe = await probeFor(viewer, filters, now);
  expect(weekTag(actor, filters, probe)).toBe(read.tag);
  expect(await weekView(t.database.db, snapshots, actor, filters, now, probe)).toEqual(read);
  return JSON.parse(read.body) as Sent;
}

/** For each viewer, and through the route too, whose kept copy of the week one viewer's request leaves for the next. */
async function everyViewerSees() {
  for (const viewer of Object.values(viewers)) {
    const routed = await as(t.app, viewer).get(WEEK_URL);
    expect(routed.statusCode, routed.body).toBe(200);
    expect(routed.json()).toEqual(await sameWeek(viewer));
  }
}

const book = async (client: TestUser, sessionId: string) => {
  const response = await as(t.app, client).post(`/api/sessions/${sessionId}/registrations`);
  expect(response.statusCode, response.body).toBe(201);
};
const mineIn = (week: Sent, sessionId: string) => week.find((s) => s.id === sessionId)?.myRegistration;

beforeAll(async () => {
  t = await createTestApp({ now: NOW });
  studio = await setUpStudio(t);
  const yogaCoach = await createUser(t.app, 'COACH', 'Yara Yoga');
  const yogaType = await as(t.app, yogaCoach).post('/api/class-types', {
    name: 'Yoga flow',
    color: '#10b981',
    defaultCapacity: 12,
    defaultDurationMins: 60,
    creditCost: 2,
  });
  yoga = { ...studio, coach: yogaCoach, classTypeId: yogaType.json<{ id: string }>().id };
  ids.full = await makeSession(t, studio, '2026-03-23T06:30:00Z', { capacity: 1, title: 'Early HIIT' });
  ids.sameMoment = await makeSession(t, yoga, '2026-03-23T06:30:00Z', { location: 'Room 2', notes: 'Bring a mat' });
  ids.yoga = await makeSession(t, yoga, '2026-03-24T18:00:00Z');
  ids.cancelled = await makeSession(t, studio, '2026-03-25T07:00:00Z');
  ids.later = await makeSession(t, studio, '2026-03-29T23:30:00Z');
  ids.nextWeek = await makeSession(t, studio, '2026-03-30T06:30:00Z');
  viewers = {
    booker: await clientWithCredits(t, 10),
    waiting: await clientWithCredits(t, 10),
    secondInLine: await clientWithCredits(t, 10),
    noBookings: await clientWithCredits(t, 10),
    coach: studio.coach,
    admin: studio.admin,
  };
  await book(viewers.booker, ids.full);
  await book(viewers.waiting, ids.full); // waitlisted, first in line
  await book(viewers.secondInLine, ids.full);
  await book(viewers.booker, ids.yoga);
  await book(viewers.waiting, ids.yoga);
  await book(viewers.booker, ids.later);
  await book(viewers.secondInLine, ids.cancelled);
  const cancel = await as(t.app, studio.admin).post(`/api/sessions/${ids.cancelled}/cancel`, { reason: 'Coach ill' });
  expect(cancel.statusCode, cancel.body).toBe(200);
});
afterAll(async () => t.close());

describe('the week view: one JSON statement for everyone, each viewer’s places laid over it', () => {
  it('answers what the builder and the contract answered, for each viewer, days before the week', async () => {
    await everyViewerSees();
    const week = await sameWeek(viewers.booker);
    expect(week.map((s) => s.id)).not.toContain(ids.nextWeek);
    expect(week).toHaveLength(5);
    expect(week.find((s) => s.id === ids.cancelled)?.status).toBe('CANCELLED');
    expect(week.find((s) => s.id === ids.full)).toMatchObject({ isFull: true, attendingCount: 1, waitingCount: 2 });
    expect(mineIn(week, ids.full)).toMatchObject({ status: 'REGISTERED', promotedAt: null, cancelWouldBeLate: false });
    expect(mineIn(await sameWeek(viewers.secondInLine), ids.full)).toMatchObject({ waitlistPosition: 2 });
    expect(mineIn(await sameWeek(viewers.secondInLine), ids.cancelled)).toBeNull();
    expect((await sameWeek(viewers.noBookings)).every((s) => s.myRegistration === null)).toBe(true);
  });

  it('answers the same with a class type or coach filter, and [] for an empty week', async () => {
    const hiit = await sameWeek(viewers.booker, { ...WEEK, classTypeId: studio.classTypeId });
    expect(hiit.map((s) => s.id)).toEqual([ids.full, ids.cancelled, ids.later]);
    expect(await sameWeek(viewers.waiting, { ...WEEK, coachId: yoga.coach.id })).toHaveLength(2);
    const empty = { from: new Date('2026-05-04T00:00:00Z'), to: new Date('2026-05-11T00:00:00Z') };
    expect(await sameWeek(viewers.booker, empty)).toEqual([]);
  });

  it('says a cancellation would be late as the domain rule does, after the cutoff and after a late promotion', async () => {
    t.clock.set(new Date('2026-03-23T05:00:00Z')); // past the 06:30 class's cutoff (2 hours before)
    await everyViewerSees();
    expect(mineIn(await sameWeek(viewers.booker), ids.full)).toMatchObject({ cancelWouldBeLate: true });
    expect(mineIn(await sameWeek(viewers.booker), ids.yoga)).toMatchObject({ cancelWouldBeLate: false });

    const late = await as(t.app, viewers.booker).delete(`/api/sessions/${ids.full}/registrations/me`);
    expect(late.statusCode, late.body).toBe(200);
    await everyViewerSees();
    const promoted = mineIn(await sameWeek(viewers.waiting), ids.full);
    expect(promoted).toMatchObject({ status: 'REGISTERED', cancelWouldBeLate: false });
    expect(promoted?.promotedAt).toEqual(expect.any(String));
    expect(mineIn(await sameWeek(viewers.secondInLine), ids.full)).toMatchObject({ waitlistPosition: 1 });

    t.clock.set(new Date('2026-03-23T06:45:00Z')); // the class has started: nothing is cancellable
    await everyViewerSees();
    expect(mineIn(await sameWeek(viewers.waiting), ids.full)).toMatchObject({ cancelWouldBeLate: false });
  });

  it('is what the route sends: JSON the contract decodes, with the ETag still answering 304', async () => {
    const response = await as(t.app, viewers.waiting).get(WEEK_URL);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(sessionList.safeParse(response.json()).success).toBe(true);
    expect(response.json()).toEqual(await sameWeek(viewers.waiting));
    const again = await t.app.inject({
      method: 'GET',
      url: WEEK_URL,
      headers: { cookie: viewers.waiting.cookie, 'if-none-match': String(response.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
  });
});
