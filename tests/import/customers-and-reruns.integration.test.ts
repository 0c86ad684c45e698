import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/client';
import {
  appointmentServices,
  classSessions,
  creditGrants,
  creditTransactions,
  emailOutbox,
  membershipPlans,
  memberships,
  planAppointmentServices,
  sessionSchedules,
  users,
} from '../../src/db/schema';
import { importFromTeamup } from '../../src/services/import/import-from-teamup';
import { createTestDatabase } from '../support/test-database';
import { files, weeklyEvents } from './fixtures';

const NOW = new Date('2026-03-20T12:00:00Z');

// Extra columns, a different order, and TeamUp's UK dates: the reader goes by header names.
const CUSTOMERS = [
  'Last Name,Email,First Name,Notes,Active Membership,Pack Uses Left,Phone,Joined',
  'Patel,sam.p@example.test,Sam,likes mornings,10 Class Pack,3,07700 900001,05/01/2025',
  'Reid,jordan.r@example.test,Jordan,,Unlimited x 3,,,2025-02-10',
  'Shah,priya.s@example.test,Priya,,5 Personal Training Sessions,2,,',
  'Nomail,,Nora,,,,,',
].join('\n');

describe('customers, pack balances and re-runs', () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database.close());
  const db = () => database.db;
  const run = (events = weeklyEvents(6), invite = false) =>
    importFromTeamup(db(), null, files(events, CUSTOMERS), { dryRun: false, inviteCustomers: invite }, NOW);

  it('imports clients, their membership and pack balance as one opening ledger entry, never twice', async () => {
    const report = await run(undefined, true);
    expect(report.counts.customers.created).toBe(3);
    expect(report.problems.some((p) => p.row === 5 && /Nora Nomail has no email/.test(p.message))).toBe(true);
    const [sam] = await db().select().from(users).where(eq(users.email, 'sam.p@example.test'));
    expect(sam).toMatchObject({ name: 'Sam Patel', role: 'CLIENT', phone: '07700 900001' });
    const ledger = () => db().select().from(creditTransactions).where(eq(creditTransactions.userId, sam!.id));
    expect((await ledger()).map((l) => [l.amount, l.description])).toEqual([
      [3, 'Imported from TeamUp: 3 sessions left (10 Class Pack)'],
    ]);
    // Jordan's recurring plan gets this week's credits like any membership.
    const [jordan] = await db().select().from(users).where(eq(users.email, 'jordan.r@example.test'));
    expect((await db().select().from(creditGrants).where(eq(creditGrants.userId, jordan!.id))).length).toBeGreaterThan(
      0,
    );
    // Priya's PT pack is hers to use at once: its plan pays for Personal Training and no class type.
    const [priya] = await db().select().from(users).where(eq(users.email, 'priya.s@example.test'));
    const [ptMembership] = await db().select().from(memberships).where(eq(memberships.userId, priya!.id));
    expect(ptMembership!.status).toBe('ACTIVE');
    const [ptPlan] = await db().select().from(membershipPlans).where(eq(membershipPlans.id, ptMembership!.planId));
    expect(ptPlan).toMatchObject({ active: true, coversAllClassTypes: false });
    const covered = await db()
      .select({ name: appointmentServices.name })
      .from(planAppointmentServices)
      .innerJoin(appointmentServices, eq(appointmentServices.id, planAppointmentServices.serviceId))
      .where(eq(planAppointmentServices.planId, ptPlan!.id));
    expect(covered).toEqual([{ name: 'Personal Training' }]);
    expect(report.keptForLater.join(' ')).not.toMatch(/5 Personal Training Sessions/);
    expect(
      Number((await db().select({ n: count() }).from(emailOutbox).where(eq(emailOutbox.kind, 'import_invite')))[0]!.n),
    ).toBe(3);

    const again = await run(undefined, true);
    expect(again.counts.customers).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect(again.counts.packBalances).toMatchObject({ created: 0, unchanged: 2 });
    expect((await ledger()).length).toBe(1);
    expect(Number((await db().select({ n: count() }).from(emailOutbox))[0]!.n)).toBe(3);
  });

  it('a newer export with one class moved updates that session only', async () => {
    const events = weeklyEvents(6);
    const moved = events[9]!; // a future class (week 5, Wednesday)
    const before = await db().select().from(classSessions);
    const newStart = new Date(new Date(moved.starts_at).getTime() + 30 * 60_000);
    events[9] = {
      ...moved,
      starts_at: newStart.toISOString(),
      ends_at: new Date(newStart.getTime() + 25 * 60_000).toISOString(),
    };
    const report = await run(events);
    expect(report.counts.sessions.updated).toBe(1);
    expect(report.counts.sessions.created + report.counts.history.created).toBe(0);
    const after = await db().select().from(classSessions);
    const changed = after.filter((s) => {
      const old = before.find((b) => b.id === s.id)!;
      return old.startTime.getTime() !== s.startTime.getTime() || old.updatedAt.getTime() !== s.updatedAt.getTime();
    });
    expect(changed.map((s) => s.startTime.toISOString())).toEqual([newStart.toISOString()]);
    expect(after.length).toBe(before.length);
  });

  it('the future weekly timetable becomes a schedule its sessions belong to', async () => {
    const [schedule] = await db().select().from(sessionSchedules);
    expect(schedule).toMatchObject({ daysOfWeek: ['MON', 'WED'], localTime: '06:30', timezone: 'Europe/London' });
    const inSeries = await db()
      .select({ n: count() })
      .from(classSessions)
      .where(and(eq(classSessions.scheduleId, schedule!.id), eq(classSessions.status, 'SCHEDULED')));
    expect(Number(inSeries[0]!.n)).toBeGreaterThanOrEqual(3);
  });
});
