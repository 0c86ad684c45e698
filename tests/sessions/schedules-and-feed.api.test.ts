import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completePastSessions } from '../../src/services/sessions/complete-past-sessions';
import { sendClassReminders } from '../../src/services/sessions/session-notifications';
import { as, createTestApp, type TestApp } from '../support/test-app';
import { clientWithCredits, makeSession, setUpStudio, type Studio } from './support';

const NOW = new Date('2026-03-20T12:00:00Z');
let t: TestApp;
let studio: Studio;

beforeAll(async () => {
  t = await createTestApp({ now: NOW });
  studio = await setUpStudio(t);
});
afterAll(async () => t.close());

const dstPattern = () => ({
  classTypeId: studio.classTypeId,
  coachId: studio.coach.id,
  daysOfWeek: ['MON', 'TUE', 'WED', 'THU', 'FRI'],
  localTime: '06:30',
  fromDate: '2026-03-23',
  toDate: '2026-04-03',
  location: 'Main studio',
});

describe('schedules', () => {
  it('previews, then creates Mon–Fri 06:30 across the clock change: 06:30 London every day (05:30Z from 30 March)', async () => {
    const preview = await as(t.app, studio.coach).post('/api/schedules?preview=true', dstPattern());
    expect(preview.statusCode, preview.body).toBe(200);
    const expected = [
      '2026-03-23T06:30:00.000Z',
      '2026-03-24T06:30:00.000Z',
      '2026-03-25T06:30:00.000Z',
      '2026-03-26T06:30:00.000Z',
      '2026-03-27T06:30:00.000Z',
      '2026-03-30T05:30:00.000Z',
      '2026-03-31T05:30:00.000Z',
      '2026-04-01T05:30:00.000Z',
      '2026-04-02T05:30:00.000Z',
      '2026-04-03T05:30:00.000Z',
    ];
    expect(preview.json().sessions.map((s: { startTime: string }) => s.startTime)).toEqual(expected);
    const before = await as(t.app, studio.coach).get('/api/sessions?from=2026-03-23T00:00:00Z&to=2026-04-04T00:00:00Z');
    expect(before.json()).toEqual([]); // a preview writes nothing

    const created = await as(t.app, studio.coach).post('/api/schedules', dstPattern());
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().sessions.map((s: { startTime: string }) => s.startTime)).toEqual(expected);
    expect(created.json().sessions[0]).toMatchObject({
      location: 'Main studio',
      capacity: 10,
      scheduleId: created.json().scheduleId,
    });

    // Running it again (or overlapping it) skips what exists.
    const again = await as(t.app, studio.coach).post('/api/schedules', { ...dstPattern(), toDate: '2026-04-06' });
    expect(again.json().sessions.map((s: { startTime: string }) => s.startTime)).toEqual(['2026-04-06T05:30:00.000Z']);
    expect(again.json().skipped).toHaveLength(10);
  });

  it('edits and cancels the rest of a series', async () => {
    const created = (
      await as(t.app, studio.coach).post('/api/schedules', {
        ...dstPattern(),
        localTime: '18:00',
        daysOfWeek: ['TUE'],
        toDate: '2026-04-14',
      })
    ).json();
    const [first, second, third] = created.sessions as Array<{ id: string }>;
    const edit = await as(t.app, studio.coach).patch(`/api/sessions/${second!.id}`, {
      capacity: 6,
      location: 'Room 2',
      scope: 'FOLLOWING',
    });
    expect(edit.statusCode, edit.body).toBe(200);
    const week = (
      await as(t.app, studio.coach).get('/api/sessions?from=2026-03-23T00:00:00Z&to=2026-04-04T00:00:00Z')
    ).json();
    const byId = (id: string) => week.find((s: { id: string }) => s.id === id);
    expect(byId(first!.id).capacity).toBe(10);
    expect(byId(second!.id)).toMatchObject({ capacity: 6, location: 'Room 2' });
    // Tuesdays 18:00 → 19:00 from the second class on (BST: 18:00Z), each on its own date.
    const booked = await clientWithCredits(t, 2);
    const booking = await as(t.app, booked).post(`/api/sessions/${second!.id}/registrations`, {});
    expect(booking.statusCode, booking.body).toBe(201);
    const moveSeries = await as(t.app, studio.coach).patch(`/api/sessions/${second!.id}`, {
      startTime: '2026-03-31T18:00:00Z',
      scope: 'FOLLOWING',
    });
    expect(moveSeries.statusCode, moveSeries.body).toBe(200);
    const moved = (
      await as(t.app, studio.coach).get('/api/sessions?from=2026-03-23T00:00:00Z&to=2026-04-15T00:00:00Z')
    ).json();
    const series = new Set((created.sessions as Array<{ id: string }>).map((s) => s.id));
    const ofSeries = moved.filter((s: { id: string }) => series.has(s.id));
    expect(ofSeries.map((s: { startTime: string; endTime: string }) => [s.startTime, s.endTime])).toEqual([
      ['2026-03-24T18:00:00.000Z', '2026-03-24T18:25:00.000Z'],
      ['2026-03-31T18:00:00.000Z', '2026-03-31T18:25:00.000Z'],
      ['2026-04-07T18:00:00.000Z', '2026-04-07T18:25:00.000Z'],
      ['2026-04-14T18:00:00.000Z', '2026-04-14T18:25:00.000Z'],
    ]);
    const told = (await as(t.app, booked).get('/api/me/notifications')).json();
    expect(JSON.stringify(told)).toMatch(/Changed: .*19:00/);
    const windows = await as(t.app, studio.coach).patch(`/api/sessions/${second!.id}`, {
      lateCancelsAfter: '2026-03-31T12:00:00Z',
      scope: 'FOLLOWING',
    });
    expect([windows.statusCode, windows.json().error.code]).toEqual([400, 'VALIDATION_ERROR']);
    const cancel = await as(t.app, studio.coach).post(`/api/sessions/${second!.id}/cancel`, { scope: 'FOLLOWING' });
    expect(cancel.json().status).toBe('CANCELLED');
    const after = (
      await as(t.app, studio.coach).get('/api/sessions?from=2026-03-23T00:00:00Z&to=2026-04-15T00:00:00Z')
    ).json();
    const statusOf = (id: string) => after.find((s: { id: string }) => s.id === id).status;
    expect(created.sessions).toHaveLength(4);
    expect([statusOf(first!.id), statusOf(second!.id), statusOf(third!.id), statusOf(created.sessions[3].id)]).toEqual([
      'SCHEDULED',
      'CANCELLED',
      'CANCELLED',
      'CANCELLED',
    ]);
  });

  it('refuses bad patterns', async () => {
    const backwards = await as(t.app, studio.coach).post('/api/schedules', { ...dstPattern(), toDate: '2026-03-01' });
    expect([backwards.statusCode, backwards.json().error.code]).toEqual([400, 'VALIDATION_ERROR']);
    const badTime = await as(t.app, studio.coach).post('/api/schedules', { ...dstPattern(), localTime: '6:30' });
    expect(badTime.statusCode).toBe(400);
    const client = await clientWithCredits(t, 0);
    expect((await as(t.app, client).post('/api/schedules?preview=true', dstPattern())).statusCode).toBe(403);
  });
});

describe('my schedule, calendar feed and class emails', () => {
  it('lists my bookings and waitlist places, and serves them as a private ICS feed that can be reset', async () => {
    const client = await clientWithCredits(t, 2, 'Feed Client');
    const a = await makeSession(t, studio, '2026-03-21T09:00:00Z', {
      title: 'Saturday HIIT',
      location: 'Unit 54, Balloo Drive',
    });
    const b = await makeSession(t, studio, '2026-03-22T09:00:00Z', { capacity: 1 });
    await as(t.app, await clientWithCredits(t, 1)).post(`/api/sessions/${b}/registrations`);
    await as(t.app, client).post(`/api/sessions/${a}/registrations`);
    await as(t.app, client).post(`/api/sessions/${b}/registrations`);
    const mine = (
      await as(t.app, client).get('/api/me/registrations?from=2026-03-20T00:00:00Z&to=2026-03-23T00:00:00Z')
    ).json();
    expect(
      mine.map((r: { status: string; waitlistPosition: number | null; session: { id: string } }) => [
        r.session.id,
        r.status,
        r.waitlistPosition,
      ]),
    ).toEqual([
      [a, 'REGISTERED', null],
      [b, 'WAITLISTED', 1],
    ]);

    const feed = (await as(t.app, client).get('/api/me/calendar-feed')).json();
    expect(feed.url).toMatch(/\/api\/me\/calendar\.ics\?token=[\w-]{43}$/);
    const sameAgain = (await as(t.app, client).get('/api/me/calendar-feed')).json();
    expect(sameAgain.url).toBe(feed.url);
    const path = feed.url.slice(feed.url.indexOf('/api/'));
    const ics = await t.app.inject({ method: 'GET', url: path });
    expect(ics.statusCode).toBe(200);
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.body).toContain(`UID:${a}@roster`);
    expect(ics.body).toContain('DTSTART:20260321T090000Z');
    expect(ics.body).toContain('LOCATION:Unit 54\\, Balloo Drive');
    expect(ics.body).toContain('SUMMARY:Waitlist #1');

    const reset = (await as(t.app, client).post('/api/me/calendar-feed/reset')).json();
    expect(reset.url).not.toBe(feed.url);
    const old = await t.app.inject({ method: 'GET', url: path });
    expect([old.statusCode, old.json().error.code]).toEqual([404, 'CALENDAR_FEED_NOT_FOUND']);
  });

  it('sends opt-in booking confirmations, and each reminder once however often the job runs', async () => {
    const client = await clientWithCredits(t, 2);
    const prefs = await as(t.app, client).put('/api/me/session-preferences', {
      bookingConfirmations: true,
      reminders: true,
      reminderHoursBefore: 3,
    });
    expect(prefs.json()).toEqual({ bookingConfirmations: true, reminders: true, reminderHoursBefore: 3 });
    const soon = await makeSession(t, studio, '2026-03-20T14:00:00Z', { title: 'Lunch HIIT' });
    const later = await makeSession(t, studio, '2026-03-21T14:00:00Z', { title: 'Tomorrow HIIT' });
    await as(t.app, client).post(`/api/sessions/${soon}/registrations`);
    await as(t.app, client).post(`/api/sessions/${later}/registrations`);
    const kinds = async () =>
      (await as(t.app, client).get('/api/me/notifications'))
        .json()
        .items.map((n: { kind: string }) => n.kind)
        .sort();
    expect(await kinds()).toEqual(['booking_confirmed', 'booking_confirmed']);

    const first = await sendClassReminders(t.database.db, NOW);
    const second = await sendClassReminders(t.database.db, NOW);
    expect(first.sent).toBeGreaterThanOrEqual(1);
    expect(second.sent).toBe(0);
    expect(await kinds()).toEqual(['booking_confirmed', 'booking_confirmed', 'class_reminder']);
    const outbox = (await as(t.app, studio.admin).get('/api/admin/outbox?limit=200')).json();
    expect(
      outbox.emails.filter((e: { to: string; kind: string }) => e.to === client.email && e.kind === 'class_reminder'),
    ).toHaveLength(1);
  });

  it('marks ended sessions COMPLETED once, and they stay in the client calendar', async () => {
    const past = await makeSession(t, studio, '2026-03-20T10:00:00Z');
    const attended = await makeSession(t, studio, '2026-03-20T12:30:00Z', { title: 'Attended HIIT' });
    const client = await clientWithCredits(t, 1);
    await as(t.app, client).post(`/api/sessions/${attended}/registrations`);
    const later = new Date('2026-03-20T13:00:00Z');
    expect((await completePastSessions(t.database.db, later)).completed).toBeGreaterThanOrEqual(2);
    expect((await completePastSessions(t.database.db, later)).completed).toBe(0);
    expect((await as(t.app, studio.coach).get(`/api/sessions/${past}`)).json().status).toBe('COMPLETED');
    const feed = (await as(t.app, client).get('/api/me/calendar-feed')).json();
    const ics = await t.app.inject({ method: 'GET', url: feed.url.slice(feed.url.indexOf('/api/')) });
    expect(ics.body).toContain(`UID:${attended}@roster`);
  });
});
