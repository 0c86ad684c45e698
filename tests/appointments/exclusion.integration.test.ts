import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/client';
import { isExclusionViolation } from '../../src/db/errors';
import { appointments, appointmentServices, users } from '../../src/db/schema';
import { createTestDatabase } from '../support/test-database';

/* The database itself refuses a coach in two places at once, whatever the code above it does. */
let database: DatabaseHandle;
let serviceId: string;

const at = (iso: string) => new Date(iso);
const row = (from: string, until: string) => ({
  serviceId,
  coachId: 'coach-1',
  clientId: 'client-1',
  startTime: at(from),
  endTime: at(until),
  busyFrom: at(from),
  busyUntil: at(until),
  lateCancelsAfter: at(from),
});

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  await db.insert(users).values([
    { id: 'coach-1', name: 'Coach', email: 'coach-1@example.test', role: 'COACH' },
    { id: 'client-1', name: 'Client', email: 'client-1@example.test' },
  ]);
  const [service] = await db.insert(appointmentServices).values({ name: 'PT', durationMins: 60 }).returning();
  serviceId = service!.id;
});
afterAll(async () => database.close());

describe('appointments_coach_busy_excl', () => {
  it('refuses an overlapping live appointment of the same coach, allows touching ranges', async () => {
    const { db } = database;
    await db.insert(appointments).values(row('2026-04-01T09:00:00Z', '2026-04-01T10:00:00Z'));
    await db.insert(appointments).values(row('2026-04-01T10:00:00Z', '2026-04-01T11:00:00Z'));
    const overlap = await db
      .insert(appointments)
      .values(row('2026-04-01T09:30:00Z', '2026-04-01T10:30:00Z'))
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(isExclusionViolation(overlap, 'appointments_coach_busy_excl')).toBe(true);
  });

  it('a cancelled appointment frees its time', async () => {
    const { db } = database;
    const [first] = await db
      .insert(appointments)
      .values(row('2026-04-02T09:00:00Z', '2026-04-02T10:00:00Z'))
      .returning();
    await db.update(appointments).set({ status: 'CANCELLED' }).where(eq(appointments.id, first!.id));
    await expect(
      db.insert(appointments).values(row('2026-04-02T09:00:00Z', '2026-04-02T10:00:00Z')),
    ).resolves.toBeDefined();
  });
});
