import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classSessions, notifications, sessionSchedules } from '../../src/db/schema';
import { extendOngoingSchedules } from '../../src/services/sessions/extend-ongoing-schedules';
import { clientWithPack, setUpAppointments, type AppointmentStudio } from '../appointments/support';
import { as, createTestApp, type TestApp } from '../support/test-app';

// Friday 20 March 2026 (GMT); a week later the clocks have gone forward (BST, UTC+1).
const NOW = new Date('2026-03-20T12:00:00Z');
const A_WEEK_LATER = new Date('2026-04-02T12:00:00Z');
let t: TestApp;
let studio: AppointmentStudio;

beforeAll(async () => {
  t = await createTestApp({ now: NOW });
  studio = await setUpAppointments(t);
});
afterAll(async () => t.close());

const clashNotices = () =>
  t.database.db
    .select({ title: notifications.title, body: notifications.body, link: notifications.link })
    .from(notifications)
    .where(and(eq(notifications.userId, studio.admin.id), eq(notifications.kind, 'schedule_clash')));

describe('an ongoing weekly schedule meeting a 1-on-1', () => {
  it('leaves that week out and tells the admins once, with the date, time and what to do', async () => {
    const classType = (
      await as(t.app, studio.coach).post('/api/class-types', {
        name: 'Circuits',
        defaultCapacity: 10,
        defaultDurationMins: 45,
      })
    ).json();
    const created = await as(t.app, studio.coach).post('/api/schedules', {
      classTypeId: classType.id,
      coachId: studio.coach.id,
      daysOfWeek: ['THU'],
      localTime: '10:00',
      fromDate: '2026-03-26',
      ongoing: true,
    });
    expect(created.statusCode, created.body).toBe(201);
    const scheduleId = created.json().scheduleId as string;
    // Thursday 23 April 10:00 BST, the week the job adds next: the coach has a 1-on-1 then.
    const client = await clientWithPack(t, studio, studio.ptPackId, '2026-03-20');
    const booked = await as(t.app, studio.admin).post('/api/appointments', {
      serviceId: studio.serviceId,
      coachId: studio.coach.id,
      clientId: client.id,
      startTime: '2026-04-23T09:00:00Z',
      compReason: 'Trial',
    });
    expect(booked.statusCode, booked.body).toBe(201);

    expect(await extendOngoingSchedules(t.database.db, A_WEEK_LATER)).toEqual({ created: 0 });
    const series = await t.database.db
      .select({ id: classSessions.id })
      .from(classSessions)
      .where(eq(classSessions.scheduleId, scheduleId));
    expect(series).toHaveLength(4); // 26 Mar, 2, 9, 16 Apr; not 23 Apr
    expect(await clashNotices()).toEqual([
      {
        title: 'Circuits on Thu 23 Apr was not added',
        body:
          'The weekly schedule could not add Circuits on Thursday 23 April at 10:00: Gav Coach has a 1-on-1 booked then. ' +
          'The other weeks are added as usual. To run this class, move the 1-on-1 or choose another coach, ' +
          'then add the class for that day on the Schedule page.',
        link: '/schedule?day=2026-04-23',
      },
    ]);

    // Another run that meets the same clash (its horizon check passing again) tells nobody twice.
    await t.database.db
      .update(sessionSchedules)
      .set({ toDate: '2026-04-22' })
      .where(eq(sessionSchedules.id, scheduleId));
    expect(await extendOngoingSchedules(t.database.db, A_WEEK_LATER)).toEqual({ created: 0 });
    expect(await clashNotices()).toHaveLength(1);
    const emails = await t.database.db.execute(
      sql`SELECT count(*)::int AS n FROM email_outbox WHERE kind = 'schedule_clash'`,
    );
    expect((emails as unknown as { rows: Array<{ n: number }> }).rows[0]!.n).toBe(1);
  });
});
