import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/domain-error';
import { compareConsumptionOrder } from './consumption-order';
import { planDebit, summarizeUsable, type DebitCandidate } from './plan-debit';
import { planRefund, type RegistrationMovement } from './plan-refund';
import { planRemoval } from './plan-removal';

/*
 * Random sequences of grant / consume / refund / adjust / clock advance, applied to a model
 * ledger through the same pure rules the services use. After every step: no grant below zero
 * or above its amount, each grant's remaining equals the sum of its ledger rows, a booking
 * drew credits in consumption order, and a refund restored exactly what was taken.
 */

const HOUR = 3_600_000;
const T0 = Date.parse('2026-03-02T00:00:00Z');

interface ModelGrant {
  grantId: string;
  amount: number;
  remaining: number;
  validFrom: number;
  validUntil: number | null;
  createdAt: number;
  /** Restricted grants only pay for class type "X". */
  restricted: boolean;
}
interface Row {
  grantId: string;
  kind: 'GRANT' | 'CONSUME' | 'REFUND' | 'ADJUST';
  amount: number;
  registrationId?: string;
}

const op = fc.oneof(
  fc.record({
    t: fc.constant('grant' as const),
    amount: fc.integer({ min: 1, max: 5 }),
    fromH: fc.integer({ min: -48, max: 200 }),
    lengthH: fc.option(fc.integer({ min: 1, max: 300 })),
    restricted: fc.boolean(),
  }),
  fc.record({
    t: fc.constant('consume' as const),
    cost: fc.integer({ min: 1, max: 3 }),
    startH: fc.integer({ min: 0, max: 300 }),
    classType: fc.constantFrom('X', 'Y'),
  }),
  fc.record({ t: fc.constant('refund' as const), pick: fc.nat() }),
  fc.record({ t: fc.constant('adjust' as const), amount: fc.integer({ min: -6, max: 6 }).filter((n) => n !== 0) }),
  fc.record({ t: fc.constant('advance' as const), hours: fc.integer({ min: 1, max: 72 }) }),
);

function candidatesAt(grants: ModelGrant[], start: number, classType: string): DebitCandidate[] {
  return grants
    .filter((g) => g.remaining > 0 && g.validFrom <= start && (g.validUntil === null || g.validUntil > start))
    .map((g) => ({
      grantId: g.grantId,
      remaining: g.remaining,
      validUntil: g.validUntil === null ? null : new Date(g.validUntil),
      createdAt: new Date(g.createdAt),
      coversClassType: !g.restricted || classType === 'X',
    }));
}

describe('credit ledger rules (property-based)', () => {
  it('keep every invariant over random sequences of operations', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 40 }), (ops) => {
        let now = T0;
        let nextId = 0;
        const grants: ModelGrant[] = [];
        const ledger: Row[] = [];
        const registrations: string[] = [];
        const byId = (id: string) => grants.find((g) => g.grantId === id)!;
        const move = (grantId: string, amount: number, kind: Row['kind'], registrationId?: string) => {
          byId(grantId).remaining += amount;
          ledger.push({ grantId, amount, kind, registrationId });
        };
        const addGrant = (
          amount: number,
          from: number,
          until: number | null,
          restricted: boolean,
          kind: 'GRANT' | 'ADJUST',
        ) => {
          const grantId = `g${String(nextId++).padStart(4, '0')}`;
          grants.push({
            grantId,
            amount,
            remaining: 0,
            validFrom: from,
            validUntil: until,
            createdAt: now,
            restricted,
          });
          move(grantId, amount, kind);
        };

        for (const step of ops) {
          if (step.t === 'advance') now += step.hours * HOUR;
          if (step.t === 'grant') {
            const from = T0 + step.fromH * HOUR;
            addGrant(
              step.amount,
              from,
              step.lengthH === null ? null : from + step.lengthH * HOUR,
              step.restricted,
              'GRANT',
            );
          }
          if (step.t === 'consume') {
            const start = T0 + step.startH * HOUR;
            const candidates = candidatesAt(grants, start, step.classType);
            const { usable, classTypeBlocked } = summarizeUsable(candidates);
            const result = planDebit(candidates, step.cost);
            if (result instanceof DomainError) {
              expect(usable).toBeLessThan(step.cost);
              expect(result.code).toBe(classTypeBlocked ? 'CLASS_TYPE_NOT_ALLOWED' : 'INSUFFICIENT_CREDITS');
              continue;
            }
            expect(result.reduce((s, d) => s + d.amount, 0)).toBe(step.cost);
            const registrationId = `r${registrations.length}`;
            registrations.push(registrationId);
            for (const d of result) {
              const candidate = candidates.find((c) => c.grantId === d.grantId)!;
              expect(candidate.coversClassType).toBe(true);
              move(d.grantId, -d.amount, 'CONSUME', registrationId);
            }
            // Consumption order: a grant was only touched once every usable grant before it was empty,
            // and only the last grant used may keep credits.
            const used = new Set(result.map((d) => d.grantId));
            const usableCandidates = candidates.filter((c) => c.coversClassType);
            for (const d of result) {
              const usedOne = usableCandidates.find((c) => c.grantId === d.grantId)!;
              for (const earlier of usableCandidates.filter((c) => compareConsumptionOrder(c, usedOne) < 0)) {
                expect(byId(earlier.grantId).remaining).toBe(0);
                expect(used.has(earlier.grantId)).toBe(true);
              }
            }
            result.slice(0, -1).forEach((d) => expect(byId(d.grantId).remaining).toBe(0));
          }
          if (step.t === 'refund' && registrations.length > 0) {
            const registrationId = registrations[step.pick % registrations.length]!;
            const movements = ledger.filter((r) => r.registrationId === registrationId) as RegistrationMovement[];
            const before = new Map(grants.map((g) => [g.grantId, g.remaining]));
            const netTaken = new Map<string, number>();
            for (const m of movements) netTaken.set(m.grantId, (netTaken.get(m.grantId) ?? 0) - m.amount);
            for (const r of planRefund(movements)) move(r.grantId, r.amount, 'REFUND', registrationId);
            // exactly what was taken comes back, to the grant it came from; a second refund gives nothing
            for (const g of grants)
              expect(g.remaining).toBe(before.get(g.grantId)! + Math.max(0, netTaken.get(g.grantId) ?? 0));
            expect(
              planRefund(ledger.filter((r) => r.registrationId === registrationId) as RegistrationMovement[]),
            ).toEqual([]);
          }
          if (step.t === 'adjust') {
            if (step.amount > 0) addGrant(step.amount, now, null, false, 'ADJUST');
            else {
              const current = candidatesAt(grants, now, 'X').filter(
                (c) => byId(c.grantId).validUntil === null || byId(c.grantId).validUntil! > now,
              );
              const available = current.reduce((s, c) => s + c.remaining, 0);
              const result = planRemoval(current, -step.amount);
              if (result instanceof DomainError) {
                expect(result.code).toBe('INSUFFICIENT_CREDITS');
                expect(available).toBeLessThan(-step.amount);
              } else {
                expect(result.reduce((s, d) => s + d.amount, 0)).toBe(-step.amount);
                for (const d of result) move(d.grantId, -d.amount, 'ADJUST');
              }
            }
          }

          for (const g of grants) {
            expect(g.remaining).toBeGreaterThanOrEqual(0);
            expect(g.remaining).toBeLessThanOrEqual(g.amount);
            expect(ledger.filter((r) => r.grantId === g.grantId).reduce((s, r) => s + r.amount, 0)).toBe(g.remaining);
          }
          expect(ledger.reduce((s, r) => s + r.amount, 0)).toBe(grants.reduce((s, g) => s + g.remaining, 0));
        }
      }),
      { numRuns: 300 },
    );
  });
});
