import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, createUser, type TestApp, type TestUser } from '../support/test-app';
import { makeSession, setUpStudio, type Studio } from '../sessions/support';
import { createCohort, enrol, typeId } from '../cohorts/cohort-test-kit';

/** A person's account history: entries about them, however they are stored (their bookings, memberships…). */
const NOW = new Date('2026-03-20T12:00:00Z');
let t: TestApp;
let studio: Studio;
let kim: TestUser;
let lee: TestUser;

interface Entry {
  action: string;
  summary: string;
  targetType: string;
  after: { userId?: string } | null;
}

async function history(query: string): Promise<Entry[]> {
  const r = await as(t.app, studio.admin).get(`/api/admin/audit-log?${query}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json<{ entries: Entry[] }>().entries;
}

beforeAll(async () => {
  t = await createTestApp({ now: NOW });
  studio = await setUpStudio(t);
  kim = await createUser(t.app, 'CLIENT', 'Kim Subject');
  lee = await createUser(t.app, 'CLIENT', 'Lee Other');
  const admin = as(t.app, studio.admin);
  const plan = await admin.post('/api/admin/plans', { name: 'Pack', type: 'PACK', totalCredits: 5, price: 50 });
  const sessionId = await makeSession(t, studio, '2026-03-23T09:30:00Z');
  const desk = (userId: string) =>
    as(t.app, studio.coach).post(`/api/sessions/${sessionId}/desk-bookings`, { userId, payment: 'AT_DESK' });
  const kimsPlace = await desk(kim.id);
  const steps = [
    plan,
    kimsPlace,
    await desk(lee.id),
    await as(t.app, studio.coach).post(`/api/registrations/${kimsPlace.json().id}/paid`),
    await as(t.app, studio.coach).delete(`/api/registrations/${kimsPlace.json().id}/paid`),
    await admin.post('/api/admin/payments/manual', {
      userId: kim.id,
      planId: plan.json().id,
      startDate: '2026-03-20',
      amountMinor: 5000,
      method: 'cash',
    }),
    await admin.post(`/api/admin/users/${kim.id}/credits`, { amount: 1, reason: 'Goodwill' }),
    await admin.post(`/api/admin/users/${lee.id}/credits`, { amount: 3, reason: 'Lee only' }),
    await admin.put(`/api/clients/${kim.id}/profile`, {
      emergencyContactName: 'Sam',
      emergencyContactPhone: '',
      dateOfBirth: '',
      healthNotes: '',
    }),
  ];
  for (const r of steps) expect(r.statusCode, r.body).toBeLessThan(300);
  const cohort = await createCohort(t, studio.coach, {
    name: 'Spring Challenge',
    typeId: await typeId(t, studio.coach, '6-Week Challenge'),
    startDate: '2026-03-23',
    capacity: 12,
  });
  await enrol(t, studio.coach, cohort.id, kim);
});
afterAll(async () => t.close());

describe("a person's account history", () => {
  it('holds what is about them in any form: bookings, desk payments, membership, payment, cohort, credits, profile', async () => {
    const entries = await history(`subjectId=${kim.id}`);
    expect(entries.map((e) => e.action).sort()).toEqual([
      'client.profile_changed',
      'cohort.member_enrolled',
      'credits.adjusted',
      'membership.assigned',
      'payment.recorded',
      'registration.desk_booked',
      'registration.desk_paid',
      'registration.desk_unpaid',
    ]);
    expect(entries.find((e) => e.action === 'registration.desk_unpaid')!.summary).toMatch(
      /^Marked unpaid \(desk payment undone\): Kim Subject, HIIT /,
    );
  });

  it("never holds another person's entries", async () => {
    const lees = await history(`subjectId=${lee.id}`);
    expect(lees.map((e) => e.action).sort()).toEqual(['credits.adjusted', 'registration.desk_booked']);
    expect(JSON.stringify(lees)).not.toContain(kim.id);
  });

  it('keeps what a person did out of their history; the person filter has both', async () => {
    expect(await history(`subjectId=${studio.coach.id}`)).toEqual([]);
    const byCoach = await history(`personId=${studio.coach.id}`);
    expect(byCoach.map((e) => e.action)).toEqual(expect.arrayContaining(['registration.desk_unpaid']));
    const aboutKim = await history(`personId=${kim.id}`);
    expect(aboutKim.map((e) => e.action)).toEqual(expect.arrayContaining(['registration.desk_booked']));
  });
});
