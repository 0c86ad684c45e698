import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, type TestApp } from '../support/test-app';
import {
  clientWithCredits,
  creditsLeft,
  expectConsistent,
  makeSession,
  sessionInvariants,
  setUpStudio,
  type Studio,
} from './support';

/*
 * Raising a class's capacity by several places promotes several waiting clients in one
 * transaction: every candidate's user row and grants are locked up front, in id order (ADR 0008),
 * and a client who cannot pay is still skipped (their savepoint rolled back) without losing
 * their place in the queue.
 */
const NOW = new Date('2026-03-20T12:00:00Z');
let t: TestApp;
let studio: Studio;

beforeAll(async () => {
  t = await createTestApp({ now: NOW });
  studio = await setUpStudio(t);
});
afterAll(async () => t?.close());

describe('promoting several places at once', () => {
  it('promotes the first two who can pay, in queue order, charging each once', async () => {
    const db = t.database.db;
    const sessionId = await makeSession(t, studio, '2026-03-27T07:00:00Z', { capacity: 1 });
    const holder = await clientWithCredits(t, 1);
    const [first, broke, third, fourth] = [
      await clientWithCredits(t, 2),
      await clientWithCredits(t, 1),
      await clientWithCredits(t, 2),
      await clientWithCredits(t, 2),
    ];
    for (const client of [holder, first, broke, third, fourth])
      expect((await as(t.app, client).post(`/api/sessions/${sessionId}/registrations`)).statusCode).toBe(201);
    // `broke` spends their only credit elsewhere while waiting.
    const elsewhere = await makeSession(t, studio, '2026-03-28T07:00:00Z');
    expect((await as(t.app, broke).post(`/api/sessions/${elsewhere}/registrations`)).statusCode).toBe(201);

    const raised = await as(t.app, studio.coach).patch(`/api/sessions/${sessionId}`, { capacity: 3 });
    expect(raised.statusCode).toBe(200);
    expect(raised.json()).toMatchObject({ capacity: 3, attendingCount: 3, waitingCount: 2 });
    expect(await creditsLeft(db, first.id)).toBe(1);
    expect(await creditsLeft(db, third.id)).toBe(1);
    expect(await creditsLeft(db, fourth.id)).toBe(2);
    const mine = async (client: typeof first) =>
      (await as(t.app, client).get(`/api/sessions/${sessionId}`)).json().myRegistration;
    expect(await mine(broke)).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 1 });
    expect(await mine(fourth)).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 2 });
    expect(expectConsistent(await sessionInvariants(db, sessionId))).toEqual([]);
  });
});
