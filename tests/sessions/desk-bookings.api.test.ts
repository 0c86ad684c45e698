import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, creditTransactions, sessionRegistrations } from '../../src/db/schema';
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

const NOW = new Date('2026-03-20T12:00:00Z');
let t: TestApp;
let studio: Studio;

beforeAll(async () => {
  t = await createTestApp({ now: NOW });
  studio = await setUpStudio(t);
});
afterAll(async () => t.close());

const errorOf = (r: { json(): unknown }) => (r.json() as { error: { code: string; message: string } }).error;

describe('front-desk bookings without credits', () => {
  it('tells staff that the client has no credits, and what they can do instead', async () => {
    const sessionId = await makeSession(t, studio, '2026-03-23T06:30:00Z');
    const client = await clientWithCredits(t, 0, 'Nora Nocredit');
    const r = await as(t.app, studio.coach).post(`/api/sessions/${sessionId}/registrations`, { userId: client.id });
    expect(r.statusCode).toBe(422);
    expect(errorOf(r).message).toBe(
      'Nora Nocredit has no credits left for this class. Add them as a comp or to pay at the desk instead.',
    );
  });

  it('a comp takes a place without a credit, writes a COMP line with the reason and an audit entry', async () => {
    const sessionId = await makeSession(t, studio, '2026-03-23T07:30:00Z');
    const client = await clientWithCredits(t, 0);
    const r = await as(t.app, studio.coach).post(`/api/sessions/${sessionId}/desk-bookings`, {
      userId: client.id,
      payment: 'COMP',
      reason: 'First class free',
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ status: 'REGISTERED', waitlistPosition: null });
    const registrationId = r.json().id as string;
    expect(await creditsLeft(t.database.db, client.id)).toBe(0);
    const lines = await t.database.db
      .select()
      .from(creditTransactions)
      .where(eq(creditTransactions.registrationId, registrationId));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ kind: 'COMP', amount: 0, grantId: null, actorId: studio.coach.id });
    expect(lines[0]!.description).toMatch(/Reason: First class free$/);
    const [audit] = await t.database.db.select().from(auditLog).where(eq(auditLog.targetId, registrationId));
    expect(audit).toMatchObject({
      action: 'registration.comp_booked',
      actorId: studio.coach.id,
      after: expect.objectContaining({ payment: 'COMP', reason: 'First class free', userId: client.id }),
    });
    const detail = await as(t.app, studio.coach).get(`/api/sessions/${sessionId}`);
    expect(detail.json().attendingCount).toBe(1);
    expect(detail.json().registrations[0]).toMatchObject({ payment: 'COMP', paidAt: null });
    expect(expectConsistent(await sessionInvariants(t.database.db, sessionId))).toEqual([]);

    const again = await as(t.app, studio.coach).post(`/api/sessions/${sessionId}/desk-bookings`, {
      userId: client.id,
      payment: 'COMP',
      reason: 'Again',
    });
    expect([again.statusCode, again.json().id]).toEqual([200, registrationId]);
  });

  it('a comp needs a reason (field error), and a client cannot use the route', async () => {
    const sessionId = await makeSession(t, studio, '2026-03-23T08:30:00Z');
    const client = await clientWithCredits(t, 0);
    const noReason = await as(t.app, studio.admin).post(`/api/sessions/${sessionId}/desk-bookings`, {
      userId: client.id,
      payment: 'COMP',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields).toEqual([{ path: 'reason', message: 'Say why this place is free' }]);
    const byClient = await as(t.app, client).post(`/api/sessions/${sessionId}/desk-bookings`, {
      userId: client.id,
      payment: 'AT_DESK',
    });
    expect(byClient.statusCode).toBe(403);
    const rows = await t.database.db
      .select()
      .from(sessionRegistrations)
      .where(eq(sessionRegistrations.userId, client.id));
    expect(rows).toHaveLength(0);
  });

  it('pay at the desk is owed until marked paid (audited once), and a credit booking owes nothing', async () => {
    const sessionId = await makeSession(t, studio, '2026-03-23T09:30:00Z');
    const client = await clientWithCredits(t, 0);
    const r = await as(t.app, studio.admin).post(`/api/sessions/${sessionId}/desk-bookings`, {
      userId: client.id,
      payment: 'AT_DESK',
    });
    expect(r.statusCode, r.body).toBe(201);
    const id = r.json().id as string;
    const owed = await as(t.app, studio.coach).get(`/api/sessions/${sessionId}`);
    expect(owed.json().registrations[0]).toMatchObject({ payment: 'AT_DESK', paidAt: null });
    expect(
      await t.database.db.select().from(creditTransactions).where(eq(creditTransactions.registrationId, id)),
    ).toEqual([]);

    const paid = await as(t.app, studio.coach).post(`/api/registrations/${id}/paid`);
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json()).toEqual({ id, payment: 'AT_DESK', paidAt: NOW.toISOString() });
    const twice = await as(t.app, studio.coach).post(`/api/registrations/${id}/paid`);
    expect(twice.json().paidAt).toBe(NOW.toISOString());
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.targetId, id));
    expect(audits.map((a) => a.action).sort()).toEqual(['registration.desk_booked', 'registration.desk_paid']);

    const payer = await clientWithCredits(t, 1);
    const booked = await as(t.app, payer).post(`/api/sessions/${sessionId}/registrations`);
    const notOwed = await as(t.app, studio.coach).post(`/api/registrations/${booked.json().id}/paid`);
    expect([notOwed.statusCode, errorOf(notOwed).code]).toEqual([422, 'NOT_OWED']);
  });

  it('"mark as unpaid" undoes a desk payment (staff only, audited once), owing the place again', async () => {
    const sessionId = await makeSession(t, studio, '2026-03-23T11:30:00Z');
    const client = await clientWithCredits(t, 0, 'Uma Undo');
    const booked = await as(t.app, studio.admin).post(`/api/sessions/${sessionId}/desk-bookings`, {
      userId: client.id,
      payment: 'AT_DESK',
    });
    const id = booked.json().id as string;
    await as(t.app, studio.coach).post(`/api/registrations/${id}/paid`);

    const byClient = await as(t.app, client).delete(`/api/registrations/${id}/paid`);
    expect(byClient.statusCode).toBe(403);
    const undo = await as(t.app, studio.coach).delete(`/api/registrations/${id}/paid`);
    expect(undo.statusCode, undo.body).toBe(200);
    expect(undo.json()).toEqual({ id, payment: 'AT_DESK', paidAt: null });
    const owed = await as(t.app, studio.coach).get(`/api/sessions/${sessionId}`);
    expect(owed.json().registrations[0]).toMatchObject({ id, payment: 'AT_DESK', paidAt: null });
    const twice = await as(t.app, studio.coach).delete(`/api/registrations/${id}/paid`);
    expect(twice.json()).toEqual({ id, payment: 'AT_DESK', paidAt: null });

    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.targetId, id));
    const undone = audits.filter((a) => a.action === 'registration.desk_unpaid');
    expect(undone).toHaveLength(1);
    expect(undone[0]).toMatchObject({
      actorId: studio.coach.id,
      before: { paidAt: NOW.toISOString() },
      after: { paidAt: null, userId: client.id, sessionId },
    });
    const log = await as(t.app, studio.admin).get(
      `/api/admin/audit-log?targetId=${id}&action=registration.desk_unpaid`,
    );
    expect(log.json().entries[0].summary).toMatch(/^Marked unpaid \(desk payment undone\): Uma Undo, HIIT /);

    // Paid again after the undo: a new payment, audited again.
    const repaid = await as(t.app, studio.coach).post(`/api/registrations/${id}/paid`);
    expect(repaid.json().paidAt).toBe(NOW.toISOString());

    const payer = await clientWithCredits(t, 1);
    const byCredits = await as(t.app, payer).post(`/api/sessions/${sessionId}/registrations`);
    const notOwed = await as(t.app, studio.coach).delete(`/api/registrations/${byCredits.json().id}/paid`);
    expect([notOwed.statusCode, errorOf(notOwed).code]).toEqual([422, 'NOT_OWED']);
    const missing = await as(t.app, studio.coach).delete(
      '/api/registrations/00000000-0000-4000-8000-000000000000/paid',
    );
    expect([missing.statusCode, errorOf(missing).code]).toEqual([404, 'REGISTRATION_NOT_FOUND']);
  });

  it('takes a free place only: a full class refuses with SESSION_FULL and changes nothing', async () => {
    const sessionId = await makeSession(t, studio, '2026-03-23T10:30:00Z', { capacity: 1 });
    const first = await clientWithCredits(t, 1);
    await as(t.app, first).post(`/api/sessions/${sessionId}/registrations`);
    const client = await clientWithCredits(t, 0);
    const r = await as(t.app, studio.coach).post(`/api/sessions/${sessionId}/desk-bookings`, {
      userId: client.id,
      payment: 'COMP',
      reason: 'Friend of the coach',
    });
    expect([r.statusCode, errorOf(r).code]).toEqual([422, 'SESSION_FULL']);
    expect(expectConsistent(await sessionInvariants(t.database.db, sessionId))).toEqual([]);
  });
});
