import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classSessions, classTypes, users } from '../../src/db/schema';
import { as, browserHeaders, createTestApp, type TestApp, type TestUser } from '../support/test-app';
import { clientWithCredits, makeSession, setUpStudio, type Studio } from './support';

const NOW = new Date('2026-03-20T12:00:00Z');
const WEEK = '/api/sessions?from=2026-03-23T00:00:00Z&to=2026-03-30T00:00:00Z';
let t: TestApp;
let studio: Studio;
let sessionId: string;
let otherSessionId: string;

beforeAll(async () => {
  t = await createTestApp({ now: NOW });
  studio = await setUpStudio(t);
  sessionId = await makeSession(t, studio, '2026-03-23T06:30:00Z');
  otherSessionId = await makeSession(t, studio, '2026-03-25T06:30:00Z');
});
afterAll(async () => t.close());

async function week(user: TestUser, ifNoneMatch?: string) {
  const headers = { ...browserHeaders(t.app, user), ...(ifNoneMatch ? { 'if-none-match': ifNoneMatch } : {}) };
  return t.app.inject({ method: 'GET', url: WEEK, headers });
}

async function tagOf(user: TestUser): Promise<string> {
  const response = await week(user);
  expect(response.statusCode, response.body).toBe(200);
  return String(response.headers.etag);
}

type Listed = {
  id: string;
  classType: { name: string };
  coach: { name: string };
  myRegistration: { cancelWouldBeLate: boolean } | null;
};

/** Changes happen at different moments in real life: move the clock a minute before each one. */
const later = () => t.clock.advance(60_000);

describe('the Classes week view revalidates with an ETag', () => {
  it('answers an ETag with private, no-cache, and 304 with no body when the week has not changed', async () => {
    const client = await clientWithCredits(t, 2);
    const first = await week(client);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toHaveLength(2);
    expect(first.headers.etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers['cache-control']).toBe('private, no-cache');

    later(); // time passing alone changes nothing in the view
    const again = await week(client, String(first.headers.etag));
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers['content-length']).toBeUndefined();
    expect(again.headers.etag).toBe(first.headers.etag);
    expect(again.headers['cache-control']).toBe('private, no-cache');
    expect((await week(client, `W/${String(first.headers.etag)}, "other"`)).statusCode).toBe(304);
    expect((await week(client, '"something-else"')).statusCode).toBe(200);
  });

  it('changes when this client books and cancels, and when another client books into the week', async () => {
    const client = await clientWithCredits(t, 2);
    const other = await clientWithCredits(t, 2);
    const before = await tagOf(client);

    later();
    expect((await as(t.app, client).post(`/api/sessions/${sessionId}/registrations`)).statusCode).toBe(201);
    const booked = await tagOf(client);
    expect(booked).not.toBe(before);
    expect((await week(client, before)).statusCode).toBe(200);

    later();
    expect((await as(t.app, client).delete(`/api/sessions/${sessionId}/registrations/me`)).statusCode).toBe(200);
    const cancelled = await tagOf(client);
    expect([before, booked]).not.toContain(cancelled);

    later();
    expect((await as(t.app, other).post(`/api/sessions/${otherSessionId}/registrations`)).statusCode).toBe(201);
    const afterOthersBooking = await week(client, cancelled);
    expect(afterOthersBooking.statusCode).toBe(200);
    const listed = (afterOthersBooking.json() as Array<{ id: string; attendingCount: number }>).find(
      (s) => s.id === otherSessionId,
    );
    expect(listed?.attendingCount).toBeGreaterThan(0);
  });

  it('changes when staff edit or cancel a class in the week', async () => {
    const client = await clientWithCredits(t, 0);
    const before = await tagOf(client);

    later();
    const edit = await as(t.app, studio.coach).patch(`/api/sessions/${otherSessionId}`, { title: 'Sunrise HIIT' });
    expect(edit.statusCode, edit.body).toBe(200);
    const edited = await tagOf(client);
    expect(edited).not.toBe(before);

    later();
    const cancel = await as(t.app, studio.coach).post(`/api/sessions/${sessionId}/cancel`, {});
    expect(cancel.statusCode, cancel.body).toBe(200);
    const cancelled = await week(client, edited);
    expect(cancelled.statusCode).toBe(200);
    expect((cancelled.json() as Array<{ id: string; status: string }>).find((s) => s.id === sessionId)?.status).toBe(
      'CANCELLED',
    );
  });

  it('gives different people different tags for the same week, and never answers 304 on another’s tag', async () => {
    const one = await clientWithCredits(t, 0);
    const two = await clientWithCredits(t, 0);
    const tagOne = await tagOf(one);
    expect(await tagOf(two)).not.toBe(tagOne);
    expect((await week(two, tagOne)).statusCode).toBe(200);
    expect((await week(studio.coach, tagOne)).statusCode).toBe(200);
  });

  it('sees writes this app instance did not make: another instance’s booking, a renamed class type or coach', async () => {
    const client = await clientWithCredits(t, 0);
    const first = await week(client);
    const tag = String(first.headers.etag);
    expect((await week(client, tag)).statusCode).toBe(304);

    // Written straight to the database, as another app instance on the same PostgreSQL would.
    const db = t.database.db;
    await db.update(classSessions).set({ title: 'Written elsewhere' }).where(eq(classSessions.id, otherSessionId));
    const retitled = await week(client, tag);
    expect(retitled.statusCode).toBe(200);
    expect((retitled.json() as Array<{ id: string; title: string }>).find((s) => s.id === otherSessionId)?.title).toBe(
      'Written elsewhere',
    );

    const renames = [
      {
        write: () => db.update(classTypes).set({ name: 'Renamed type' }).where(eq(classTypes.id, studio.classTypeId)),
        shown: (s: Listed) => s.classType.name,
        expected: 'Renamed type',
      },
      {
        write: () => db.update(users).set({ name: 'Renamed Coach' }).where(eq(users.id, studio.coach.id)),
        shown: (s: Listed) => s.coach.name,
        expected: 'Renamed Coach',
      },
    ];
    for (const rename of renames) {
      const before = String((await week(client)).headers.etag);
      await rename.write();
      const after = await week(client, before);
      expect(after.statusCode).toBe(200);
      expect((after.json() as Listed[]).map(rename.shown)).toContain(rename.expected);
    }
  });

  it('stops answering 304 on an old tag once the late-cancel cutoff passes, and says the cancel would be late', async () => {
    const client = await clientWithCredits(t, 2);
    const classId = await makeSession(t, studio, '2026-03-26T06:30:00Z'); // cutoff 2 hours before
    expect((await as(t.app, client).post(`/api/sessions/${classId}/registrations`)).statusCode).toBe(201);
    const early = await week(client);
    const mine = (response: typeof early) =>
      (response.json() as Listed[]).find((s) => s.id === classId)?.myRegistration?.cancelWouldBeLate;
    expect(mine(early)).toBe(false);
    expect((await week(client, String(early.headers.etag))).statusCode).toBe(304);

    t.clock.set(new Date('2026-03-26T05:00:00Z')); // nothing was written; only time passed the cutoff
    const late = await week(client, String(early.headers.etag));
    expect(late.statusCode).toBe(200);
    expect(mine(late)).toBe(true);
  });
});
