import { describe, expect, it } from 'vitest';
import { describeAuditChange } from './describe-audit-change';

describe('describeAuditChange', () => {
  it('puts a role change in words', () => {
    expect(
      describeAuditChange({ action: 'user.role_changed', before: { role: 'CLIENT' }, after: { role: 'COACH' } }),
    ).toBe('Role: Client → Coach');
  });

  it('lists only the details that changed', () => {
    expect(
      describeAuditChange({
        action: 'user.details_changed',
        before: { name: 'Jo', phone: null },
        after: { name: 'Joanna', phone: '+44 7700 900123' },
      }),
    ).toBe('Name: Jo → Joanna; Phone: — → +44 7700 900123');
  });

  it('says what happened to a membership without its stored view', () => {
    expect(describeAuditChange({ action: 'membership.paused', before: { status: 'ACTIVE' }, after: {} })).toBe(
      'Membership paused',
    );
  });

  it('says a monthly membership was cancelled in the billing portal, whose, and its last day', () => {
    const names = { 'user-1': 'Sam Client' };
    const after = { userId: 'user-1', lastDay: '2026-12-31' };
    expect(describeAuditChange({ action: 'membership.ending', before: {}, after }, { names })).toBe(
      'Monthly membership cancelled in the billing portal: Sam Client, ends on Thu 31 Dec 2026',
    );
    expect(
      describeAuditChange(
        { action: 'membership.renewing', before: after, after: { ...after, lastDay: null } },
        { names },
      ),
    ).toBe('Billing portal cancellation undone: Sam Client, renews again');
  });

  it('signs a credit adjustment and gives its reason', () => {
    expect(
      describeAuditChange({ action: 'credits.adjusted', before: null, after: { amount: 2, reason: 'Goodwill' } }),
    ).toBe('Credits adjusted: +2 (Goodwill)');
    expect(describeAuditChange({ action: 'credits.adjusted', before: null, after: { amount: -1, reason: '' } })).toBe(
      'Credits adjusted: -1',
    );
  });

  it('names the profile fields changed, never their content', () => {
    expect(
      describeAuditChange({
        action: 'client.profile_changed',
        before: null,
        after: { fields: ['healthNotes', 'emergencyContactName'] },
      }),
    ).toBe('Client profile changed: health notes, emergency contact name');
  });

  it('names the member enrolled from the names it is given', () => {
    expect(
      describeAuditChange(
        { action: 'cohort.member_enrolled', before: null, after: { userId: 'u1' } },
        { names: { u1: 'Sam Lee' } },
      ),
    ).toBe('Member enrolled: Sam Lee');
  });

  it('falls back to a readable field list for an unknown action, never JSON', () => {
    const text = describeAuditChange({
      action: 'studio.renamed_things',
      before: { title: 'Old', tags: ['a'], nested: { on: true } },
      after: { title: 'New', tags: ['a', 'b'], nested: { on: false } },
    });
    expect(text).toBe('Studio renamed things: Title: Old → New; Tags: a → a, b; Nested: On yes → On no');
    expect(text).not.toMatch(/[{}"]/);
  });

  it('reads ids as names and instants as the studio clock, counting only the patched fields', () => {
    const coach = '9737b175-a190-4193-834b-2ad1ed89c608';
    expect(
      describeAuditChange(
        {
          action: 'session.updated',
          before: { startTime: '2026-12-08T06:30:00.000Z', capacity: 10, coachId: coach, location: 'Main' },
          after: { capacity: 2, coachId: 'u2', startTime: '2026-12-08T07:00:00.000Z' },
        },
        { names: { [coach]: 'Gav Cunningham', u2: 'Ann Coach' }, timeZone: 'Europe/London' },
      ),
    ).toBe(
      'Class changed: Capacity: 10 → 2; Coach: Gav Cunningham → Ann Coach; Start time: Tue 8 Dec 2026 06:30 → Tue 8 Dec 2026 07:00',
    );
  });

  it('shows a setting value change without quotes', () => {
    expect(describeAuditChange({ action: 'setting.updated', before: 'Old Gym', after: 'Harbour Strength' })).toBe(
      'Setting changed: Old Gym → Harbour Strength',
    );
  });
});
