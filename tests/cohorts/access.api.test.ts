import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, createUser, type TestApp, type TestUser } from '../support/test-app';
import { createCohort, enrol, expectError, ok } from './cohort-test-kit';

/*
 * Who may do what with cohorts, route by route: anonymous, a client of the cohort, a client of
 * another cohort, a coach of another cohort, the cohort's coach and an admin. Also: private coach
 * notes and unpublished feedback never reach a client, and with the feature off every route is
 * 404 FEATURE_DISABLED.
 *
 * Two 6-week cohorts start on Mon 2 March 2026; "now" is Tue 17 March (week 3, day 2), when the
 * week 2 questionnaire is still open. Client A submitted week 1 and has a published feedback for
 * it, a draft feedback for week 2 and private notes.
 */
type Actor = 'anonymous' | 'clientA' | 'clientB' | 'coachB' | 'coachA' | 'admin';
const ACTORS: Actor[] = ['anonymous', 'clientA', 'clientB', 'coachB', 'coachA', 'admin'];
const SECRET_NOTE = 'SECRET-NOTE knee injury';
const SECRET_DRAFT = 'SECRET-DRAFT not ready';

let t: TestApp;
let u: Record<Exclude<Actor, 'anonymous'>, TestUser> & { spareForCoach: TestUser; spareForAdmin: TestUser };
let cohortA: string;
let cohortB: string;
const clientResponses: string[] = [];

function call(actor: Actor) {
  const user = actor === 'anonymous' ? null : u[actor];
  return as(t.app, user);
}

beforeAll(async () => {
  t = await createTestApp({ now: new Date('2026-03-02T09:00:00Z') });
  u = {
    admin: await createUser(t.app, 'ADMIN'),
    coachA: await createUser(t.app, 'COACH', 'Coach A'),
    coachB: await createUser(t.app, 'COACH', 'Coach B'),
    clientA: await createUser(t.app, 'CLIENT', 'Client A'),
    clientB: await createUser(t.app, 'CLIENT', 'Client B'),
    spareForCoach: await createUser(t.app, 'CLIENT', 'Spare One'),
    spareForAdmin: await createUser(t.app, 'CLIENT', 'Spare Two'),
  };
  cohortA = (await createCohort(t, u.coachA, { name: 'Cohort A', startDate: '2026-03-02', weeks: 6 })).id;
  cohortB = (await createCohort(t, u.coachB, { name: 'Cohort B', startDate: '2026-03-02', weeks: 6 })).id;
  await enrol(t, u.coachA, cohortA, u.clientA);
  await enrol(t, u.coachB, cohortB, u.clientB);
  t.clock.set('2026-03-08T12:00:00Z'); // Sunday, last day of week 1
  ok(await call('clientA').put('/api/me/check-ins/2026-03-08', { values: { weight: 80, energy: 6 } }));
  const questions = ok(await call('clientA').get('/api/me/questionnaires/1')).questions as Array<{
    id: string;
    kind: string;
  }>;
  const answers = Object.fromEntries(questions.map((q) => [q.id, q.kind === 'number' ? 3 : 'fine']));
  ok(await call('clientA').put('/api/me/questionnaires/1', { answers, submit: true }));
  t.clock.set('2026-03-17T10:00:00Z'); // Tuesday of week 3
  ok(
    await call('coachA').put(`/api/cohorts/${cohortA}/members/${u.clientA.id}/feedback/1`, {
      message: 'Well done',
      publish: true,
    }),
  );
  ok(await call('coachA').put(`/api/cohorts/${cohortA}/members/${u.clientA.id}/feedback/2`, { message: SECRET_DRAFT }));
  ok(await call('coachA').post(`/api/cohorts/${cohortA}/members/${u.clientA.id}/notes`, { text: SECRET_NOTE }), 201);
});
afterAll(async () => t.close());

interface RouteCase {
  route: string;
  url: (actor: Actor) => string;
  body?: (actor: Actor) => unknown;
  /** Expected status per actor (anything missing: 401 anonymous, 403 clients and coach B, 200 coach A and admin). */
  expect?: Partial<Record<Actor, number>>;
}

const spare = (actor: Actor) => (actor === 'admin' ? u.spareForAdmin : u.spareForCoach);
const A = () => `/api/cohorts/${cohortA}`;
const signedInEveryone = { clientA: 200, clientB: 200, coachB: 200, coachA: 200, admin: 200 };
const membersOnly = { clientA: 200, clientB: 200, coachB: 404, coachA: 404, admin: 404 };

const CASES: RouteCase[] = [
  { route: 'GET /api/cohort-types', url: () => '/api/cohort-types', expect: { coachB: 200 } },
  {
    route: 'POST /api/cohort-types',
    url: () => '/api/cohort-types',
    body: () => ({ name: `Custom ${Math.random()}`, defaultWeeks: 4 }),
    expect: { coachA: 403, admin: 201 },
  },
  { route: 'GET /api/cohorts', url: () => '/api/cohorts', expect: { coachB: 200 } },
  {
    route: 'POST /api/cohorts',
    url: () => '/api/cohorts',
    body: (actor) => ({
      name: 'Another',
      startDate: '2026-04-06',
      weeks: 6,
      coachIds: [actor === 'coachB' ? u.coachB.id : u.coachA.id],
    }),
    expect: { coachB: 201, coachA: 201, admin: 201 },
  },
  { route: 'GET /api/cohorts/:id', url: A },
  { route: 'PATCH /api/cohorts/:id', url: A, body: () => ({ name: 'Cohort A' }) },
  {
    route: 'PUT /api/cohorts/:id/questionnaires/:week',
    url: () => `${A()}/questionnaires/4`,
    body: () => ({ questions: [{ id: 'wins', kind: 'long-text', label: 'Wins?', required: true }] }),
  },
  {
    route: 'POST /api/cohorts/:id/members',
    url: () => `${A()}/members`,
    body: (actor) => ({ userId: spare(actor).id }),
    expect: { coachA: 201, admin: 201 },
  },
  { route: 'DELETE /api/cohorts/:id/members/:userId', url: (actor) => `${A()}/members/${spare(actor).id}` },
  {
    route: 'PATCH /api/cohorts/:id/members/:userId',
    url: () => `${A()}/members/${u.clientA.id}`,
    body: () => ({ checkInCadenceDays: 1 }),
  },
  { route: 'GET /api/cohorts/:id/members/:userId', url: () => `${A()}/members/${u.clientA.id}` },
  { route: 'GET /api/cohorts/:id/review-queue', url: () => `${A()}/review-queue` },
  {
    route: 'PUT /api/cohorts/:id/members/:userId/feedback/:week',
    url: () => `${A()}/members/${u.clientA.id}/feedback/2`,
    body: () => ({ message: SECRET_DRAFT }),
  },
  {
    route: 'POST /api/cohorts/:id/members/:userId/notes',
    url: () => `${A()}/members/${u.clientA.id}/notes`,
    body: () => ({ text: SECRET_NOTE }),
    expect: { coachA: 201, admin: 201 },
  },
  { route: 'POST /api/cohorts/:id/nudges', url: () => `${A()}/nudges`, body: () => ({ userIds: [u.clientA.id] }) },
  { route: 'GET /api/me/cohort', url: () => '/api/me/cohort', expect: membersOnly },
  {
    route: 'GET /api/admin/users/:id/cohorts',
    url: () => `/api/admin/users/${u.clientA.id}/cohorts`,
    expect: { coachA: 403 },
  },
  { route: 'GET /api/me/check-in-prompts', url: () => '/api/me/check-in-prompts', expect: signedInEveryone },
  {
    route: 'PUT /api/me/check-ins/:date',
    url: () => '/api/me/check-ins/2026-03-17',
    body: () => ({ values: { weight: 81.5 } }),
    expect: signedInEveryone,
  },
  {
    route: 'GET /api/me/check-ins',
    url: () => '/api/me/check-ins?from=2026-03-01&to=2026-03-31',
    expect: signedInEveryone,
  },
  {
    route: 'PUT /api/me/check-in-preferences',
    url: () => '/api/me/check-in-preferences',
    body: () => ({ weightUnit: 'KG' }),
    expect: signedInEveryone,
  },
  { route: 'GET /api/me/questionnaires/:week', url: () => '/api/me/questionnaires/2', expect: membersOnly },
  {
    route: 'PUT /api/me/questionnaires/:week',
    url: () => '/api/me/questionnaires/2',
    body: () => ({ answers: { wins: 'draft' } }),
    expect: membersOnly,
  },
];

function expectedStatus(c: RouteCase, actor: Actor): number {
  const defaults: Record<Actor, number> = {
    anonymous: 401,
    clientA: 403,
    clientB: 403,
    coachB: 403,
    coachA: 200,
    admin: 200,
  };
  return c.expect?.[actor] ?? defaults[actor];
}

async function run(c: RouteCase, actor: Actor) {
  const method = c.route.split(' ')[0]!.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
  return call(actor)[method](c.url(actor), c.body?.(actor));
}

describe('cohort route access', () => {
  it('covers every cohorts route', () => {
    const registered = t.app.apiRoutes.filter((r) => r.feature === 'cohorts').map((r) => `${r.method} ${r.url}`);
    expect(registered.sort()).toEqual(CASES.map((c) => c.route).sort());
  });

  it('documents every cohorts route in the OpenAPI description, with its success response', async () => {
    const doc = ok(await t.app.inject({ method: 'GET', url: '/api/docs/json' }));
    const undocumented = CASES.filter((c) => {
      const [method, path] = c.route.split(' ') as [string, string];
      const operation = doc.paths[path.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()];
      const success = operation?.responses?.['200'] ?? operation?.responses?.['201'];
      return !success?.content?.['application/json']?.schema;
    });
    expect(undocumented.map((c) => c.route)).toEqual([]);
  });

  it('answers each of the six callers as expected on every route', async () => {
    const failures: string[] = [];
    for (const c of CASES) {
      for (const actor of ACTORS) {
        const response = await run(c, actor);
        if (actor === 'clientA' || actor === 'clientB') clientResponses.push(response.body);
        const want = expectedStatus(c, actor);
        if (response.statusCode !== want)
          failures.push(
            `${c.route} as ${actor}: ${response.statusCode} (wanted ${want}) ${response.body.slice(0, 150)}`,
          );
        else if (want >= 400) {
          const code = response.json().error.code;
          const wantCode = want === 401 ? 'UNAUTHENTICATED' : want === 403 ? 'FORBIDDEN' : 'NOT_IN_COHORT';
          if (code !== wantCode) failures.push(`${c.route} as ${actor}: ${code}, wanted ${wantCode}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('shows each client only their own cohort and data', async () => {
    expect(ok(await call('clientA').get('/api/me/cohort')).cohort.id).toBe(cohortA);
    const b = ok(await call('clientB').get('/api/me/cohort'));
    expect(b.cohort.id).toBe(cohortB);
    expect(b.feedback).toEqual([]);
    expect(ok(await call('clientB').get('/api/me/questionnaires/1')).answers).toEqual({});
    expect(
      ok(await call('clientB').get('/api/me/check-ins?from=2026-03-01&to=2026-03-31')).checkIns.map(
        (c: { date: string }) => c.date,
      ),
    ).toEqual(['2026-03-17']);
  });

  it('lets a coach see and work on only the cohorts they coach', async () => {
    const listB = ok(await call('coachB').get('/api/cohorts')).cohorts.map((c: { id: string }) => c.id);
    expect(listB).toContain(cohortB);
    expect(listB).not.toContain(cohortA);
    const listAdmin = ok(await call('admin').get('/api/cohorts')).cohorts.map((c: { id: string }) => c.id);
    expect(listAdmin).toEqual(expect.arrayContaining([cohortA, cohortB]));
    expect(
      expectError(await call('coachB').get(`/api/cohorts/${cohortA}/members/${u.clientA.id}`), 403, 'FORBIDDEN'),
    ).toBe('You do not coach this cohort');
    // A member page only exists for members of that cohort.
    expectError(await call('coachA').get(`/api/cohorts/${cohortA}/members/${u.clientB.id}`), 404, 'NOT_IN_COHORT');
    expectError(
      await call('coachA').post(`/api/cohorts/${cohortA}/members/${u.clientB.id}/notes`, { text: 'x' }),
      404,
      'NOT_IN_COHORT',
    );
  });

  it('never shows a client coach notes or unpublished feedback, in any response', async () => {
    for (const url of [
      '/api/me/cohort',
      '/api/me/questionnaires/1',
      '/api/me/questionnaires/2',
      '/api/me/check-ins',
      '/api/me/notifications',
    ]) {
      clientResponses.push((await call('clientA').get(url)).body);
    }
    expect(clientResponses.length).toBeGreaterThan(20);
    const leaks = clientResponses.filter((body) => body.includes('SECRET-'));
    expect(leaks).toEqual([]);
    const mine = ok(await call('clientA').get('/api/me/cohort'));
    expect(mine.feedback.map((f: { week: number }) => f.week)).toEqual([1]);
    // …while the coach does see both.
    const page = ok(await call('coachA').get(`/api/cohorts/${cohortA}/members/${u.clientA.id}`));
    expect(page.notes[0].text).toBe(SECRET_NOTE);
    expect(page.weeks[1].feedback).toMatchObject({ status: 'DRAFT', message: SECRET_DRAFT });
  });

  it('answers 404 FEATURE_DISABLED on every cohorts route while the feature is off, and keeps the data', async () => {
    ok(await call('admin').put('/api/admin/settings/features.cohorts.enabled', { value: false }));
    const failures: string[] = [];
    for (const c of CASES) {
      for (const actor of ['anonymous', 'clientA', 'coachA', 'admin'] as const) {
        const response = await run(c, actor);
        const body = response.json() as { error?: { code: string } };
        if (response.statusCode !== 404 || body.error?.code !== 'FEATURE_DISABLED')
          failures.push(`${c.route} as ${actor}: ${response.statusCode} ${response.body.slice(0, 100)}`);
      }
    }
    expect(failures).toEqual([]);
    // Even a malformed request learns only that the feature is off.
    expectError(await call('coachA').post('/api/cohorts', { name: 42 }), 404, 'FEATURE_DISABLED');
    const bell = ok(await call('clientA').get('/api/me/notifications'));
    expect(bell.items.filter((n: { kind: string }) => n.kind.startsWith('cohort_'))).toEqual([]);
    ok(await call('admin').put('/api/admin/settings/features.cohorts.enabled', { value: true }));
    expect(ok(await call('clientA').get('/api/me/cohort')).feedback).toHaveLength(1);
    expect(
      ok(await call('clientA').get('/api/me/notifications')).items.some(
        (n: { kind: string }) => n.kind === 'cohort_feedback_published',
      ),
    ).toBe(true);
  });
});
