import { describe, expect, it } from 'vitest';
import { coverageText, planTerms, planTypeLabel } from './text';

const pack = {
  type: 'PACK' as const,
  creditsPerWeek: null,
  totalCredits: 5,
  durationDays: null,
  commitmentMonths: null,
  expiryDays: null,
  classTypes: [],
  coversAllClassTypes: true,
};
const pt = { id: 'pt', name: 'Personal Training' };
const massage = { id: 'm', name: 'Sports Massage' };

describe('what a plan says it pays for', () => {
  it('says "classes" for a plan that pays only for classes', () => {
    expect(planTerms(pack)).toBe('5 classes · no expiry');
    expect(planTerms({ ...pack, appointmentServices: [] })).toBe('5 classes · no expiry');
    expect(planTerms({ ...pack, totalCredits: 1, expiryDays: 28 })).toBe('1 class · use within 4 weeks');
    expect(planTypeLabel(pack)).toBe('Class pack');
  });

  it('says "credits" and what they pay for when the plan also pays for 1-on-1s', () => {
    const both = { ...pack, appointmentServices: [pt] };
    expect(planTerms(both)).toBe('5 credits · classes or Personal Training · no expiry');
    expect(planTypeLabel(both)).toBe('Pack');
  });

  it('names only the services for a pack of 1-on-1s', () => {
    const ptOnly = { ...pack, coversAllClassTypes: false, appointmentServices: [pt, massage], totalCredits: 1 };
    expect(planTerms(ptOnly)).toBe('1 credit · Personal Training or Sports Massage · no expiry');
  });

  it('names the class types a plan is limited to', () => {
    const spin = { ...pack, coversAllClassTypes: false, classTypes: [{ id: 's', name: 'Spin' }] };
    expect(coverageText({ ...spin, appointmentServices: [pt] })).toBe('Spin classes or Personal Training');
    expect(coverageText(spin)).toBe('Spin classes');
  });

  it('words a weekly plan the same way', () => {
    const weekly = { ...pack, type: 'RECURRING' as const, creditsPerWeek: 3, totalCredits: null, commitmentMonths: 6 };
    expect(planTerms(weekly)).toBe('3 classes a week · 6-month commitment');
    expect(planTerms({ ...weekly, appointmentServices: [pt] })).toBe(
      '3 credits a week · classes or Personal Training · 6-month commitment',
    );
    expect(planTypeLabel({ ...weekly, appointmentServices: [pt] })).toBe('Monthly membership');
  });
});
