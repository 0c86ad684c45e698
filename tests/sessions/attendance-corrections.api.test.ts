import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/db/schema';
import { as, createTestApp, type TestApp } from '../support/test-app';
import { clientWithCredits, makeSession, setUpStudio, type Studio } from './support';

const NOW = new Date('2026-03-20T12:00:00Z');
let t: TestApp;
let studio: Studio;

beforeAll(async () => {
  t = await createTestApp({ now: NOW });
  studio = await setUpStudio(t);
});
afterAll(async () => t.close());

describe('attendance corrections after the 24-hour window', () => {
  it('coaches keep the window; an admin can still correct, audited with before and after', async () => {
    const sessionId = await makeSession(t, studio, '2026-03-23T06:30:00Z');
    const client = await clientWithCredits(t, 1);
    const booked = await as(t.app, client).post(`/api/sessions/${sessionId}/registrations`);
    expect(booked.statusCode).toBe(201);
    t.clock.set(new Date('2026-03-23T07:00:00Z'));
    const marked = await as(t.app, studio.coach).post(`/api/sessions/${sessionId}/attendance`, {
      userId: client.id,
      status: 'NO_SHOW',
    });
    expect(marked.statusCode, marked.body).toBe(200);
    const inWindow = await t.database.db.select().from(auditLog).where(eq(auditLog.targetId, booked.json().id));
    expect(inWindow).toEqual([]);

    t.clock.set(new Date('2026-03-30T09:00:00Z'));
    const byCoach = await as(t.app, studio.coach).post(`/api/sessions/${sessionId}/attendance`, {
      userId: client.id,
      status: 'ATTENDED',
    });
    expect([byCoach.statusCode, byCoach.json().error.code]).toEqual([422, 'ATTENDANCE_NOT_OPEN']);

    const byAdmin = await as(t.app, studio.admin).post(`/api/sessions/${sessionId}/attendance`, {
      userId: client.id,
      status: 'ATTENDED',
    });
    expect(byAdmin.statusCode, byAdmin.body).toBe(200);
    expect(byAdmin.json()).toMatchObject({ status: 'ATTENDED', userId: client.id });
    const detail = await as(t.app, studio.admin).get(`/api/sessions/${sessionId}`);
    expect(detail.json().registrations[0].status).toBe('ATTENDED');
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.targetId, booked.json().id));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      action: 'attendance.corrected_late',
      actorId: studio.admin.id,
      before: { status: 'NO_SHOW' },
      after: { status: 'ATTENDED', sessionId, userId: client.id },
    });
  });
});
