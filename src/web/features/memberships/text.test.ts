import { describe, expect, it } from 'vitest';
import { coverageText, endText, heldPlanText, planTerms, planTypeLabel, statusLabel } from './text';

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

describe('what a membership says about its last day', () => {
  const monthly = { planName: 'Committed', planType: 'RECURRING' as const, status: 'ACTIVE' as const, endDate: null };

  it('says nothing of an end while a monthly membership renews', () => {
    expect(endText(monthly)).toBeNull();
    expect(statusLabel(monthly)).toBe('Active');
    expect(heldPlanText(monthly)).toBe('Committed');
  });

  it('says a monthly membership cancelled in the billing portal is ending, and on which day', () => {
    const ending = { ...monthly, endDate: '2026-12-31' };
    expect(endText(ending)).toBe('Cancelled — ends on Thu 31 Dec 2026');
    expect(statusLabel(ending)).toBe('Ending');
    expect(heldPlanText(ending)).toBe('Committed (ends Thu 31 Dec)');
    // Paused for a failed payment: the pause is what the badge says; the end is still said.
    expect(statusLabel({ ...ending, status: 'PAUSED' })).toBe('Paused');
    expect(endText({ ...ending, status: 'PAUSED' })).toBe('Cancelled — ends on Thu 31 Dec 2026');
  });

  it('words the last day of other plans as before', () => {
    expect(endText({ ...monthly, planType: 'PACK', endDate: '2026-12-31' })).toBe('Credits last until Thu 31 Dec 2026');
    expect(endText({ ...monthly, planType: 'PREPAID', endDate: '2026-12-31' })).toBe('Last day Thu 31 Dec 2026');
    expect(endText({ ...monthly, status: 'CANCELLED', endDate: '2026-12-31' })).toBe('Last day Thu 31 Dec 2026');
    expect(statusLabel({ ...monthly, status: 'CANCELLED', endDate: '2026-12-31' })).toBe('Cancelled');
  });
});
