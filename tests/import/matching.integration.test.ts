import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/client';
import { appointmentServices, classSessions, planAppointmentServices, users } from '../../src/db/schema';
import { importFromTeamup } from '../../src/services/import/import-from-teamup';
import { createTestDatabase } from '../support/test-database';
import { files, weeklyEvents } from './fixtures';

const NOW = new Date('2026-03-20T12:00:00Z');

describe('matching what Roster already has', () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase();
    // Two staff accounts with the instructor's name: the import must not pick one.
    await database.db.insert(users).values([
      { id: 'coach-a', name: 'Gavin Testcoach', email: 'gavin.a@example.test', role: 'COACH' },
      { id: 'coach-b', name: 'Gavin Testcoach', email: 'gavin.b@example.test', role: 'ADMIN' },
      { id: 'client-1', name: 'Sam Existing', email: 'sam@example.test', role: 'CLIENT' },
    ]);
  });
  afterAll(async () => database.close());

  it('reports an instructor matching two staff accounts and imports none of their classes', async () => {
    const report = await importFromTeamup(database.db, null, files(weeklyEvents(4)), { dryRun: false }, NOW);
    expect(report.problems.find((p) => p.file === 'instructors')?.message).toMatch(
      /instructors\.json, row 1 \(id 501\): Gavin Testcoach matches 2 staff accounts \(gavin\.a@example\.test, gavin\.b@example\.test\)/,
    );
    expect(report.counts.coaches).toMatchObject({ created: 1, skipped: 1 }); // Rose, a placeholder
    expect(Number((await database.db.select({ n: count() }).from(classSessions))[0]!.n)).toBe(0);
  });

  it('links a client who already has an account, also when TeamUp re-created them under a new id', async () => {
    const csv = (id: string) => `Customer ID,Name,Email\n${id},Sam Existing,sam@example.test\n`;
    const first = await importFromTeamup(database.db, null, files([], csv('77')), { dryRun: false }, NOW);
    expect(first.counts.customers).toMatchObject({ created: 0, updated: 1 });
    const second = await importFromTeamup(database.db, null, files([], csv('78')), { dryRun: false }, NOW);
    expect(second.counts.customers).toMatchObject({ created: 0, updated: 1 });
    expect(
      Number((await database.db.select({ n: count() }).from(users).where(eq(users.email, 'sam@example.test')))[0]!.n),
    ).toBe(1);
  });
});

describe('a 1-on-1 service the studio already has', () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database.close());

  it('pays for it by name (any case) instead of creating a second one', async () => {
    const [own] = await database.db
      .insert(appointmentServices)
      .values({ name: 'personal training', durationMins: 45 })
      .returning();
    const report = await importFromTeamup(database.db, null, files([]), { dryRun: false }, NOW);
    expect(report.counts.services).toMatchObject({ created: 0, unchanged: 1 });
    expect(report.problems.some((p) => /new 1-on-1 service/.test(p.message))).toBe(false);
    expect(await database.db.select().from(appointmentServices)).toEqual([own]);
    expect(
      await database.db.select({ serviceId: planAppointmentServices.serviceId }).from(planAppointmentServices),
    ).toEqual([{ serviceId: own!.id }]);
  });
});
