import { addLocalDays, localDateOf } from '../domain/time/studio-week';
import { adjustCredits } from '../services/credits/adjust-credits';
import { assignMembership, changeMembershipStatus } from '../services/credits/memberships';
import { createPlan } from '../services/credits/plans';
import { loadSettings } from '../services/settings/settings-service';
import type { DemoSeedContext } from './steps';

/**
 * The demo studio's plans (the pricing tiers of the spec, plus a small pack) and a mix of
 * memberships among the demo clients, created through the same services an admin uses.
 */
export async function seedCredits({ db, now, userIdByKey }: DemoSeedContext): Promise<void> {
  const admin = { id: userIdByKey.admin!, role: 'ADMIN' as const };
  const kickstarter = await createPlan(
    db,
    admin,
    {
      name: 'Kickstarter',
      type: 'PREPAID',
      description: 'A 6-week challenge to build the habit: five small-group sessions a week, one price for everything.',
      features: ['5 sessions a week for 6 weeks', 'HR monitor included', 'Progress check-in at the start and the end'],
      creditsPerWeek: 5,
      durationDays: 42,
      price: 297,
      allowRepeatPurchase: false,
    },
    now,
  );
  const committed = await createPlan(
    db,
    admin,
    {
      name: 'Committed',
      type: 'RECURRING',
      description: 'Six months of training, five sessions a week.',
      features: ['5 sessions a week', 'HR monitor included', '6-month commitment'],
      creditsPerWeek: 5,
      commitmentMonths: 6,
      price: 109,
    },
    now,
  );
  const totallyCommitted = await createPlan(
    db,
    admin,
    {
      name: 'Totally Committed',
      type: 'RECURRING',
      description: 'Our best monthly price for a year of training, five sessions a week.',
      features: ['5 sessions a week', 'HR monitor included', '12-month commitment', 'Lowest monthly price'],
      creditsPerWeek: 5,
      commitmentMonths: 12,
      price: 99,
    },
    now,
  );
  const fivePack = await createPlan(
    db,
    admin,
    {
      name: '5 Class Pack',
      type: 'PACK',
      description: 'Five classes to use within two months, for when you cannot commit to a weekly plan.',
      features: ['Any class type', 'No weekly limit'],
      totalCredits: 5,
      expiryDays: 60,
      price: 55,
    },
    now,
  );

  const today = localDateOf(now, (await loadSettings(db))['studio.timezone']);
  const give = (key: string, planId: string, startDate: string, paymentReference: string) =>
    assignMembership(db, admin, userIdByKey[key]!, { planId, startDate, paymentReference }, now);

  await give('client1', committed.id, addLocalDays(today, -70), 'Direct debit DD-1041');
  await give('client2', kickstarter.id, addLocalDays(today, -10), 'Card, paid in full');
  await give('client3', totallyCommitted.id, addLocalDays(today, -200), 'Direct debit DD-0977');
  await give('client3', fivePack.id, addLocalDays(today, -3), 'Cash at the desk');
  await give('client4', fivePack.id, addLocalDays(today, -20), 'Card at the desk');
  await adjustCredits(db, admin, userIdByKey.client4!, { amount: 1, reason: 'Welcome bonus' }, now);
  const paused = await give('client5', committed.id, addLocalDays(today, -40), 'Direct debit DD-1102');
  await changeMembershipStatus(db, admin, paused.id, 'PAUSED', now);
  // client6 (Chris) holds no plan yet: the plans page shows them what the studio offers.
}
