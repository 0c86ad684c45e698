import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/domain-error';
import { decideMembershipAssignment, type AssignablePlan, type HeldMembership } from './decide-membership-assignment';
import { decideMembershipChange } from './decide-membership-change';

const plan = (over: Partial<AssignablePlan> = {}): AssignablePlan => ({
  id: 'p1',
  name: 'Kickstarter',
  type: 'PREPAID',
  active: true,
  allowRepeatPurchase: true,
  durationDays: 42,
  expiryDays: null,
  ...over,
});
const held = (over: Partial<HeldMembership> = {}): HeldMembership => ({
  planId: 'p9',
  planName: 'Committed',
  planType: 'RECURRING',
  status: 'ACTIVE',
  startDate: '2026-01-05',
  endDate: null,
  ...over,
});
const codeOf = (r: unknown) => (r instanceof DomainError ? r.code : 'OK');

describe('decideMembershipAssignment', () => {
  it('derives the end date of a fixed term (inclusive) and leaves a recurring plan open', () => {
    expect(
      decideMembershipAssignment({ plan: plan(), existing: [], today: '2026-03-02' }, { startDate: '2026-03-02' }),
    ).toEqual({
      planType: 'PREPAID',
      status: 'ACTIVE',
      startDate: '2026-03-02',
      endDate: '2026-04-12',
    });
    const recurring = decideMembershipAssignment(
      { plan: plan({ type: 'RECURRING', durationDays: null }), existing: [], today: '2026-03-02' },
      { startDate: '2026-03-02' },
    );
    expect(recurring).toMatchObject({ endDate: null });
    const pack = decideMembershipAssignment(
      { plan: plan({ type: 'PACK', durationDays: null, expiryDays: 90 }), existing: [], today: '2026-03-02' },
      { startDate: '2026-03-02' },
    );
    expect(pack).toMatchObject({ endDate: '2026-05-30' });
  });

  it('refuses a second active or paused recurring/prepaid plan, but allows packs beside one', () => {
    for (const status of ['ACTIVE', 'PAUSED'] as const) {
      expect(
        codeOf(
          decideMembershipAssignment(
            { plan: plan(), existing: [held({ status })], today: '2026-03-02' },
            { startDate: '2026-03-02' },
          ),
        ),
      ).toBe('MEMBERSHIP_CONFLICT');
    }
    expect(
      codeOf(
        decideMembershipAssignment(
          { plan: plan(), existing: [held({ status: 'CANCELLED', endDate: '2026-02-01' })], today: '2026-03-02' },
          { startDate: '2026-03-02' },
        ),
      ),
    ).toBe('OK');
    const pack = plan({ type: 'PACK', durationDays: null });
    expect(
      codeOf(
        decideMembershipAssignment(
          { plan: pack, existing: [held()], today: '2026-03-02' },
          { startDate: '2026-03-02' },
        ),
      ),
    ).toBe('OK');
  });

  it('refuses an inactive or missing plan, and a repeat of a once-only plan', () => {
    expect(
      codeOf(
        decideMembershipAssignment(
          { plan: plan({ active: false }), existing: [], today: '2026-03-02' },
          { startDate: '2026-03-02' },
        ),
      ),
    ).toBe('PLAN_INACTIVE');
    expect(
      codeOf(
        decideMembershipAssignment({ plan: null, existing: [], today: '2026-03-02' }, { startDate: '2026-03-02' }),
      ),
    ).toBe('PLAN_NOT_FOUND');
    const once = plan({ allowRepeatPurchase: false });
    const hadIt = held({
      planId: 'p1',
      planType: 'PREPAID',
      status: 'EXPIRED',
      startDate: '2025-09-01',
      endDate: '2025-10-12',
    });
    expect(
      codeOf(
        decideMembershipAssignment({ plan: once, existing: [hadIt], today: '2026-03-02' }, { startDate: '2026-03-02' }),
      ),
    ).toBe('REPEAT_PURCHASE_NOT_ALLOWED');
    const cancelledBeforeStart = {
      ...hadIt,
      status: 'CANCELLED' as const,
      startDate: '2026-02-02',
      endDate: '2026-02-01',
    };
    expect(
      codeOf(
        decideMembershipAssignment(
          { plan: once, existing: [cancelledBeforeStart], today: '2026-03-02' },
          { startDate: '2026-03-02' },
        ),
      ),
    ).toBe('OK');
  });

  it('refuses a start date so early that a fixed term has already ended', () => {
    expect(
      codeOf(
        decideMembershipAssignment({ plan: plan(), existing: [], today: '2026-03-02' }, { startDate: '2026-01-01' }),
      ),
    ).toBe('VALIDATION_ERROR');
  });
});

describe('decideMembershipChange', () => {
  const active = {
    planType: 'PREPAID' as const,
    status: 'ACTIVE' as const,
    startDate: '2026-03-02',
    endDate: '2026-04-12',
    pausedOn: null,
  };

  it('pauses and resumes; a prepaid term moves its end by the days paused and is re-allocated at once', () => {
    const paused = decideMembershipChange(active, 'PAUSED', '2026-03-10');
    expect(paused).toEqual({
      status: 'PAUSED',
      endDate: '2026-04-12',
      pausedOn: '2026-03-10',
      allocate: false,
      revokeFrom: null,
    });
    const resumed = decideMembershipChange(
      { ...active, status: 'PAUSED', pausedOn: '2026-03-10' },
      'ACTIVE',
      '2026-03-24',
    );
    expect(resumed).toEqual({
      status: 'ACTIVE',
      endDate: '2026-04-26',
      pausedOn: null,
      allocate: true,
      revokeFrom: null,
    });
  });

  it('cancels today, or before the start when it has not begun, and revokes from the next day', () => {
    expect(decideMembershipChange(active, 'CANCELLED', '2026-03-18')).toMatchObject({
      status: 'CANCELLED',
      endDate: '2026-03-18',
      revokeFrom: '2026-03-19',
    });
    expect(
      decideMembershipChange({ ...active, startDate: '2026-04-01', endDate: '2026-05-12' }, 'CANCELLED', '2026-03-18'),
    ).toMatchObject({
      endDate: '2026-03-31',
      revokeFrom: '2026-04-01',
    });
  });

  it('refuses changes that make no sense', () => {
    expect(codeOf(decideMembershipChange(active, 'ACTIVE', '2026-03-10'))).toBe('INVALID_MEMBERSHIP_TRANSITION');
    expect(codeOf(decideMembershipChange({ ...active, status: 'CANCELLED' }, 'ACTIVE', '2026-03-10'))).toBe(
      'INVALID_MEMBERSHIP_TRANSITION',
    );
    expect(codeOf(decideMembershipChange({ ...active, status: 'EXPIRED' }, 'PAUSED', '2026-03-10'))).toBe(
      'INVALID_MEMBERSHIP_TRANSITION',
    );
    expect(codeOf(decideMembershipChange({ ...active, planType: 'PACK' }, 'PAUSED', '2026-03-10'))).toBe(
      'INVALID_MEMBERSHIP_TRANSITION',
    );
  });
});
