import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { creditGrants, memberships, membershipPlans } from '../../db/schema';
import { isStaff, type Actor } from '../../domain/access/roles';
import { bookingWindow, generateSlots } from '../../domain/appointments/generate-slots';
import { compareConsumptionOrder } from '../../domain/credits/consumption-order';
import { summarizeUsable } from '../../domain/credits/plan-debit';
import { DomainError } from '../../domain/shared/domain-error';
import { addLocalDays, localDaysBetween, startOfLocalDate } from '../../domain/time/studio-week';
import { loadDebitCandidates } from '../credits/debit-candidates';
import { loadSettings } from '../settings/settings-service';
import { getService } from './appointment-services';
import { loadAvailability } from './availability';
import { appointmentsOfCoach, classesOfCoach } from './coach-time';

export interface SlotsQuery {
  serviceId: string;
  from: string;
  to: string;
  coachId?: string;
  clientId?: string;
}

const MAX_DAYS = 31;

/**
 * Free start instants per coach who offers the service, between two studio-local dates. Clients
 * see the minimum notice and the horizon applied; staff (who may book at shorter notice or
 * further ahead) see every free start from now to a year ahead. No lock: a slot shown may be
 * gone at booking time, and the booking then answers SLOT_TAKEN.
 */
export async function findSlots(db: Executor, actor: Actor, query: SlotsQuery, now: Date) {
  if (localDaysBetween(query.from, query.to) > MAX_DAYS)
    throw new DomainError('VALIDATION_ERROR', `to: at most ${MAX_DAYS} days after from`, { field: 'to' });
  const service = await getService(db, query.serviceId);
  const staff = isStaff(actor);
  if (!service.active || (!staff && !service.selfBookable))
    throw new DomainError('SERVICE_NOT_BOOKABLE', `${service.name} cannot be booked here`, { field: 'serviceId' });
  const timeZone = (await loadSettings(db))['studio.timezone'];
  const window = staff
    ? { notBefore: now, notAfter: new Date(now.getTime() + 365 * 86_400_000) }
    : bookingWindow(service, now);
  const from = startOfLocalDate(query.from, timeZone);
  const until = startOfLocalDate(addLocalDays(query.to, 1), timeZone);
  const coaches = service.coaches.filter((c) => !query.coachId || c.id === query.coachId);
  const perCoach = await Promise.all(
    coaches.map(async (coach) => {
      const [availability, classes, taken] = await Promise.all([
        loadAvailability(db, coach.id, addLocalDays(query.from, -1)),
        classesOfCoach(db, coach.id, from, until),
        appointmentsOfCoach(db, coach.id, from, until),
      ]);
      const slots = generateSlots({
        service,
        availability,
        busy: [...classes, ...taken],
        fromDate: query.from,
        toDate: query.to,
        timeZone,
        ...window,
      });
      return { coach, slots };
    }),
  );
  const clientId = staff ? query.clientId : actor.id;
  return {
    service,
    timeZone,
    coaches: perCoach,
    credits: clientId
      ? await creditsFor(db, clientId, service, window.notBefore > from ? window.notBefore : from)
      : null,
  };
}

/** What the client holds that pays for this service at `at`, and which grant a booking would use. */
async function creditsFor(db: Executor, userId: string, service: { id: string; creditCost: number }, at: Date) {
  const candidates = await loadDebitCandidates(db, { userId, serviceId: service.id, sessionStart: at }, false);
  const { usable } = summarizeUsable(candidates);
  const first = candidates.filter((c) => c.coversClassType && c.remaining > 0).sort(compareConsumptionOrder)[0];
  let paidBy = null;
  if (first) {
    const [grant] = await db
      .select({ planName: membershipPlans.name, validUntil: creditGrants.validUntil })
      .from(creditGrants)
      .leftJoin(memberships, eq(memberships.id, creditGrants.membershipId))
      .leftJoin(membershipPlans, eq(membershipPlans.id, memberships.planId))
      .where(eq(creditGrants.id, first.grantId));
    paidBy = grant ? { planName: grant.planName, validUntil: grant.validUntil } : null;
  }
  return { cost: service.creditCost, usable, paidBy };
}
