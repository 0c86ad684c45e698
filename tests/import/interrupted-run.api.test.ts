import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRuns } from '../../src/db/schema';
import { as, createTestApp, createUser, type TestApp, type TestUser } from '../support/test-app';
import { files, weeklyEvents } from './fixtures';

const RUNS = '/api/admin/import/teamup/runs';
const NOW = new Date('2026-03-01T12:00:00Z');

/*
 * Issue 14: a run started from the admin page whose process died (restart, crash) stopped writing
 * its heartbeat. It must not stay RUNNING for ever: after a few minutes it is INTERRUPTED on the
 * page, and a new run may start and complete the work. A live run still keeps a second one out.
 */
describe('an import run whose process died', () => {
  let t: TestApp;
  let admin: TestUser;
  beforeAll(async () => {
    t = await createTestApp({ now: NOW });
    admin = await createUser(t.app, 'ADMIN');
  });
  afterAll(async () => t.close());

  const deadRun = async (heartbeatAt: Date) => {
    const [run] = await t.database.db
      .insert(importRuns)
      .values({ source: 'teamup', step: 'Classes', done: 40, total: 100, createdAt: heartbeatAt, heartbeatAt })
      .returning();
    return run!.id;
  };

  it('is RUNNING while its heartbeat is recent, and refuses a second run meanwhile', async () => {
    const id = await deadRun(new Date(NOW.getTime() - 60_000));
    const run = await as(t.app, admin).get(`${RUNS}/${id}`);
    expect(run.json()).toMatchObject({ status: 'RUNNING', percent: 40, error: null });
    const second = await as(t.app, admin).post(RUNS, files(weeklyEvents(1)));
    expect(second.statusCode, second.body).toBe(409);
    expect(second.json().error.code).toBe('IMPORT_RUNNING');
    await t.database.db.delete(importRuns).where(eq(importRuns.id, id));
  });

  it('is INTERRUPTED once its heartbeat is minutes old, and a new run starts and finishes the import', async () => {
    const id = await deadRun(new Date(NOW.getTime() - 10 * 60_000));
    const run = (await as(t.app, admin).get(`${RUNS}/${id}`)).json();
    expect(run.status).toBe('INTERRUPTED');
    expect(run.error).toMatch(/run it again to finish/);

    const next = await as(t.app, admin).post(RUNS, files(weeklyEvents(1)));
    expect(next.statusCode, next.body).toBe(202);
    let status = 'RUNNING';
    for (let i = 0; i < 100 && status === 'RUNNING'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      status = (await as(t.app, admin).get(`${RUNS}/${next.json().id}`)).json().status;
    }
    expect(status).toBe('SUCCEEDED');
  });
});
