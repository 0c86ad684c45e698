import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/domain-error';
import { decideScheduledPause, duePauseStep } from './decide-scheduled-pause';

const active = { planType: 'RECURRING' as const, status: 'ACTIVE' as const, endDate: null };
const code = (r: unknown) => (r instanceof DomainError ? `${r.code}:${String(r.details?.field)}` : r);

describe('a pause booked for dates', () => {
  it('starts today at once, or later by the job', () => {
    expect(
      decideScheduledPause(active, { from: '2026-04-01', until: '2026-04-14', reason: 'Holiday' }, '2026-04-01'),
    ).toEqual({
      startsNow: true,
    });
    expect(
      decideScheduledPause(active, { from: '2026-04-06', until: '2026-04-06', reason: 'Away' }, '2026-04-01'),
    ).toEqual({
      startsNow: false,
    });
  });

  it('refuses the past, backwards dates, packs, paused plans and a missing reason', () => {
    const today = '2026-04-01';
    expect(code(decideScheduledPause(active, { from: '2026-03-31', until: '2026-04-10', reason: 'x' }, today))).toBe(
      'INVALID_MEMBERSHIP_TRANSITION:from',
    );
    expect(code(decideScheduledPause(active, { from: '2026-04-10', until: '2026-04-09', reason: 'x' }, today))).toBe(
      'INVALID_MEMBERSHIP_TRANSITION:until',
    );
    expect(code(decideScheduledPause(active, { from: '2026-04-10', until: '2026-04-11', reason: ' ' }, today))).toBe(
      'INVALID_MEMBERSHIP_TRANSITION:reason',
    );
    const pack = { ...active, planType: 'PACK' as const };
    expect(decideScheduledPause(pack, { from: today, until: today, reason: 'x' }, today)).toBeInstanceOf(DomainError);
    const paused = { ...active, status: 'PAUSED' as const };
    expect(decideScheduledPause(paused, { from: today, until: today, reason: 'x' }, today)).toBeInstanceOf(DomainError);
  });

  it('the job pauses inside the dates and resumes the day after the last one, once', () => {
    const booked = { pauseFrom: '2026-04-06', pauseUntil: '2026-04-12' };
    expect(duePauseStep({ status: 'ACTIVE', ...booked }, '2026-04-05')).toBeNull();
    expect(duePauseStep({ status: 'ACTIVE', ...booked }, '2026-04-06')).toBe('PAUSE');
    expect(duePauseStep({ status: 'PAUSED', ...booked }, '2026-04-12')).toBeNull();
    expect(duePauseStep({ status: 'PAUSED', ...booked }, '2026-04-13')).toBe('RESUME');
    expect(duePauseStep({ status: 'ACTIVE', pauseFrom: null, pauseUntil: null }, '2026-04-13')).toBeNull();
  });
});
