import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classSessions, notifications } from '../../src/db/schema';
import { extendOngoingSchedules } from '../../src/services/sessions/extend-ongoing-schedules';
import { clientWithPack, setUpAppointments, type AppointmentStudio } from '../appointments/support';
import { as, createTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase, onPostgres } from '../support/test-database';

const NOW = new Date('2026-03-20T12:00:00Z');
const A_WEEK_LATER = new Date('2026-04-02T12:00:00Z');
let t: TestApp;
let studio: AppointmentStudio;

describe.runIf(onPostgres())('the extend-ongoing job on two instances at once (PostgreSQL)', () => {
  beforeAll(async () => {
    t = await createTestApp({ now: NOW, database: await createTestDatabase({ poolSize: 10 }) });
    studio = await setUpAppointments(t);
  });
  afterAll(async () => {
    await t?.close();
    await t?.database.close();
  });

  it('two runs meeting one clash: the class left out, the admins told once', async () => {
    const classType = (
      await as(t.app, studio.coach).post('/api/class-types', {
        name: 'Race circuits',
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
    const client = await clientWithPack(t, studio, studio.ptPackId, '2026-03-20');
    const booked = await as(t.app, studio.admin).post('/api/appointments', {
      serviceId: studio.serviceId,
      coachId: studio.coach.id,
      clientId: client.id,
      startTime: '2026-04-23T09:00:00Z',
      compReason: 'Trial',
    });
    expect(booked.statusCode, booked.body).toBe(201);

    const runs = await Promise.all([
      extendOngoingSchedules(t.database.db, A_WEEK_LATER),
      extendOngoingSchedules(t.database.db, A_WEEK_LATER),
    ]);
    expect(runs).toEqual([{ created: 0 }, { created: 0 }]);
    const series = await t.database.db
      .select({ id: classSessions.id })
      .from(classSessions)
      .where(eq(classSessions.scheduleId, created.json().scheduleId as string));
    expect(series).toHaveLength(4);
    const told = await t.database.db
      .select({ id: notifications.id })
      .from(notifications)
      .where(and(eq(notifications.userId, studio.admin.id), eq(notifications.kind, 'schedule_clash')));
    expect(told).toHaveLength(1);
  });
});
