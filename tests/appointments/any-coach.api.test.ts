import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, type TestApp, type TestUser } from '../support/test-app';
import { addCoaches, clientWithPack, setUpAppointments, type AppointmentStudio } from './support';

// Friday 20 March 2026, 12:00 in London (GMT); the bookings are on Monday 23 and Tuesday 24 March.
const NOW = new Date('2026-03-20T12:00:00Z');
let t: TestApp;
let studio: AppointmentStudio;
let clare: TestUser;

beforeAll(async () => {
  t = await createTestApp({ now: NOW });
  studio = await setUpAppointments(t); // coach "Gav Coach"
  clare = (await addCoaches(t, studio, ['Clare Coach', 'Zoe Coach']))[0]!;
});
afterAll(async () => t.close());

async function bookAny(startTime: string, extra: Record<string, unknown> = {}) {
  const client = await clientWithPack(t, studio, studio.ptPackId, '2026-03-20');
  return as(t.app, client).post('/api/appointments', { serviceId: studio.serviceId, startTime, ...extra });
}
const coachOf = async (startTime: string) => {
  const response = await bookAny(startTime);
  expect(response.statusCode).toBe(201);
  return (response.json() as { coach: { name: string } }).coach.name;
};

describe('"any coach" for a 1-on-1', () => {
  it('spreads a day over the coaches: fewest that day first, ties by name, never a coach already busy', async () => {
    // Three coaches all free: Clare (first by name), then Gav, then Zoe; then round again.
    const monday = ['08', '09', '10', '11', '12', '13'].map((h) => `2026-03-23T${h}:00:00Z`);
    const picked = [];
    for (const start of monday) picked.push(await coachOf(start));
    expect(picked).toEqual(['Clare Coach', 'Gav Coach', 'Zoe Coach', 'Clare Coach', 'Gav Coach', 'Zoe Coach']);
    // 14:00 booked with Gav by name: the next "any" booking at 14:00 goes to Clare, then Zoe, then none.
    const withGav = await bookAny('2026-03-23T14:00:00Z', { coachId: studio.coach.id });
    expect(withGav.statusCode).toBe(201);
    expect(await coachOf('2026-03-23T14:00:00Z')).toBe('Clare Coach');
    expect(await coachOf('2026-03-23T14:00:00Z')).toBe('Zoe Coach');
    const full = await bookAny('2026-03-23T14:00:00Z');
    expect(full.statusCode).toBe(409);
    expect(full.json().error.code).toBe('SLOT_TAKEN');
  });

  it('breaks a tie on the day by the week: the coach with fewer 1-on-1s that week', async () => {
    // After Monday each coach has 3 this week; one more for Clare (by name) on Tuesday.
    expect((await bookAny('2026-03-24T07:00:00Z', { coachId: clare.id })).statusCode).toBe(201);
    // Wednesday, nobody has one that day: Gav and Zoe (3 this week) before Clare (4); Gav by name.
    expect(await coachOf('2026-03-25T09:00:00Z')).toBe('Gav Coach');
    // Clare and Zoe have none that day: Zoe has fewer this week, though Clare comes first by name.
    expect(await coachOf('2026-03-25T10:00:00Z')).toBe('Zoe Coach');
    expect(await coachOf('2026-03-25T11:00:00Z')).toBe('Clare Coach');
  });

  it('says why nobody can take it: too late for everyone, or outside everyone’s hours', async () => {
    const tooSoon = await bookAny('2026-03-20T18:00:00Z');
    expect(tooSoon.statusCode).toBe(422);
    expect(tooSoon.json().error.code).toBe('TOO_LATE_TO_BOOK');
    const night = await bookAny('2026-03-25T22:00:00Z');
    expect(night.statusCode).toBe(422);
    expect(night.json().error.code).toBe('OUTSIDE_AVAILABILITY');
  });
});
