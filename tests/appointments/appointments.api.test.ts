import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications } from '../../src/db/schema';
import { as, createTestApp, createUser, type TestApp } from '../support/test-app';
import { sendAppointmentReminders } from '../../src/services/appointments/send-reminders';
import { clientWithPack, creditsHeldBy, setUpAppointments, type AppointmentStudio } from './support';

// Friday 20 March 2026, 12:00 in London (GMT): Monday 23 March 10:00 is 70 hours ahead.
const NOW = new Date('2026-03-20T12:00:00Z');
const MONDAY_10 = '2026-03-23T10:00:00.000Z';
let t: TestApp;
let studio: AppointmentStudio;

beforeAll(async () => {
  t = await createTestApp({ now: NOW });
  studio = await setUpAppointments(t);
});
afterAll(async () => t.close());

const book = (user: Parameters<typeof as>[1], body: Record<string, unknown>) =>
  as(t.app, user).post('/api/appointments', { serviceId: studio.serviceId, coachId: studio.coach.id, ...body });

describe('slots', () => {
  it('lists hourly starts inside working hours, minus a booked slot and its buffer', async () => {
    const client = await clientWithPack(t, studio, studio.ptPackId, '2026-03-20');
    const query = `serviceId=${studio.serviceId}&from=2026-03-23&to=2026-03-23`;
    const before = (await as(t.app, client).get(`/api/appointments/slots?${query}`)).json();
    expect(before.coaches[0].slots).toHaveLength(14); // 06:00 … 19:00 (a 45-minute PT ends by 20:00)
    expect(before.credits).toMatchObject({ cost: 1, usable: 5, paidBy: { planName: '5 PT' } });
    expect((await book(client, { startTime: '2026-03-23T08:00:00Z' })).statusCode).toBe(201);
    const after = (await as(t.app, client).get(`/api/appointments/slots?${query}`)).json();
    expect(after.coaches[0].slots).toHaveLength(13);
    expect(after.coaches[0].slots).not.toContain('2026-03-23T08:00:00.000Z');
  });

  it('leaves out the time of a class the coach teaches, and refuses a booking over it', async () => {
    const classType = (
      await as(t.app, studio.coach).post('/api/class-types', {
        name: 'Spin',
        defaultCapacity: 10,
        defaultDurationMins: 30,
      })
    ).json();
    const created = await as(t.app, studio.coach).post('/api/sessions', {
      classTypeId: classType.id,
      coachId: studio.coach.id,
      startTime: '2026-03-24T12:30:00Z',
    });
    expect(created.statusCode).toBe(201);
    const client = await clientWithPack(t, studio, studio.ptPackId, '2026-03-20');
    const slots = (
      await as(t.app, client).get(`/api/appointments/slots?serviceId=${studio.serviceId}&from=2026-03-24&to=2026-03-24`)
    ).json().coaches[0].slots;
    // The class runs 12:30–13:00: 12:00–12:45 overlaps it; 11:00 (busy to 12:00 with its buffer) and 13:00 do not.
    expect(slots).not.toContain('2026-03-24T12:00:00.000Z');
    expect(slots).toContain('2026-03-24T11:00:00.000Z');
    expect(slots).toContain('2026-03-24T13:00:00.000Z');
    const refused = await book(client, { startTime: '2026-03-24T12:00:00Z' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('SLOT_TAKEN');
  });
});

describe('booking and paying', () => {
  it('a PT pack pays for PT; a second client for the same slot gets 409 SLOT_TAKEN', async () => {
    const first = await clientWithPack(t, studio, studio.ptPackId, '2026-03-20');
    const second = await clientWithPack(t, studio, studio.ptPackId, '2026-03-20');
    const booked = await book(first, { startTime: MONDAY_10 });
    expect(booked.statusCode).toBe(201);
    expect(booked.json()).toMatchObject({ status: 'BOOKED', creditsConsumed: 1, endTime: '2026-03-23T10:45:00.000Z' });
    expect(await creditsHeldBy(t, first.id)).toBe(4);
    const taken = await book(second, { startTime: MONDAY_10 });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('SLOT_TAKEN');
    expect(await creditsHeldBy(t, second.id)).toBe(5);
  });

  it('a class pack never pays for PT, and a PT pack never pays for a class', async () => {
    const classes = await clientWithPack(t, studio, studio.classPackId, '2026-03-20');
    const refused = await book(classes, { startTime: '2026-03-25T10:00:00Z' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('INSUFFICIENT_CREDITS');
    const pt = await clientWithPack(t, studio, studio.ptPackId, '2026-03-20');
    const classType = (
      await as(t.app, studio.coach).post('/api/class-types', {
        name: 'Core',
        defaultCapacity: 5,
        defaultDurationMins: 30,
      })
    ).json();
    const session = (
      await as(t.app, studio.coach).post('/api/sessions', {
        classTypeId: classType.id,
        coachId: studio.coach.id,
        startTime: '2026-03-26T18:00:00Z',
      })
    ).json();
    const classBooking = await as(t.app, pt).post(`/api/sessions/${session.id}/registrations`, {});
    expect(classBooking.statusCode).toBe(422);
    expect(classBooking.json().error.code).toBe('CLASS_TYPE_NOT_ALLOWED');
  });

  it('cancelling before the cutoff refunds the grant; after it the credit is kept', async () => {
    const client = await clientWithPack(t, studio, studio.ptPackId, '2026-03-20');
    const early = (await book(client, { startTime: '2026-03-27T09:00:00Z' })).json();
    const late = (await book(client, { startTime: '2026-03-21T15:00:00Z' })).json(); // 27 h ahead, cutoff 24 h
    expect(await creditsHeldBy(t, client.id)).toBe(3);
    const inTime = await as(t.app, client).post(`/api/appointments/${early.id}/cancel`, {});
    expect(inTime.json()).toMatchObject({ status: 'CANCELLED', late: false, refunded: 1 });
    t.clock.set(new Date('2026-03-20T18:00:00Z')); // 21 h before the second one
    const tooLate = await as(t.app, client).post(`/api/appointments/${late.id}/cancel`, {});
    t.clock.set(NOW);
    expect(tooLate.json()).toMatchObject({ status: 'LATE_CANCELLED', late: true, refunded: 0 });
    expect(await creditsHeldBy(t, client.id)).toBe(4);
    const again = await as(t.app, client).post(`/api/appointments/${early.id}/cancel`, {});
    expect(again.json().error.code).toBe('APPOINTMENT_NOT_CHANGEABLE');
  });

  it('staff book without credits with a reason: a COMP line in the ledger, no credit moved', async () => {
    const client = await createUser(t.app, 'CLIENT');
    const comp = await book(studio.admin, {
      clientId: client.id,
      startTime: '2026-03-28T09:00:00Z',
      compReason: 'Trial',
    });
    expect(comp.statusCode).toBe(201);
    expect(comp.json()).toMatchObject({ compReason: 'Trial', creditsConsumed: 0 });
    const ledger = (await as(t.app, client).get('/api/me/credit-transactions')).json();
    expect(ledger.entries[0]).toMatchObject({ kind: 'COMP', amount: 0 });
  });

  it('refuses too short notice, outside hours and off the grid, naming startTime', async () => {
    const client = await clientWithPack(t, studio, studio.ptPackId, '2026-03-20');
    const soon = await book(client, { startTime: '2026-03-20T18:00:00Z' });
    expect(soon.json().error.code).toBe('TOO_LATE_TO_BOOK');
    const night = await book(client, { startTime: '2026-03-23T21:00:00Z' });
    expect(night.json().error).toMatchObject({ code: 'OUTSIDE_AVAILABILITY', fields: [{ path: 'startTime' }] });
    const offGrid = await book(client, { startTime: '2026-03-23T10:30:00Z' });
    expect(offGrid.json().error.code).toBe('OUTSIDE_AVAILABILITY');
  });
});

describe('validation names the field', () => {
  it('a bad start time and weekly hours ending before they start', async () => {
    const badTime = await book(studio.admin, { startTime: 'next tuesday' });
    expect(badTime.statusCode).toBe(400);
    expect(badTime.json().error.fields.map((f: { path: string }) => f.path)).toContain('startTime');
    const badHours = await as(t.app, studio.coach).put(`/api/coaches/${studio.coach.id}/availability/weekly`, {
      days: [{ weekday: 'MON', ranges: [{ start: '17:00', end: '09:00' }] }],
    });
    expect(badHours.statusCode).toBe(400);
    expect(badHours.json().error.fields[0].path).toBe('days.0.ranges.0.end');
  });
});

describe('who may see what', () => {
  it('a coach edits only their own availability; a client sees only their own appointments', async () => {
    const other = await createUser(t.app, 'COACH');
    const refused = await as(t.app, other).get(`/api/coaches/${studio.coach.id}/availability`);
    expect(refused.statusCode).toBe(403);
    const owner = await clientWithPack(t, studio, studio.ptPackId, '2026-03-20');
    const booked = (await book(owner, { startTime: '2026-03-29T09:00:00Z' })).json();
    const stranger = await createUser(t.app, 'CLIENT');
    expect((await as(t.app, stranger).get(`/api/appointments/${booked.id}`)).statusCode).toBe(404);
    const mine = (await as(t.app, owner).get('/api/me/appointments')).json();
    expect(mine.map((a: { id: string }) => a.id)).toEqual([booked.id]);
    expect(mine[0].coachNotes).toBeUndefined();
    const calendar = (
      await as(t.app, studio.coach).get(`/api/coaches/${studio.coach.id}/calendar?from=2026-03-29&to=2026-03-29`)
    ).json();
    expect(calendar.items.map((i: { kind: string; id: string }) => `${i.kind} ${i.id}`)).toContain(
      `APPOINTMENT ${booked.id}`,
    );
  });
});

describe('calendar feed and reminders', () => {
  it('a booked 1-on-1 is in the client’s feed while the feature is on, and reminded once', async () => {
    const client = await clientWithPack(t, studio, studio.ptPackId, '2026-03-20');
    await as(t.app, client).put('/api/me/session-preferences', { reminders: true, reminderHoursBefore: 48 });
    const booked = (await book(client, { startTime: '2026-03-21T17:00:00Z' })).json();
    const url = new URL((await as(t.app, client).get('/api/me/calendar-feed')).json().url);
    const feed = () => as(t.app, null).get(`${url.pathname}${url.search}`);
    expect((await feed()).body).toContain(`UID:appointment-${booked.id}@roster`);
    expect(await sendAppointmentReminders(t.database.db, NOW)).toMatchObject({ sent: 1 });
    expect(await sendAppointmentReminders(t.database.db, NOW)).toMatchObject({ sent: 0 });
    await as(t.app, studio.admin).put('/api/admin/settings/features.appointments.enabled', { value: false });
    const hidden = (await feed()).body;
    await as(t.app, studio.admin).put('/api/admin/settings/features.appointments.enabled', { value: true });
    expect(hidden).not.toContain('appointment-');
  });

  it('a client who never chose is reminded by the default (on, 2 hours before), as for classes', async () => {
    const client = await clientWithPack(t, studio, studio.ptPackId, '2026-03-20');
    expect((await book(client, { startTime: '2026-03-21T13:00:00Z' })).statusCode).toBe(201);
    const reminded = async () =>
      (await t.database.db.select().from(notifications).where(eq(notifications.userId, client.id))).filter(
        (n) => n.kind === 'appointment_reminder',
      ).length;
    await sendAppointmentReminders(t.database.db, new Date('2026-03-21T10:30:00Z'));
    expect(await reminded()).toBe(0); // 2 h 30 before: not yet
    await sendAppointmentReminders(t.database.db, new Date('2026-03-21T11:30:00Z'));
    expect(await reminded()).toBe(1);
  });
});

describe('plans say what they pay for', () => {
  it('lists the services a plan covers while the feature is on; "all class types" stays explicit', async () => {
    const plans = () => as(t.app, studio.admin).get('/api/plans');
    const byId = (list: Array<{ id: string }>, id: string) => list.find((p) => p.id === id) as Record<string, unknown>;
    const on = (await plans()).json().plans;
    expect(byId(on, studio.ptPackId)).toMatchObject({ coversAllClassTypes: false, classTypes: [] });
    expect((byId(on, studio.ptPackId).appointmentServices as Array<{ id: string }>)[0]!.id).toBe(studio.serviceId);
    expect(byId(on, studio.classPackId)).toMatchObject({ coversAllClassTypes: true, appointmentServices: [] });
    const patched = await as(t.app, studio.admin).patch(`/api/admin/plans/${studio.classPackId}`, { classTypeIds: [] });
    expect(patched.json()).toMatchObject({ coversAllClassTypes: true });
    await as(t.app, studio.admin).put('/api/admin/settings/features.appointments.enabled', { value: false });
    const off = (await plans()).json().plans;
    await as(t.app, studio.admin).put('/api/admin/settings/features.appointments.enabled', { value: true });
    expect(byId(off, studio.ptPackId)).not.toHaveProperty('appointmentServices');
  });

  it('a class cannot be put or moved over a booked 1-on-1 of its coach', async () => {
    const client = await clientWithPack(t, studio, studio.ptPackId, '2026-03-20');
    expect((await book(client, { startTime: '2026-03-30T09:00:00Z' })).statusCode).toBe(201);
    const classType = (
      await as(t.app, studio.coach).post('/api/class-types', {
        name: 'Yoga',
        defaultCapacity: 8,
        defaultDurationMins: 60,
      })
    ).json();
    const clash = await as(t.app, studio.coach).post('/api/sessions', {
      classTypeId: classType.id,
      coachId: studio.coach.id,
      startTime: '2026-03-30T09:30:00Z',
    });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.code).toBe('SLOT_TAKEN');
    const later = await as(t.app, studio.coach).post('/api/sessions', {
      classTypeId: classType.id,
      coachId: studio.coach.id,
      startTime: '2026-03-30T12:00:00Z',
    });
    const moved = await as(t.app, studio.coach).patch(`/api/sessions/${later.json().id}`, {
      startTime: '2026-03-30T08:30:00Z',
    });
    expect(moved.statusCode).toBe(409);
    expect(moved.json().error.code).toBe('SLOT_TAKEN');
  });

  it('a weekly schedule is refused, already in its preview, when a class would fall on a booked 1-on-1', async () => {
    const client = await clientWithPack(t, studio, studio.ptPackId, '2026-03-20');
    // Monday 6 April, 10:00 in London (BST).
    expect((await book(client, { startTime: '2026-04-06T09:00:00Z' })).statusCode).toBe(201);
    const created = await as(t.app, studio.coach).post('/api/class-types', {
      name: 'Lunchtime Spin',
      defaultCapacity: 8,
      defaultDurationMins: 45,
    });
    expect(created.statusCode, created.body).toBe(201);
    const classType = created.json();
    const weekly = (localTime: string) => ({
      classTypeId: classType.id,
      coachId: studio.coach.id,
      daysOfWeek: ['MON'],
      localTime,
      // From the booked Monday on: the 1-on-1 of an earlier test (30 March) is not in the way.
      fromDate: '2026-04-06',
      toDate: '2026-04-20',
    });
    for (const url of ['/api/schedules?preview=true', '/api/schedules']) {
      const clash = await as(t.app, studio.coach).post(url, weekly('10:00'));
      expect(clash.statusCode, clash.body).toBe(409);
      expect(clash.json().error).toMatchObject({ code: 'SLOT_TAKEN', fields: [{ path: 'localTime' }] });
      expect(clash.json().error.message).toContain('Mon 6 Apr at 10:00');
    }
    const free = await as(t.app, studio.coach).post('/api/schedules', weekly('13:00'));
    expect(free.statusCode, free.body).toBe(201);
    expect(free.json().sessions).toHaveLength(3);
  });
});
