import { sql } from 'drizzle-orm';
import { as, createUser, type TestApp, type TestUser } from '../support/test-app';

export interface AppointmentStudio {
  admin: TestUser;
  coach: TestUser;
  serviceId: string;
  /** A PT 5-pack: pays for the PT service only. */
  ptPackId: string;
  /** A class 5-pack: pays for every class type, no service. */
  classPackId: string;
}

async function ok<T>(response: { statusCode: number; body: string; json(): T }, what: string): Promise<T> {
  if (response.statusCode >= 300) throw new Error(`${what}: ${response.statusCode} ${response.body}`);
  return response.json();
}

/**
 * Appointments switched on; one coach offering "PT 45" (45 min, 15 min after, hourly starts,
 * 12 h notice, 24 h late-cancel cutoff, 1 credit) Monday to Sunday 06:00–20:00; a PT pack and a
 * class pack as plans.
 */
export async function setUpAppointments(t: TestApp): Promise<AppointmentStudio> {
  const admin = await createUser(t.app, 'ADMIN', 'Alex Admin');
  const coach = await createUser(t.app, 'COACH', 'Gav Coach');
  await ok(await as(t.app, admin).put('/api/admin/settings/features.appointments.enabled', { value: true }), 'flag');
  const service = await ok<{ id: string }>(
    await as(t.app, admin).post('/api/admin/appointment-services', {
      name: `PT 45 ${Math.random().toString(36).slice(2, 6)}`,
      durationMins: 45,
      bufferAfterMins: 15,
      startIntervalMins: 60,
      minNoticeHours: 12,
      lateCancelHoursBefore: 24,
      creditCost: 1,
      coachIds: [coach.id],
    }),
    'service',
  );
  const days = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'].map((weekday) => ({
    weekday,
    ranges: [{ start: '06:00', end: '20:00' }],
  }));
  await ok(await as(t.app, coach).put(`/api/coaches/${coach.id}/availability/weekly`, { days }), 'hours');
  const plan = (name: string, extra: Record<string, unknown>) =>
    as(t.app, admin).post('/api/admin/plans', { name, type: 'PACK', totalCredits: 5, price: 150, ...extra });
  const ptPack = await ok<{ id: string }>(await plan('5 PT', { appointmentServiceIds: [service.id] }), 'PT pack');
  const classPack = await ok<{ id: string }>(await plan('5 classes', { coversAllClassTypes: true }), 'class pack');
  return { admin, coach, serviceId: service.id, ptPackId: ptPack.id, classPackId: classPack.id };
}

/** A client holding one pack (assigned by the admin from `startDate`). */
export async function clientWithPack(t: TestApp, studio: AppointmentStudio, planId: string, startDate: string) {
  const client = await createUser(t.app, 'CLIENT');
  await ok(
    await as(t.app, studio.admin).post(`/api/admin/users/${client.id}/memberships`, { planId, startDate }),
    'membership',
  );
  return client;
}

export async function creditsHeldBy(t: TestApp, userId: string): Promise<number> {
  const result = await t.database.db.execute(
    sql`SELECT COALESCE(SUM(remaining), 0)::int AS n FROM credit_grants WHERE user_id = ${userId}`,
  );
  return Number((result as { rows: Array<{ n: number }> }).rows[0]!.n);
}

/** More coaches for the studio's service, each working every day 06:00–20:00 (for "any coach" bookings). */
export async function addCoaches(t: TestApp, studio: AppointmentStudio, names: string[]): Promise<TestUser[]> {
  const coaches: TestUser[] = [];
  for (const name of names) coaches.push(await createUser(t.app, 'COACH', name));
  const days = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'].map((weekday) => ({
    weekday,
    ranges: [{ start: '06:00', end: '20:00' }],
  }));
  for (const coach of coaches)
    await ok(await as(t.app, coach).put(`/api/coaches/${coach.id}/availability/weekly`, { days }), 'hours');
  await ok(
    await as(t.app, studio.admin).patch(`/api/admin/appointment-services/${studio.serviceId}`, {
      coachIds: [studio.coach.id, ...coaches.map((c) => c.id)],
    }),
    'service coaches',
  );
  return coaches;
}
