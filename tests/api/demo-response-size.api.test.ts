import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../src/seed/demo-accounts';
import { seedDemoStudio } from '../../src/seed/seed-demo';
import { as, cookieFrom, createTestApp, type TestApp, type TestUser } from '../support/test-app';

/**
 * Every GET route of the OpenAPI document, on the demo studio, as each demo account, with the
 * widest range each accepts: none builds a response over 3 MB (issue 12, item 6). Durations are
 * printed with DEMO_TIMINGS=1, never asserted.
 */
const MAX_BYTES = 3 * 1024 * 1024;
let t: TestApp;
const people: TestUser[] = [];

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoStudio(t.database.db, t.app.deps.auth, t.clock.now());
  for (const account of DEMO_ACCOUNTS) {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      payload: { email: account.email, password: DEMO_PASSWORD },
    });
    people.push({
      id: r.json().user.id,
      email: account.email,
      name: account.name,
      role: account.role,
      cookie: cookieFrom(r),
    });
  }
}, 120_000);
afterAll(async () => t?.close());

describe('the demo studio answers every read in a bounded size', () => {
  it('every GET route, every demo account', async () => {
    const admin = people.find((p) => p.role === 'ADMIN')!;
    const client = people.find((p) => p.role === 'CLIENT')!;
    const session = (await as(t.app, admin).get('/api/sessions')).json()[0]?.id as string;
    const cohort = (await as(t.app, admin).get('/api/cohorts')).json().cohorts[0]?.id as string;
    const ids: Record<string, string> = { session, cohort, user: client.id };
    const day = 86_400_000;
    const widest = `from=${new Date(t.clock.now().getTime() - 61 * day).toISOString()}&to=${t.clock.now().toISOString()}`;
    const document = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const timings: string[] = [];
    for (const [path, operations] of Object.entries(document.paths)) {
      if (!operations.get || !path.startsWith('/api/') || path.startsWith('/api/docs')) continue;
      const url = path
        .replace(/\/api\/sessions\/\{id\}/, `/api/sessions/${ids.session}`)
        .replace(/\/api\/cohorts\/\{id\}/, `/api/cohorts/${ids.cohort}`)
        .replace(/\{(id|userId)\}/g, ids.user!)
        .replace('{week}', '1')
        .replace('{date}', t.clock.now().toISOString().slice(0, 10));
      const query = /registrations|sessions$/.test(url) ? `?${widest}` : '';
      for (const person of people) {
        const started = performance.now();
        const r = await as(t.app, person).get(url + query);
        timings.push(`${Math.round(performance.now() - started)} ms ${r.body.length} B ${person.role} ${url}`);
        expect(r.statusCode, `${person.role} ${url}: ${r.body.slice(0, 200)}`).toBeLessThan(500);
        expect(r.body.length, `${person.role} ${url}`).toBeLessThan(MAX_BYTES);
      }
    }
    if (process.env.DEMO_TIMINGS)
      console.log(
        timings
          .sort((a, b) => parseInt(b) - parseInt(a))
          .slice(0, 10)
          .join('\n'),
      );
  }, 120_000);
});
