import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/domain-error';
import { questionnaireWindow } from './questionnaire-window';
import { checkInReminderDue, questionnaireReminderDue } from './reminders-due';
import { selectNudgeTargets } from './select-nudge-targets';

const LONDON = 'Europe/London';
const schedule = { startDate: '2026-10-19', weeks: 8 };

describe('check-in reminder', () => {
  const base = { schedule, timeZone: LONDON, reminderTime: '19:00', cadenceDays: 1, lastCheckInDate: '2026-10-24' };

  it('is due from the local reminder time on a day without a check-in, on both sides of the DST change', () => {
    // Sunday 25 Oct 2026 is the day clocks go back: 19:00 local is 19:00 UTC, the day before it was 18:00 UTC.
    expect(checkInReminderDue({ ...base, now: new Date('2026-10-25T18:59:00Z') }).due).toBe(false);
    expect(checkInReminderDue({ ...base, now: new Date('2026-10-25T19:00:00Z') })).toEqual({
      due: true,
      today: '2026-10-25',
    });
    expect(
      checkInReminderDue({ ...base, lastCheckInDate: '2026-10-23', now: new Date('2026-10-24T18:00:00Z') }).due,
    ).toBe(true);
    expect(
      checkInReminderDue({ ...base, lastCheckInDate: '2026-10-23', now: new Date('2026-10-24T17:59:00Z') }).due,
    ).toBe(false);
  });

  it('is not due after a check-in today, within the cadence, or outside the cohort', () => {
    const evening = new Date('2026-10-25T20:00:00Z');
    expect(checkInReminderDue({ ...base, lastCheckInDate: '2026-10-25', now: evening }).due).toBe(false);
    expect(checkInReminderDue({ ...base, cadenceDays: 2, now: evening }).due).toBe(false);
    expect(checkInReminderDue({ ...base, cadenceDays: 2, lastCheckInDate: '2026-10-23', now: evening }).due).toBe(true);
    expect(checkInReminderDue({ ...base, lastCheckInDate: null, now: new Date('2026-10-10T20:00:00Z') }).due).toBe(
      false,
    );
  });
});

describe('questionnaire reminder', () => {
  const w = questionnaireWindow({ ...schedule, questionnaireOpensDaysBeforeWeekEnd: 1 }, 1, LONDON);

  it('goes out on the opening day and on the last open day from 09:00 local, unless submitted', () => {
    expect(questionnaireReminderDue(w, new Date('2026-10-25T08:59:00Z'), LONDON, false)).toBeNull();
    expect(questionnaireReminderDue(w, new Date('2026-10-25T09:00:00Z'), LONDON, false)).toBe('OPENED');
    expect(questionnaireReminderDue(w, new Date('2026-10-26T12:00:00Z'), LONDON, false)).toBeNull();
    expect(questionnaireReminderDue(w, new Date('2026-10-27T12:00:00Z'), LONDON, false)).toBe('LAST_DAY');
    expect(questionnaireReminderDue(w, new Date('2026-10-27T12:00:00Z'), LONDON, true)).toBeNull();
    expect(questionnaireReminderDue(w, new Date('2026-10-28T09:00:00Z'), LONDON, false)).toBeNull();
  });
});

describe('nudge targets', () => {
  const members = [
    { userId: 'a', active: true, lastCheckInDate: '2026-10-25' },
    { userId: 'b', active: true, lastCheckInDate: '2026-10-22' },
    { userId: 'c', active: true, lastCheckInDate: null },
    { userId: 'd', active: false, lastCheckInDate: null },
  ];

  it('picks active members without a check-in in the last N days, today included', () => {
    expect(selectNudgeTargets(members, { notCheckedInForDays: 1 }, '2026-10-25')).toEqual({
      targets: ['b', 'c'],
      skipped: [],
    });
    expect(selectNudgeTargets(members, { notCheckedInForDays: 4 }, '2026-10-25')).toEqual({
      targets: ['c'],
      skipped: [],
    });
    expect(selectNudgeTargets(members, { notCheckedInForDays: 3 }, '2026-10-25')).toEqual({
      targets: ['b', 'c'],
      skipped: [],
    });
    expect((selectNudgeTargets(members, { notCheckedInForDays: 0 }, '2026-10-25') as DomainError).code).toBe(
      'VALIDATION_ERROR',
    );
  });

  it('skips named clients who are not active members', () => {
    expect(selectNudgeTargets(members, { userIds: ['a', 'd', 'zz', 'a'] }, '2026-10-25')).toEqual({
      targets: ['a'],
      skipped: [
        { userId: 'd', reason: 'NOT_AN_ACTIVE_MEMBER' },
        { userId: 'zz', reason: 'NOT_AN_ACTIVE_MEMBER' },
      ],
    });
  });
});
