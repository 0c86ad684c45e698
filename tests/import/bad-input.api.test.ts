import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classSessions, users } from '../../src/db/schema';
import { as, createTestApp, createUser, type TestApp, type TestUser } from '../support/test-app';
import { files, teamupEvent, weeklyEvents } from './fixtures';

const DRY_RUN = '/api/admin/import/teamup/dry-run';
const RUNS = '/api/admin/import/teamup/runs';

describe('bad TeamUp files', () => {
  let t: TestApp;
  let admin: TestUser;
  beforeAll(async () => {
    t = await createTestApp({ now: new Date('2026-03-01T12:00:00Z') });
    admin = await createUser(t.app, 'ADMIN');
  });
  afterAll(async () => t.close());

  const sessionCount = async () => Number((await t.database.db.select({ n: count() }).from(classSessions))[0]!.n);
  const refused = async (body: unknown, status: number, message: RegExp) => {
    for (const url of [DRY_RUN, RUNS]) {
      const res = await as(t.app, admin).post(url, body);
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json().error.message).toMatch(message);
    }
    expect(await sessionCount()).toBe(0);
  };

  it('a file that is not JSON names the file', async () => {
    const body = files(weeklyEvents(1));
    await refused(
      { ...body, events: { name: 'classes.csv', text: 'id,name\n1,HIIT' } },
      422,
      /events file classes\.csv is not JSON/,
    );
  });

  it('a truncated file says it ends early', async () => {
    const body = files(weeklyEvents(2));
    await refused(
      { ...body, events: { ...body.events, text: body.events.text.slice(0, 700) } },
      422,
      /teamupdata\.json ends early/,
    );
  });

  it('the wrong file in the wrong field says where it belongs', async () => {
    const body = files(weeklyEvents(1));
    await refused({ ...body, events: body.instructors }, 422, /holds TeamUp instructors, not events/);
    await refused({ ...body, customers: body.memberships }, 422, /JSON file, not a CSV/);
    await refused(
      { ...body, customers: { name: 'people.csv', text: 'a,b\n1,2' } },
      422,
      /people\.csv has no Email column/,
    );
  });

  it('an event ending before it starts, or in an unknown time zone, is reported by row and the rest imported', async () => {
    const good = teamupEvent(1, '2026-03-10T06:30:00Z');
    const backwards = teamupEvent(2, '2026-03-11T06:30:00Z', { ends_at: '2026-03-11T06:00:00Z' });
    const nowhere = teamupEvent(3, '2026-03-12T06:30:00Z', {
      venue: { id: 1, name: 'Test Studio', timezone: 'Mars/Olympus' },
    });
    const year9999 = teamupEvent(4, '2026-03-13T06:30:00Z', { starts_at: '9999-01-01T00:00:00Z' });
    const body = files([good, backwards, nowhere, year9999]);
    const dry = await as(t.app, admin).post(DRY_RUN, body);
    expect(dry.statusCode).toBe(200);
    const messages = dry.json().problems.map((p: { message: string }) => p.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/teamupdata\.json, row 2 \(id 2\): ends .* before it starts/),
        expect.stringMatching(/teamupdata\.json, row 3 \(id 3\): unknown time zone "Mars\/Olympus"/),
        expect.stringMatching(/row 4 \(id 4\): start or end is not a date/),
      ]),
    );
    expect(dry.json().counts.sessions.created).toBe(1);
    expect(await sessionCount()).toBe(0);

    const started = await as(t.app, admin).post(RUNS, body);
    expect(started.statusCode).toBe(202);
    let run = started.json();
    while (run.status === 'RUNNING') run = (await as(t.app, admin).get(`${RUNS}/${run.id}`)).json();
    expect(run).toMatchObject({ status: 'SUCCEEDED', percent: 100 });
    expect(await sessionCount()).toBe(1);
  });

  it('wrong types, NUL bytes and huge strings are refused as a 400, never a 500', async () => {
    const body = files(weeklyEvents(1));
    expect((await as(t.app, admin).post(DRY_RUN, { ...body, events: 42 })).statusCode).toBe(400);
    const nul = await as(t.app, admin).post(DRY_RUN, {
      ...body,
      customers: { name: 'c.csv', text: 'Email\n\u0000\u0000' },
    });
    // Refused at the edge (the input guard) before any file is read, naming the field.
    expect(nul.statusCode).toBe(400);
    expect(nul.json().error).toMatchObject({ code: 'VALIDATION_ERROR' });
    expect(JSON.stringify(nul.json().error)).toContain('customers.text');
    const users0 = Number((await t.database.db.select({ n: count() }).from(users))[0]!.n);
    const garbage = await as(t.app, admin).post(DRY_RUN, {
      ...body,
      events: { name: 'x.json', text: '{"results":[{"starts_at":1}]}' },
    });
    expect(garbage.statusCode).toBe(200);
    expect(garbage.json().problems[0].message).toMatch(/row 1/);
    expect(Number((await t.database.db.select({ n: count() }).from(users))[0]!.n)).toBe(users0);
  });
});
