import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerErrorHandling } from '../../src/server/plugins/errors';
import { as, createTestApp, createUser, TEST_PASSWORD, type TestApp, type TestUser } from '../support/test-app';

/**
 * Issue 12, items 6–10: far dates, NUL characters, names and titles, ids as typed. Each case
 * here answered 500, stalled, or stored the bad value before the fix.
 */
let t: TestApp;
let admin: TestUser;
let coach: TestUser;
let client: TestUser;

/** A studio-local date `years` from the machine's today (the date window is relative to it). */
function dateInYears(years: number): string {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await createUser(t.app, 'ADMIN');
  coach = await createUser(t.app, 'COACH');
  client = await createUser(t.app, 'CLIENT');
});
afterAll(async () => t.close());

function expectValidation(response: { statusCode: number; json(): unknown }, field: string) {
  expect(response.statusCode).toBe(400);
  const body = response.json() as { error: { code: string; message: string; fields: Array<{ path: string }> } };
  expect(body.error.code).toBe('VALIDATION_ERROR');
  expect(body.error.fields.map((f) => f.path)).toContain(field);
  // The top-level message is a sentence for a person; the path is only in `fields`.
  expect(body.error.message.startsWith(`${field}:`)).toBe(false);
}

describe('dates outside 5 years of today are refused, naming the field (items 6 and 7)', () => {
  it('year 9999 and year 1 in the session, registration and admin ranges', async () => {
    for (const value of ['9999-12-31T23:59:59Z', '0001-01-01T00:00:00Z', `${dateInYears(6)}T00:00:00Z`]) {
      const from = encodeURIComponent(value);
      expectValidation(await as(t.app, client).get(`/api/sessions?from=${from}`), 'querystring.from');
      expectValidation(await as(t.app, client).get(`/api/me/registrations?from=${from}`), 'querystring.from');
      expectValidation(
        await as(t.app, admin).get(`/api/admin/users/${client.id}/registrations?to=${from}`),
        'querystring.to',
      );
    }
    expect((await as(t.app, client).get(`/api/sessions?from=${dateInYears(4)}T00:00:00Z`)).statusCode).toBe(200);
  });

  it('list ranges are held to the app clock too, so the bound moves with it', async () => {
    const from = encodeURIComponent(`${dateInYears(4)}T00:00:00Z`);
    const realNow = t.clock.now();
    t.clock.set(new Date(realNow.getTime() - 2 * 365 * 86_400_000));
    try {
      expectValidation(await as(t.app, client).get(`/api/sessions?from=${from}`), 'from');
    } finally {
      t.clock.set(realNow);
    }
    expect((await as(t.app, client).get(`/api/sessions?from=${from}`)).statusCode).toBe(200);
  });

  it('a cohort starting in year 1 or 9999 (the 113 MB response) is refused before anything is built', async () => {
    for (const startDate of ['0001-01-01', '9999-12-31', dateInYears(-6)]) {
      const r = await as(t.app, admin).post('/api/cohorts', {
        name: 'Forever',
        startDate,
        weeks: null,
        coachIds: [coach.id],
      });
      expectValidation(r, 'startDate');
    }
  });

  it('schedules, sessions, memberships and credit adjustments refuse far dates too', async () => {
    const far = '9999-12-31';
    expectValidation(
      await as(t.app, admin).post(`/api/admin/users/${client.id}/credits`, { amount: 1, reason: 'x', validUntil: far }),
      'validUntil',
    );
    expectValidation(
      await as(t.app, admin).post('/api/schedules', {
        classTypeId: '6f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f',
        coachId: coach.id,
        daysOfWeek: ['MON'],
        localTime: '07:00',
        fromDate: '0001-01-01',
        toDate: far,
      }),
      'fromDate',
    );
    expectValidation(
      await as(t.app, admin).post('/api/sessions', {
        classTypeId: '6f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f',
        coachId: coach.id,
        startTime: '9999-12-31T23:59:59+14:00',
      }),
      'startTime',
    );
  });

  it('an open-ended cohort lists at most 52 weeks, and its page stays small', async () => {
    const created = await as(t.app, admin).post('/api/cohorts', {
      name: 'Long runner',
      startDate: dateInYears(-4),
      weeks: null,
      coachIds: [coach.id],
    });
    expect(created.statusCode).toBe(201);
    const detail = await as(t.app, coach).get(`/api/cohorts/${created.json().id}`);
    expect(detail.statusCode).toBe(200);
    const weeks = detail.json().questionnaires as { week: number }[];
    expect(weeks.length).toBe(52);
    expect(weeks.at(-1)!.week - weeks[0]!.week).toBe(51);
    expect(detail.body.length).toBeLessThan(1_000_000);
  });
});

describe('a NUL character is refused with 400 naming where it was (item 8)', () => {
  it('in a body field, a nested field, a query parameter and a path id', async () => {
    expectValidation(await as(t.app, admin).put('/api/admin/settings/studio.name', { value: 'Studio\u0000' }), 'value');
    expectValidation(
      await as(t.app, admin).post('/api/cohorts', {
        name: 'N',
        startDate: dateInYears(0),
        coachIds: [coach.id],
        prompts: [{ label: 'Sleep\u0000', kind: 'NUMBER' }],
      }),
      'prompts.0.label',
    );
    expectValidation(await as(t.app, admin).get('/api/members?query=a%00b'), 'querystring.query');
    expectValidation(await as(t.app, admin).get('/api/admin/users/a%00b'), 'params.id');
    expectValidation(
      await as(t.app, client).put('/api/me/questionnaires/1', { answers: { q1: 'fine\u0000' } }),
      'answers.q1',
    );
  });

  it('in the name of better-auth’s update-user', async () => {
    const r = await as(t.app, client).post('/api/auth/update-user', { name: 'Ann\u0000' });
    expectValidation(r, 'name');
  });

  it('PostgreSQL’s character and datetime errors become 400, never 500', async () => {
    const app = Fastify({ logger: false });
    registerErrorHandling(app);
    app.get('/:code', async (request) => {
      throw Object.assign(new Error('driver'), { cause: { code: (request.params as { code: string }).code } });
    });
    for (const code of ['22021', '22P05', '22008']) {
      const r = await app.inject({ method: 'GET', url: `/${code}` });
      expect(r.statusCode).toBe(400);
      expect(r.json().error.code).toBe('VALIDATION_ERROR');
    }
    await app.close();
  });
});

describe('names, titles and descriptions (item 9)', () => {
  const signUp = (name: unknown) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-up/email',
      headers: { origin: t.app.deps.config.baseUrl },
      payload: { name, email: `n${Math.random().toString(36).slice(2)}@example.test`, password: TEST_PASSWORD },
    });

  it('sign-up refuses huge, blank, multi-line and markup names, and trims the rest', async () => {
    for (const name of ['x'.repeat(900_000), '   ', 'Ann\r\nBcc: x', '<img src=x onerror=alert(1)>', 'a\u0007b']) {
      const r = await signUp(name);
      expect(r.statusCode).toBe(400);
      expect(r.json().error.code).toBe('VALIDATION_ERROR');
    }
    const ok = await signUp('  Ann Lee  ');
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user.name).toBe('Ann Lee');
  });

  it('profile update applies the same rule', async () => {
    for (const name of ['', 'x'.repeat(101), 'Line\nbreak', '<b>Bold</b>']) {
      expectValidation(await as(t.app, client).post('/api/auth/update-user', { name }), 'name');
    }
    const ok = await as(t.app, client).post('/api/auth/update-user', { name: '  Cleo  ' });
    expect(ok.statusCode).toBe(200);
    expect((await as(t.app, client).get('/api/me')).json().name).toBe('Cleo');
  });

  it('titles are one line; descriptions may have newlines but no other control characters', async () => {
    const base = { defaultCapacity: 8, defaultDurationMins: 45 };
    expectValidation(await as(t.app, admin).post('/api/class-types', { ...base, name: 'Row\ning' }), 'name');
    expectValidation(
      await as(t.app, admin).post('/api/class-types', { ...base, name: 'Rowing', description: 'a\u001bb' }),
      'description',
    );
    expectValidation(
      await as(t.app, admin).post('/api/admin/plans', { name: 'Pa\tck', type: 'PACK', totalCredits: 5, price: 1 }),
      'name',
    );
    expectValidation(
      await as(t.app, admin).post('/api/cohort-types', {
        name: 'Multi-line question',
        defaultWeeks: 4,
        questionnaire: { questions: [{ kind: 'text', label: 'How was\nyour week?' }] },
      }),
      'questionnaire.questions.0.label',
    );
    const ok = await as(t.app, admin).post('/api/class-types', {
      ...base,
      name: '  Rowing  ',
      description: 'Line one\r\nLine two',
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ name: 'Rowing', description: 'Line one\nLine two' });
  });
});

describe('ids are normalised at validation and audit records the row’s own id (item 10)', () => {
  it('an upper-case UUID reaches the same row and the same audit trail', async () => {
    const type = await as(t.app, admin).post('/api/class-types', {
      name: 'Audit class',
      defaultCapacity: 8,
      defaultDurationMins: 45,
    });
    const start = new Date(t.clock.now().getTime() + 3 * 86_400_000).toISOString();
    const session = await as(t.app, admin).post('/api/sessions', {
      classTypeId: type.json().id.toUpperCase(),
      coachId: coach.id,
      startTime: start,
    });
    expect(session.statusCode).toBe(201);
    const id = session.json().id as string;
    const cancelled = await as(t.app, admin).post(`/api/sessions/${id.toUpperCase()}/cancel`, {});
    expect(cancelled.statusCode).toBe(200);
    const log = await as(t.app, admin).get(`/api/admin/audit-log?targetId=${id}`);
    expect(log.json().entries.map((e: { action: string }) => e.action)).toContain('session.cancelled');
    expect(log.json().entries.every((e: { targetId: string }) => e.targetId === id)).toBe(true);
  });

  it('a user id typed in upper case is recorded as the user’s own id', async () => {
    const other = await createUser(t.app, 'CLIENT');
    const r = await as(t.app, admin).patch(`/api/admin/users/${other.id.toUpperCase()}`, { role: 'COACH' });
    expect(r.statusCode).toBe(200);
    const log = await as(t.app, admin).get(`/api/admin/audit-log?targetId=${other.id}`);
    expect(log.json().entries[0]).toMatchObject({ action: 'user.role_changed', targetId: other.id });
  });
});
