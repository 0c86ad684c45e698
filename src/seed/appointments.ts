import { addLocalDays, localDateOf } from '../domain/time/studio-week';
import { createService } from '../services/appointments/appointment-services';
import { changeAvailability } from '../services/appointments/availability';
import { bookAppointment } from '../services/appointments/book-appointment';
import { findSlots } from '../services/appointments/find-slots';
import { assignMembership } from '../services/credits/memberships';
import { createPlan } from '../services/credits/plans';
import { loadSettings } from '../services/settings/settings-service';
import type { DemoSeedContext } from './steps';

const WEEKDAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI'] as const;

/**
 * 1-on-1 data for the demo: the feature stays off, but switching it on shows a living area —
 * PT and massage services, two coaches' weekly hours, a PT 5-pack for Jordan with two sessions
 * booked in free slots (found the way the booking page finds them).
 */
export async function seedAppointments({ db, now, userIdByKey }: DemoSeedContext): Promise<void> {
  const admin = { id: userIdByKey.admin!, role: 'ADMIN' as const };
  const gav = { id: userIdByKey.coach1!, role: 'COACH' as const };
  const clare = { id: userIdByKey.coach2!, role: 'COACH' as const };
  const jordan = { id: userIdByKey.client2!, role: 'CLIENT' as const };
  const pt = await createService(
    db,
    admin,
    {
      name: 'Personal Training 45',
      description: 'One-to-one coaching: technique, a plan built around you, and someone to keep you honest.',
      color: '#b45309',
      durationMins: 45,
      bufferAfterMins: 15,
      startIntervalMins: 60,
      minNoticeHours: 12,
      bookingHorizonDays: 30,
      lateCancelHoursBefore: 24,
      creditCost: 1,
      coachIds: [gav.id, clare.id],
    },
    now,
  );
  await createService(
    db,
    admin,
    {
      name: 'Sports Massage 60',
      description: 'Deep tissue work for tight legs and sore backs.',
      color: '#0f766e',
      durationMins: 60,
      bufferAfterMins: 15,
      startIntervalMins: 30,
      minNoticeHours: 24,
      bookingHorizonDays: 60,
      lateCancelHoursBefore: 24,
      creditCost: 1,
      coachIds: [clare.id],
    },
    now,
  );
  const day = (ranges: Array<{ start: string; end: string }>) => WEEKDAYS.map((weekday) => ({ weekday, ranges }));
  await changeAvailability(db, gav, gav.id, { kind: 'weekly', days: day([{ start: '10:00', end: '16:00' }]) }, now);
  await changeAvailability(
    db,
    clare,
    clare.id,
    {
      kind: 'weekly',
      days: day([
        { start: '09:00', end: '12:00' },
        { start: '14:00', end: '19:00' },
      ]),
    },
    now,
  );
  const pack = await createPlan(
    db,
    admin,
    {
      name: '5 Personal Training Sessions',
      type: 'PACK',
      description: 'Five one-to-one sessions to use within three months.',
      totalCredits: 5,
      expiryDays: 90,
      price: 150,
      appointmentServiceIds: [pt.id],
    },
    now,
  );
  const today = localDateOf(now, (await loadSettings(db))['studio.timezone']);
  await assignMembership(
    db,
    admin,
    jordan.id,
    { planId: pack.id, startDate: today, paymentReference: 'Card at the desk' },
    now,
  );
  const slots = (
    await findSlots(
      db,
      jordan,
      { serviceId: pt.id, from: addLocalDays(today, 2), to: addLocalDays(today, 12), coachId: gav.id },
      now,
    )
  ).coaches[0]!.slots;
  // Two sessions on different days, so the week view shows both.
  const first = slots[0]!;
  const second = slots.find((s) => s.getTime() - first.getTime() >= 2 * 86_400_000) ?? slots[1]!;
  for (const startTime of [first, second])
    await bookAppointment(db, jordan, { serviceId: pt.id, coachId: gav.id, startTime }, now);
}
