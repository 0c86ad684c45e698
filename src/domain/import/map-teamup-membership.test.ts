import { describe, expect, it } from 'vitest';
import { mapTeamupMembership, type ImportedPlan } from './map-teamup-membership';

const map = (record: Record<string, unknown>, answers: Record<string, number> = {}) =>
  mapTeamupMembership(
    { id: 7, description: '', price: null, ...record },
    3,
    'memberships.json',
    answers,
  ) as ImportedPlan;

describe('TeamUp memberships as plans', () => {
  it('reads a pack size from the name and the price in pence', () => {
    expect(
      map({ type: 'pack', name: '10 Personal Training Sessions', price: { decimal: 275, iso_currency_code: 'GBP' } }),
    ).toMatchObject({
      type: 'PACK',
      credits: 10,
      priceMinor: 27500,
      forAppointments: true,
      appointmentService: 'Personal Training',
    });
    expect(map({ type: 'pack', name: '1 Session Pass', price: { decimal: 9.99 } })).toMatchObject({
      credits: 1,
      priceMinor: 999,
      forAppointments: false,
      appointmentService: null,
    });
  });

  it('adds up the weekly sessions a recurring plan describes, and its commitment', () => {
    const plan = map({
      type: 'recurring_plan',
      name: '2025 6 Months x 3',
      description: '6 Month commitment with 3 HIIT sessions per week and 3 CORE session per week.',
    });
    expect(plan).toMatchObject({ type: 'RECURRING', credits: 6, commitmentMonths: 6, priceKnown: false });
  });

  it('does not guess what the export cannot say, and takes the answer when given', () => {
    expect(map({ type: 'pack', name: 'Sports Massage' }).credits).toBeNull();
    expect(map({ type: 'pack', name: 'Sports Massage' }, { '7': 1 }).credits).toBe(1);
    expect(map({ type: 'prepaid_plan', name: '8 WEEK CHALLENGE', duration: 56, duration_unit: 'days' })).toMatchObject({
      durationDays: 56,
      credits: null,
    });
  });

  it('names the file and row of a membership it cannot read', () => {
    expect(mapTeamupMembership({ id: 9, type: 'gift_card', name: 'Voucher' }, 4, 'm.json', {})).toMatchObject({
      severity: 'error',
      message: expect.stringMatching(/m\.json, row 4 \(id 9\).*gift_card/),
    });
  });
});
