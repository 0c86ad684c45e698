import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cohortMemberships, emailOutbox, notifications, questionnaireResponses } from '../../src/db/schema';
import type { Actor } from '../../src/domain/access/roles';
import { DomainError } from '../../src/domain/shared/domain-error';
import { enrolMember } from '../../src/services/cohorts/memberships';
import { putMyQuestionnaire } from '../../src/services/cohorts/my-questionnaire';
import { nudgeMembers } from '../../src/services/cohorts/nudge-members';
import { onPostgres } from '../support/test-database';
import { as, createTestApp, createUser, type TestApp, type TestUser } from '../support/test-app';
import { createCohort, enrol, ok } from './cohort-test-kit';

/*
 * The database's own guarantees for cohorts. The invariants (locked responses, one current cohort,
 * one check-in a day) are checked on whichever database runs the suite; the races only on
 * PostgreSQL, where several connections can really collide.
 */
let t: TestApp;
let coach: TestUser;
const actorOf = (u: TestUser): Actor => ({ id: u.id, role: u.role });
const codeOf = (r: PromiseSettledResult<unknown>) => (r.status === 'rejected' ? (r.reason as DomainError).code : 'OK');
const NOW = new Date('2026-03-08T10:00:00Z');

/** The database's own message, under Drizzle's "Failed query" wrapper. */
async function databaseRefusal(query: Promise<unknown>): Promise<string> {
  const error = await query.then(
    () => null,
    (e: unknown) => e as Error & { cause?: Error },
  );
  expect(error, 'the database accepted the statement').not.toBeNull();
  return `${error!.message} ${error!.cause?.message ?? ''}`;
}

beforeAll(async () => {
  t = await createTestApp({ now: new Date('2026-03-08T10:00:00Z') }); // Sunday, last day of week 1 of the cohorts below
  coach = await createUser(t.app, 'COACH');
});
afterAll(async () => t.close());

async function newCohort(name: string) {
  return (await createCohort(t, coach, { name, startDate: '2026-03-02', weeks: 6 })).id as string;
}

async function answersFor(client: TestUser, week: number) {
  const { questions } = ok(await as(t.app, client).get(`/api/me/questionnaires/${week}`));
  return Object.fromEntries(
    questions.map((q: { id: string; kind: string }) => [q.id, q.kind === 'number' ? 4 : 'An honest answer']),
  );
}

describe('cohort invariants in the database', () => {
  it('refuses any direct UPDATE of a submitted questionnaire response, but not of a draft', async () => {
    const cohortId = await newCohort('Trigger check');
    const client = await createUser(t.app, 'CLIENT');
    await enrol(t, coach, cohortId, client);
    ok(await as(t.app, client).put('/api/me/questionnaires/1', { answers: { wins: 'draft' } }));
    const db = t.app.deps.db;
    await db
      .update(questionnaireResponses)
      .set({ answers: { wins: 'changed draft' } })
      .where(eq(questionnaireResponses.userId, client.id));
    ok(await as(t.app, client).put('/api/me/questionnaires/1', { answers: await answersFor(client, 1), submit: true }));
    expect(
      await databaseRefusal(
        db.execute(sql`UPDATE questionnaire_responses SET answers = '{}'::jsonb WHERE user_id = ${client.id}`),
      ),
    ).toMatch(/submitted and is locked/);
    expect(
      await databaseRefusal(
        db.execute(
          sql`UPDATE questionnaire_responses SET status = 'DRAFT', submitted_at = NULL WHERE user_id = ${client.id}`,
        ),
      ),
    ).toMatch(/locked/);
  });

  it('keeps a client in at most one current cohort, whatever writes the row', async () => {
    const [a, b] = [await newCohort('Index A'), await newCohort('Index B')];
    const client = await createUser(t.app, 'CLIENT');
    await enrol(t, coach, a, client);
    expect(
      await databaseRefusal(
        t.app.deps.db.insert(cohortMemberships).values({ cohortId: b, userId: client.id, status: 'PAUSED' }),
      ),
    ).toMatch(/cohort_memberships_one_current_uq/);
    await t.app.deps.db.insert(cohortMemberships).values({ cohortId: b, userId: client.id, status: 'WITHDRAWN' }); // history rows are fine
  });

  it('keeps one check-in per client per day', async () => {
    const client = await createUser(t.app, 'CLIENT');
    await t.app.deps.db.execute(
      sql`INSERT INTO check_ins (user_id, date, values) VALUES (${client.id}, '2026-03-08', '{}'::jsonb)`,
    );
    expect(
      await databaseRefusal(
        t.app.deps.db.execute(
          sql`INSERT INTO check_ins (user_id, date, values) VALUES (${client.id}, '2026-03-08', '{}'::jsonb)`,
        ),
      ),
    ).toMatch(/check_ins_user_date_uq/);
  });
});

describe.runIf(onPostgres())('cohort races on PostgreSQL', () => {
  it('two concurrent enrolments of one client into two cohorts leave exactly one', async () => {
    const cohorts = [await newCohort('Race A'), await newCohort('Race B')];
    for (let round = 0; round < 5; round++) {
      const client = await createUser(t.app, 'CLIENT');
      const results = await Promise.allSettled(
        cohorts.map((id) => enrolMember(t.app.deps.db, actorOf(coach), id, { userId: client.id }, NOW)),
      );
      expect(results.map(codeOf).sort()).toEqual(['COHORT_CONFLICT', 'OK']);
      const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect((rejected.reason as DomainError).message).toMatch(/Race [AB]/);
      const rows = await t.app.deps.db.select().from(cohortMemberships).where(eq(cohortMemberships.userId, client.id));
      expect(rows.filter((r) => r.status === 'ACTIVE')).toHaveLength(1);
    }
  });

  it('two concurrent submits make one submission, and a direct SQL update of it then fails', async () => {
    const cohortId = await newCohort('Submit race');
    for (let round = 0; round < 5; round++) {
      const client = await createUser(t.app, 'CLIENT');
      await enrol(t, coach, cohortId, client);
      const answers = await answersFor(client, 1);
      const submit = (text: string) =>
        putMyQuestionnaire(
          t.app.deps.db,
          actorOf(client),
          1,
          { answers: { ...answers, wins: text }, submit: true },
          NOW,
        );
      const results = await Promise.allSettled([submit('first'), submit('second')]);
      expect(results.map(codeOf).sort()).toEqual(['OK', 'QUESTIONNAIRE_LOCKED']);
      const winner = (
        results.find((r) => r.status === 'fulfilled') as PromiseFulfilledResult<{ answers: Record<string, unknown> }>
      ).value;
      const rows = await t.app.deps.db
        .select()
        .from(questionnaireResponses)
        .where(eq(questionnaireResponses.userId, client.id));
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ status: 'SUBMITTED', answers: { wins: winner.answers.wins } });
      expect(
        await databaseRefusal(
          t.app.deps.db.execute(
            sql`UPDATE questionnaire_responses SET answers = '{}'::jsonb WHERE id = ${rows[0]!.id}`,
          ),
        ),
      ).toMatch(/submitted and is locked/);
    }
  });

  it('nudging a client twice in a day, even at once, sends one notification and one email', async () => {
    const cohortId = await newCohort('Nudge race');
    const client = await createUser(t.app, 'CLIENT');
    await enrol(t, coach, cohortId, client);
    const nudge = () => nudgeMembers(t.app.deps.db, actorOf(coach), cohortId, { userIds: [client.id] }, NOW);
    const results = await Promise.all([nudge(), nudge()]);
    expect(results.map((r) => r.nudged.length).sort()).toEqual([0, 1]);
    expect(results.flatMap((r) => r.skipped.map((s) => s.reason))).toEqual(['ALREADY_NUDGED_TODAY']);
    const later = await nudgeMembers(
      t.app.deps.db,
      actorOf(coach),
      cohortId,
      { notCheckedInForDays: 1 },
      new Date('2026-03-08T20:00:00Z'),
    );
    expect(later.nudged).toEqual([]);
    const sent = await t.app.deps.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, client.id), eq(notifications.kind, 'cohort_nudge')));
    expect(sent).toHaveLength(1);
    const emails = await t.app.deps.db
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.toAddress, client.email), eq(emailOutbox.kind, 'cohort_nudge')));
    expect(emails).toHaveLength(1);
    // The next studio day is a new day.
    const tomorrow = await nudgeMembers(
      t.app.deps.db,
      actorOf(coach),
      cohortId,
      { userIds: [client.id] },
      new Date('2026-03-09T08:00:00Z'),
    );
    expect(tomorrow.nudged).toHaveLength(1);
  });
});
