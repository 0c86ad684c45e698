import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoStudio } from '../../src/seed/seed-demo';
import { createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
const rows = async <T>(query: ReturnType<typeof sql>) =>
  ((await t.database.db.execute(query)) as unknown as { rows: T[] }).rows;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoStudio(t.database.db, t.app.deps.auth, new Date());
});
afterAll(async () => t.close());

describe('demo studio 1-on-1s', () => {
  it('keeps appointments switched off, with services, two coaches’ hours and a PT pack paying for two bookings', async () => {
    const flag = await rows<{ value: unknown }>(
      sql`SELECT value FROM system_settings WHERE key = 'features.appointments.enabled'`,
    );
    expect(flag.map((f) => f.value)).not.toContain(true);
    const services = await rows<{ name: string }>(sql`SELECT name FROM appointment_services ORDER BY name`);
    expect(services.map((s) => s.name)).toEqual(['Personal Training 45', 'Sports Massage 60']);
    const coaches = await rows<{ n: number }>(sql`SELECT count(DISTINCT coach_id)::int AS n FROM coach_weekly_hours`);
    expect(Number(coaches[0]!.n)).toBe(2);
    const booked = await rows<{ email: string; credits: number }>(sql`
      SELECT u.email, (SELECT -SUM(t.amount)::int FROM credit_transactions t WHERE t.appointment_id = a.id) AS credits
      FROM appointments a JOIN "user" u ON u.id = a.client_id WHERE a.status = 'BOOKED'`);
    expect(booked.map((b) => [b.email, Number(b.credits)])).toEqual([
      ['jordan@roster.test', 1],
      ['jordan@roster.test', 1],
    ]);
  });
});
