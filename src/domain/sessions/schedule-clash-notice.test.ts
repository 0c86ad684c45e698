import { describe, expect, it } from 'vitest';
import { scheduleClashNotice } from './schedule-clash-notice';

describe('the notice of a class an ongoing schedule could not add', () => {
  const clash = {
    classTitle: 'Circuits',
    coachName: 'Gav Coach',
    // 09:00 UTC on 23 April 2026 is 10:00 in London (BST).
    startTime: new Date('2026-04-23T09:00:00Z'),
    timeZone: 'Europe/London',
    appointmentsOn: true,
  };

  it('says which class, when in studio time, why, and what to do', () => {
    const notice = scheduleClashNotice(clash);
    expect(notice.title).toBe('Circuits on Thu 23 Apr was not added');
    expect(notice.body).toContain('Circuits on Thursday 23 April at 10:00: Gav Coach has a 1-on-1 booked then.');
    expect(notice.body).toContain('move the 1-on-1 or choose another coach');
  });

  it('does not name 1-on-1s while they are switched off', () => {
    const notice = scheduleClashNotice({ ...clash, appointmentsOn: false });
    expect(notice.body).toContain('Gav Coach is already booked then.');
    expect(notice.body).not.toMatch(/1-on-1/);
  });
});
