import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/client';
import { classTypes, sessionRegistrations, users } from '../../src/db/schema';
import type { Actor } from '../../src/domain/access/roles';
import { isDomainError } from '../../src/domain/shared/domain-error';
import { bookSession } from '../../src/services/sessions/book-session';
import { cancelMyRegistration } from '../../src/services/sessions/cancel-registration';
import { createSession } from '../../src/services/sessions/create-session';
import { editSession } from '../../src/services/sessions/edit-session';
import { createTestDatabase } from '../support/test-database';
import { creditsLeft, expectConsistent, giveCredits, sessionInvariants } from './support';

/*
 * The booking state machine, driven through the real services and database, against a model
 * small enough to be obviously right: random bookings, cancellations, capacity changes,
 * credit spending elsewhere and clock moves; after every step the database must equal the model.
 */

const START = new Date('2026-04-01T10:00:00Z');
const LATE_FROM = new Date(START.getTime() - 2 * 3_600_000);
const CLIENTS = 4;

type Action =
  | { kind: 'book'; client: number }
  | { kind: 'cancel'; client: number }
  | { kind: 'capacity'; capacity: number }
  | { kind: 'spendElsewhere'; client: number }
  | { kind: 'advance'; minutes: number };

interface Model {
  now: Date;
  capacity: number;
  registered: Array<{ client: number; promotedAt: Date | null }>;
  waitlist: number[];
  credits: number[];
  bookedElsewhere: boolean[];
}

/** What the studio's rules say should happen; returns the expected outcome code. */
function step(m: Model, a: Action): string {
  const live = (c: number) => m.registered.some((r) => r.client === c) || m.waitlist.includes(c);
  const promote = () => {
    if (m.now >= START) return;
    for (const c of [...m.waitlist]) {
      if (m.registered.length >= m.capacity) break;
      if (m.credits[c]! < 1) continue; // cannot pay: stays queued, skipped
      m.credits[c]! -= 1;
      m.waitlist.splice(m.waitlist.indexOf(c), 1);
      m.registered.push({ client: c, promotedAt: m.now });
    }
  };
  switch (a.kind) {
    case 'advance':
      m.now = new Date(m.now.getTime() + a.minutes * 60_000);
      return 'OK';
    case 'book': {
      if (live(a.client)) return 'EXISTING';
      if (m.now >= START) return 'REGISTRATION_CLOSED';
      if (m.credits[a.client]! < 1) return 'INSUFFICIENT_CREDITS';
      if (m.registered.length < m.capacity) {
        m.credits[a.client]! -= 1;
        m.registered.push({ client: a.client, promotedAt: null });
      } else m.waitlist.push(a.client);
      return 'OK';
    }
    case 'cancel': {
      if (m.waitlist.includes(a.client)) {
        m.waitlist.splice(m.waitlist.indexOf(a.client), 1);
        return 'OK';
      }
      const held = m.registered.find((r) => r.client === a.client);
      if (!held) return 'REGISTRATION_NOT_FOUND';
      if (m.now >= START) return 'SESSION_STARTED';
      const penalty = m.now >= LATE_FROM && !(held.promotedAt && held.promotedAt >= LATE_FROM);
      if (!penalty) m.credits[a.client]! += 1;
      m.registered.splice(m.registered.indexOf(held), 1);
      promote();
      return 'OK';
    }
    case 'capacity':
      if (a.capacity < m.registered.length) return 'CAPACITY_BELOW_ATTENDANCE';
      m.capacity = a.capacity;
      promote();
      return 'OK';
    case 'spendElsewhere':
      if (m.bookedElsewhere[a.client]) return 'EXISTING';
      if (m.credits[a.client]! < 1) return 'INSUFFICIENT_CREDITS';
      m.credits[a.client]! -= 1;
      m.bookedElsewhere[a.client] = true;
      return 'OK';
  }
}

let handle: DatabaseHandle;
let coach: Actor;
let classTypeId: string;
let runs = 0;

beforeAll(async () => {
  handle = await createTestDatabase();
  const coachId = randomUUID();
  await handle.db
    .insert(users)
    .values({ id: coachId, name: 'Model Coach', email: `${coachId}@example.test`, role: 'COACH' });
  coach = { id: coachId, role: 'COACH' };
  const [ct] = await handle.db
    .insert(classTypes)
    .values({ name: 'Model HIIT', defaultCapacity: 2, defaultDurationMins: 25 })
    .returning();
  classTypeId = ct!.id;
});
afterAll(async () => handle.close());

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('book' as const), client: fc.nat(CLIENTS - 1) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('cancel' as const), client: fc.nat(CLIENTS - 1) }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('capacity' as const), capacity: fc.integer({ min: 0, max: 3 }) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('spendElsewhere' as const), client: fc.nat(CLIENTS - 1) }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('advance' as const), minutes: fc.integer({ min: 1, max: 30 }) }),
  },
);

describe('booking state machine against a model', () => {
  it('the database follows the model after every step', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: CLIENTS, maxLength: CLIENTS }),
        fc.array(actionArb, { minLength: 5, maxLength: 40, size: 'max' }),
        async (credits, actions) => {
          const db = handle.db;
          const setupNow = new Date(START.getTime() - 150 * 60_000);
          // Each run gets its own week (so sessions never share a slot) and its own clients.
          const shift = ++runs * 7 * 86_400_000;
          const at = (d: Date) => new Date(d.getTime() + shift);
          const session = await createSession(
            db,
            coach,
            { classTypeId, coachId: coach.id, startTime: at(START), capacity: 2 },
            at(setupNow),
          );
          const elsewhere = await createSession(
            db,
            coach,
            { classTypeId, coachId: coach.id, startTime: at(new Date(START.getTime() + 86_400_000)), capacity: 50 },
            at(setupNow),
          );
          const clientIds: string[] = [];
          for (let i = 0; i < CLIENTS; i++) {
            const id = randomUUID();
            await db.insert(users).values({ id, name: `Client ${i}`, email: `${id}@example.test` });
            if (credits[i]! > 0) await giveCredits(db, id, credits[i]!, at(setupNow));
            clientIds.push(id);
          }
          const model: Model = {
            now: setupNow,
            capacity: 2,
            registered: [],
            waitlist: [],
            credits: [...credits],
            bookedElsewhere: Array(CLIENTS).fill(false),
          };
          for (const action of actions) {
            const expected = step(model, action);
            const now = at(model.now);
            const actor = (i: number): Actor => ({ id: clientIds[i]!, role: 'CLIENT' });
            let outcome = 'OK';
            try {
              if (action.kind === 'book')
                outcome = (await bookSession(db, actor(action.client), { sessionId: session.id }, now)).created
                  ? 'OK'
                  : 'EXISTING';
              if (action.kind === 'spendElsewhere')
                outcome = (await bookSession(db, actor(action.client), { sessionId: elsewhere.id }, now)).created
                  ? 'OK'
                  : 'EXISTING';
              if (action.kind === 'cancel') await cancelMyRegistration(db, actor(action.client), session.id, now);
              if (action.kind === 'capacity')
                await editSession(db, coach, session.id, { capacity: action.capacity }, 'THIS', now);
            } catch (error) {
              if (!isDomainError(error)) throw error;
              outcome = error.code;
            }
            expect(outcome, `${JSON.stringify(action)} at ${now.toISOString()}`).toBe(expected);

            const rows = await db
              .select({
                userId: sessionRegistrations.userId,
                status: sessionRegistrations.status,
                position: sessionRegistrations.waitlistPosition,
              })
              .from(sessionRegistrations)
              .where(
                and(
                  eq(sessionRegistrations.sessionId, session.id),
                  inArray(sessionRegistrations.status, ['REGISTERED', 'WAITLISTED']),
                ),
              );
            const registered = rows
              .filter((r) => r.status === 'REGISTERED')
              .map((r) => clientIds.indexOf(r.userId))
              .sort();
            const queue = rows
              .filter((r) => r.status === 'WAITLISTED')
              .sort((a, b) => a.position! - b.position!)
              .map((r) => clientIds.indexOf(r.userId));
            expect(registered).toEqual(model.registered.map((r) => r.client).sort());
            expect(queue).toEqual(model.waitlist);
            const left = await Promise.all(clientIds.map((id) => creditsLeft(db, id)));
            expect(left).toEqual(model.credits);
            expect(expectConsistent(await sessionInvariants(db, session.id))).toEqual([]);
          }
        },
      ),
      { numRuns: 100 },
    );
  }, 300_000); // ~3,000 booking steps against a real database: slower than one request
});
