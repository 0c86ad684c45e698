import { describe, expect, it } from 'vitest';
import { appointmentServiceForPlan } from './appointment-service-for-plan';

describe('the 1-on-1 service a TeamUp plan is for', () => {
  it('reads personal training in its usual spellings', () => {
    for (const name of [
      '10 Personal Training Sessions',
      'Intro Personal Training Session',
      'personal-training x3',
      'PT 5 pack',
    ])
      expect(appointmentServiceForPlan(name)).toBe('Personal Training');
  });

  it('reads massage in any form as Sports Massage', () => {
    for (const name of ['Sports Massage', '3 Pack Sports Massages', 'Deep tissue massage', 'MASSAGE'])
      expect(appointmentServiceForPlan(name)).toBe('Sports Massage');
  });

  it('leaves class plans alone', () => {
    for (const name of [
      '1 Session Pass',
      '2025 6 Months x 3',
      '8 WEEK CHALLENGE',
      'Daily Nutrition Accountability',
      'Optimal',
    ])
      expect(appointmentServiceForPlan(name)).toBeNull();
  });
});
