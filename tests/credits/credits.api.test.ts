import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, createUser, type TestApp, type TestUser } from '../support/test-app';

/*
 * The memberships-and-credits API through the real app: every error code of the area with its
 * status, what each role may see and do, and the credits flowing through a real booking.
 */

let t: TestApp;
let admin: TestUser;
let coach: TestUser;
let client: TestUser;
let plans: Record<'committed' | 'kickstarter' | 'tenPack' | 'onceOnly' | 'hidden', string>;

const NOW = new Date('2026-03-04T09:00:00Z'); // Wednesday of the week of 2 March

function expectError(response: { statusCode: number; json(): unknown }, status: number, code: string) {
  expect(response.statusCode, JSON.stringify(response.json())).toBe(status);
  const { fields, ...error } = (response.json() as { error: { fields?: unknown } }).error;
  expect({ error }).toEqual({ error: { code, message: expect.any(String) } });
  // A field-level problem also names its field, so a form can show the message under it.
  if (fields !== undefined) expect(fields).toContainEqual({ path: expect.any(String), message: expect.any(String) });
}

beforeAll(async () => {
  t = await createTestApp({ now: NOW });
  admin = await createUser(t.app, 'ADMIN', 'Alex Admin');
  coach = await createUser(t.app, 'COACH', 'Gav Coach');
  client = await createUser(t.app, 'CLIENT', 'Sam Client');
  const create = async (body: Record<string, unknown>) => {
    const r = await as(t.app, admin).post('/api/admin/plans', body);
    expect(r.statusCode, r.body).toBe(201);
    return r.json().id as string;
  };
  plans = {
    committed: await create({
      name: 'Committed',
      type: 'RECURRING',
      creditsPerWeek: 5,
      commitmentMonths: 6,
      price: 109,
      features: ['HR monitor included'],
    }),
    kickstarter: await create({
      name: 'Kickstarter',
      type: 'PREPAID',
      creditsPerWeek: 5,
      durationDays: 42,
      price: 297,
    }),
    tenPack: await create({ name: '10 class pack', type: 'PACK', totalCredits: 10, expiryDays: 90, price: 90 }),
    onceOnly: await create({ name: 'Taster', type: 'PACK', totalCredits: 1, price: 0, allowRepeatPurchase: false }),
    hidden: await create({ name: 'Staff perk', type: 'PACK', totalCredits: 4, price: 0, purchasableByClient: false }),
  };
});
afterAll(async () => t.close());

describe('plans', () => {
  it('admins create plans; a field the type needs is a 400 naming it', async () => {
    const r = await as(t.app, admin).post('/api/admin/plans', {
      name: 'Broken',
      type: 'PREPAID',
      creditsPerWeek: 5,
      price: 100,
    });
    expectError(r, 400, 'VALIDATION_ERROR');
    expect(r.json().error.message).toMatch(/^A prepaid plan needs its length in days/);
    expect(r.json().error.fields).toContainEqual({ path: 'durationDays', message: expect.any(String) });
    expectError(
      await as(t.app, admin).post('/api/admin/plans', { name: 'No price', type: 'PACK', totalCredits: 3 }),
      400,
      'VALIDATION_ERROR',
    );
    const created = await as(t.app, admin).get('/api/plans');
    expect(created.json().plans.find((p: { id: string }) => p.id === plans.committed)).toMatchObject({
      price: 109,
      priceMinor: 10_900,
      currency: 'GBP',
      features: ['HR monitor included'],
      activeMembers: 0,
    });
  });

  it('clients see active plans they can buy, coaches every active plan, admins all', async () => {
    const deactivated = await as(t.app, admin).post('/api/admin/plans', {
      name: 'Old plan',
      type: 'PACK',
      totalCredits: 2,
      price: 20,
    });
    await as(t.app, admin).patch(`/api/admin/plans/${deactivated.json().id}`, { active: false });
    const names = async (user: TestUser) =>
      ((await as(t.app, user).get('/api/plans')).json().plans as Array<{ name: string }>).map((p) => p.name).sort();
    expect(await names(client)).toEqual(['10 class pack', 'Committed', 'Kickstarter', 'Taster']);
    expect(await names(coach)).toEqual(['10 class pack', 'Committed', 'Kickstarter', 'Staff perk', 'Taster']);
    expect(await names(admin)).toContain('Old plan');
    expectError(
      await as(t.app, coach).post('/api/admin/plans', { name: 'x', type: 'PACK', totalCredits: 1, price: 1 }),
      403,
      'FORBIDDEN',
    );
    expectError(await as(t.app, client).patch(`/api/admin/plans/${plans.committed}`, { price: 1 }), 403, 'FORBIDDEN');
    expectError(await as(t.app, null).get('/api/plans'), 401, 'UNAUTHENTICATED');
  });

  it('editing: PLAN_NOT_FOUND for an unknown plan, a type never changes, a class type must exist', async () => {
    expectError(
      await as(t.app, admin).patch('/api/admin/plans/00000000-0000-4000-8000-000000000000', { price: 1 }),
      404,
      'PLAN_NOT_FOUND',
    );
    expectError(
      await as(t.app, admin).patch(`/api/admin/plans/${plans.committed}`, { type: 'PACK' }),
      400,
      'VALIDATION_ERROR',
    );
    expectError(
      await as(t.app, admin).patch(`/api/admin/plans/${plans.committed}`, {
        classTypeIds: ['00000000-0000-4000-8000-000000000000'],
      }),
      400,
      'VALIDATION_ERROR',
    );
    const edited = await as(t.app, admin).patch(`/api/admin/plans/${plans.committed}`, {
      description: 'Six months, five classes a week',
    });
    expect(edited.json()).toMatchObject({
      description: 'Six months, five classes a week',
      creditsPerWeek: 5,
      price: 109,
    });
  });
});

describe('memberships', () => {
  it('assigning creates the membership with its first weekly credits; the client sees them', async () => {
    const member = await createUser(t.app, 'CLIENT', 'Priya');
    const r = await as(t.app, admin).post(`/api/admin/users/${member.id}/memberships`, {
      planId: plans.committed,
      startDate: '2026-03-04',
      paymentReference: 'Card 0042',
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({
      planName: 'Committed',
      status: 'ACTIVE',
      startDate: '2026-03-04',
      endDate: null,
      commitmentEndsOn: '2026-09-04',
      paymentReference: 'Card 0042',
      assignedByName: 'Alex Admin',
    });

    const credits = (await as(t.app, member).get('/api/me/credits')).json();
    expect(credits).toMatchObject({ totalUpcoming: 15, thisWeek: 5, nextWeek: 5, currentWeekStart: '2026-03-02' });
    expect(
      credits.available.map((g: { weekStart: string; planName: string; source: string }) => [
        g.weekStart,
        g.planName,
        g.source,
      ]),
    ).toEqual([
      ['2026-03-02', 'Committed', 'PLAN_ALLOCATION'],
      ['2026-03-09', 'Committed', 'PLAN_ALLOCATION'],
      ['2026-03-16', 'Committed', 'PLAN_ALLOCATION'],
    ]);
    const mine = (await as(t.app, member).get('/api/me/membership')).json();
    expect(mine.memberships.map((m: { planName: string }) => m.planName)).toEqual(['Committed']);
    const ledger = (await as(t.app, member).get('/api/me/credit-transactions')).json();
    expect(ledger.entries.map((e: { label: string; amount: number }) => [e.label, e.amount])).toEqual([
      ['Weekly credits, week of 16 Mar (Committed)', 5],
      ['Weekly credits, week of 9 Mar (Committed)', 5],
      ['Weekly credits, week of 2 Mar (Committed)', 5],
    ]);
  });

  it('MEMBERSHIP_CONFLICT for a second recurring/prepaid plan, while packs stack', async () => {
    const member = await createUser(t.app, 'CLIENT');
    expect(
      (
        await as(t.app, admin).post(`/api/admin/users/${member.id}/memberships`, {
          planId: plans.kickstarter,
          startDate: '2026-03-02',
        })
      ).statusCode,
    ).toBe(201);
    expectError(
      await as(t.app, admin).post(`/api/admin/users/${member.id}/memberships`, {
        planId: plans.committed,
        startDate: '2026-03-02',
      }),
      409,
      'MEMBERSHIP_CONFLICT',
    );
    expect(
      (
        await as(t.app, admin).post(`/api/admin/users/${member.id}/memberships`, {
          planId: plans.tenPack,
          startDate: '2026-03-02',
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await as(t.app, admin).post(`/api/admin/users/${member.id}/memberships`, {
          planId: plans.tenPack,
          startDate: '2026-03-02',
        })
      ).statusCode,
    ).toBe(201);
    const credits = (await as(t.app, member).get('/api/me/credits')).json();
    expect(credits.totalUpcoming).toBe(15 + 20);
  });

  it('REPEAT_PURCHASE_NOT_ALLOWED, PLAN_INACTIVE, PLAN_NOT_FOUND, USER_NOT_FOUND and bad input', async () => {
    const member = await createUser(t.app, 'CLIENT');
    const assign = (body: Record<string, unknown>, userId = member.id) =>
      as(t.app, admin).post(`/api/admin/users/${userId}/memberships`, body);
    expect((await assign({ planId: plans.onceOnly, startDate: '2026-03-04' })).statusCode).toBe(201);
    expectError(await assign({ planId: plans.onceOnly, startDate: '2026-03-04' }), 409, 'REPEAT_PURCHASE_NOT_ALLOWED');
    const old = await as(t.app, admin).post('/api/admin/plans', {
      name: 'Retired',
      type: 'PACK',
      totalCredits: 2,
      price: 20,
    });
    await as(t.app, admin).patch(`/api/admin/plans/${old.json().id}`, { active: false });
    expectError(await assign({ planId: old.json().id, startDate: '2026-03-04' }), 422, 'PLAN_INACTIVE');
    expectError(
      await assign({ planId: '00000000-0000-4000-8000-000000000000', startDate: '2026-03-04' }),
      404,
      'PLAN_NOT_FOUND',
    );
    expectError(
      await assign({ planId: plans.tenPack, startDate: '2026-03-04' }, 'no-such-user'),
      404,
      'USER_NOT_FOUND',
    );
    expectError(await assign({ planId: plans.tenPack, startDate: '4 March' }), 400, 'VALIDATION_ERROR');
    expectError(await assign({ planId: 'nope', startDate: '2026-03-04' }), 400, 'VALIDATION_ERROR');
    expectError(
      await as(t.app, coach).post(`/api/admin/users/${member.id}/memberships`, {
        planId: plans.tenPack,
        startDate: '2026-03-04',
      }),
      403,
      'FORBIDDEN',
    );
  });

  it('pause, resume, cancel; INVALID_MEMBERSHIP_TRANSITION and MEMBERSHIP_NOT_FOUND', async () => {
    const member = await createUser(t.app, 'CLIENT');
    const m = (
      await as(t.app, admin).post(`/api/admin/users/${member.id}/memberships`, {
        planId: plans.committed,
        startDate: '2026-03-02',
      })
    ).json();
    const change = (status: string, id = m.id) => as(t.app, admin).patch(`/api/admin/memberships/${id}`, { status });
    expect((await change('PAUSED')).json()).toMatchObject({ status: 'PAUSED', pausedOn: '2026-03-04' });
    const onHold = (await as(t.app, member).get('/api/me/credits')).json();
    expect(onHold).toMatchObject({ available: [], totalUpcoming: 0, thisWeek: 0 });
    expect(onHold.onHold.map((g: { remaining: number }) => g.remaining)).toEqual([5, 5, 5]);
    expectError(await change('PAUSED'), 422, 'INVALID_MEMBERSHIP_TRANSITION');
    expect((await change('ACTIVE')).json()).toMatchObject({ status: 'ACTIVE', pausedOn: null });
    expect((await as(t.app, member).get('/api/me/credits')).json().thisWeek).toBe(5);
    expect((await change('CANCELLED')).json()).toMatchObject({ status: 'CANCELLED', endDate: '2026-03-04' });
    expectError(await change('ACTIVE'), 422, 'INVALID_MEMBERSHIP_TRANSITION');
    expectError(await change('PAUSED', '00000000-0000-4000-8000-000000000000'), 404, 'MEMBERSHIP_NOT_FOUND');
    expectError(await change('EXPIRED'), 400, 'VALIDATION_ERROR');
    const history = (await as(t.app, admin).get(`/api/admin/users/${member.id}/memberships`)).json();
    expect(history.memberships.map((x: { status: string }) => x.status)).toEqual(['CANCELLED']);
    expect((await as(t.app, member).get('/api/me/membership')).json().memberships).toEqual([]);
    const audit = (await as(t.app, admin).get('/api/admin/audit-log')).json();
    expect(audit.entries.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['membership.paused', 'membership.resumed', 'membership.cancelled']),
    );
  });
});

describe('credit adjustments', () => {
  it('adds with an optional expiry, removes, and refuses to go below zero with INSUFFICIENT_CREDITS', async () => {
    const member = await createUser(t.app, 'CLIENT');
    const adjust = (body: Record<string, unknown>) =>
      as(t.app, admin).post(`/api/admin/users/${member.id}/credits`, body);
    const added = await adjust({ amount: 3, reason: 'Missed classes in the flood', validUntil: '2026-03-31' });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toEqual({ amount: 3, balance: 3 });
    const [grant] = (await as(t.app, member).get('/api/me/credits')).json().available;
    expect(grant).toMatchObject({ source: 'ADJUSTMENT', remaining: 3, validUntil: '2026-03-31T23:00:00.000Z' });
    expectError(await adjust({ amount: -4, reason: 'Oops' }), 422, 'INSUFFICIENT_CREDITS');
    expect((await adjust({ amount: -2, reason: 'Double entry' })).json()).toEqual({ amount: -2, balance: 1 });
    expectError(await adjust({ amount: 0, reason: 'Nothing' }), 400, 'VALIDATION_ERROR');
    expectError(await adjust({ amount: 2, reason: '   ' }), 400, 'VALIDATION_ERROR');
    expectError(await adjust({ amount: -1, reason: 'x', validUntil: '2026-04-01' }), 400, 'VALIDATION_ERROR');
    expectError(await adjust({ amount: 1, reason: 'x', validUntil: '2026-01-01' }), 400, 'VALIDATION_ERROR');
    expectError(
      await as(t.app, admin).post('/api/admin/users/no-such-user/credits', { amount: 1, reason: 'x' }),
      404,
      'USER_NOT_FOUND',
    );
    expectError(
      await as(t.app, coach).post(`/api/admin/users/${member.id}/credits`, { amount: 1, reason: 'x' }),
      403,
      'FORBIDDEN',
    );

    const ledger = (await as(t.app, admin).get(`/api/admin/users/${member.id}/credit-transactions`)).json();
    expect(
      ledger.entries.map((e: { label: string; amount: number; actorName: string }) => [e.label, e.amount, e.actorName]),
    ).toEqual([
      ['Studio adjustment: Double entry', -2, 'Alex Admin'],
      ['Studio adjustment: Missed classes in the flood', 3, 'Alex Admin'],
    ]);
    const notes = (await as(t.app, member).get('/api/me/notifications')).json();
    expect(JSON.stringify(notes)).toContain('The studio removed 2 credits');
  });

  it('pages the ledger with a cursor', async () => {
    const member = await createUser(t.app, 'CLIENT');
    for (let i = 1; i <= 5; i++)
      await as(t.app, admin).post(`/api/admin/users/${member.id}/credits`, { amount: i, reason: `Gift ${i}` });
    const first = (await as(t.app, member).get('/api/me/credit-transactions?limit=2')).json();
    expect(first.entries.map((e: { amount: number }) => e.amount)).toEqual([5, 4]);
    const second = (
      await as(t.app, member).get(`/api/me/credit-transactions?limit=2&cursor=${first.nextCursor}`)
    ).json();
    expect(second.entries.map((e: { amount: number }) => e.amount)).toEqual([3, 2]);
    const last = (
      await as(t.app, member).get(`/api/me/credit-transactions?limit=2&cursor=${second.nextCursor}`)
    ).json();
    expect(last).toMatchObject({ nextCursor: null, entries: [{ amount: 1 }] });
    expectError(await as(t.app, member).get('/api/me/credit-transactions?cursor=abc'), 400, 'VALIDATION_ERROR');
  });
});

describe('members list', () => {
  it('coaches and admins see clients with their plan and credits this week; clients may not', async () => {
    const member = await createUser(t.app, 'CLIENT', 'Zed Searchable');
    await as(t.app, admin).post(`/api/admin/users/${member.id}/memberships`, {
      planId: plans.kickstarter,
      startDate: '2026-03-02',
    });
    const r = await as(t.app, coach).get('/api/members?query=searchable');
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({
      total: 1,
      members: [
        {
          id: member.id,
          name: 'Zed Searchable',
          creditsThisWeek: 5,
          plans: [{ planName: 'Kickstarter', status: 'ACTIVE' }],
        },
      ],
    });
    expect((await as(t.app, admin).get('/api/members?query=searchable')).statusCode).toBe(200);
    expectError(await as(t.app, client).get('/api/members'), 403, 'FORBIDDEN');
  });
});

describe('credits through a real booking (sessions area)', () => {
  it('a CORE-only plan: HIIT is CLASS_TYPE_NOT_ALLOWED, CORE books −1 and a timely cancel gives it back', async () => {
    const member = await createUser(t.app, 'CLIENT', 'Booker');
    const classType = async (name: string) =>
      (await as(t.app, admin).post('/api/class-types', { name, defaultCapacity: 10, defaultDurationMins: 45 })).json()
        .id as string;
    const core = await classType('CORE');
    const hiit = await classType('HIIT');
    const plan = (
      await as(t.app, admin).post('/api/admin/plans', {
        name: 'Core club',
        type: 'RECURRING',
        creditsPerWeek: 2,
        price: 40,
        classTypeIds: [core],
      })
    ).json();
    expect(plan.classTypes).toEqual([{ id: core, name: 'CORE' }]);
    await as(t.app, admin).post(`/api/admin/users/${member.id}/memberships`, {
      planId: plan.id,
      startDate: '2026-03-02',
    });
    const session = async (classTypeId: string) =>
      (
        await as(t.app, admin).post('/api/sessions', {
          classTypeId,
          coachId: coach.id,
          startTime: '2026-03-05T07:30:00.000Z',
        })
      ).json().id as string;
    const hiitSession = await session(hiit);
    const coreSession = await session(core);

    expectError(
      await as(t.app, member).post(`/api/sessions/${hiitSession}/registrations`, {}),
      422,
      'CLASS_TYPE_NOT_ALLOWED',
    );
    const booked = await as(t.app, member).post(`/api/sessions/${coreSession}/registrations`, {});
    expect(booked.statusCode, booked.body).toBe(201);
    expect((await as(t.app, member).get('/api/me/credits')).json().thisWeek).toBe(1);
    const cancelled = await as(t.app, member).delete(`/api/sessions/${coreSession}/registrations/me`);
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect((await as(t.app, member).get('/api/me/credits')).json().thisWeek).toBe(2);
    const ledger = (await as(t.app, member).get('/api/me/credit-transactions')).json();
    expect(ledger.entries.slice(0, 2).map((e: { kind: string; amount: number }) => [e.kind, e.amount])).toEqual([
      ['REFUND', 1],
      ['CONSUME', -1],
    ]);
  });
});
