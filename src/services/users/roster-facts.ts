import { and, eq, gt, inArray, isNull, lt, lte, or, sum } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { classSessions, clientProfiles, creditGrants, sessionRegistrations, users } from '../../db/schema';
import { DomainError } from '../../domain/shared/domain-error';

type CreditStatus = 'NONE' | 'LOW' | 'OK';

/** At or below this many credits left, the roster says a pack is almost used. */
const LOW_CREDITS = 1;

/**
 * What a coach wants beside each name on a class roster: a first visit (never attended a class
 * before this one), a health note to read, credits left for that class's time (none, or almost
 * used), and a phone number to call. Staff only; the health note itself stays on the profile.
 */
export async function loadRosterFacts(db: Database, sessionId: string) {
  const [session] = await db
    .select({ startTime: classSessions.startTime })
    .from(classSessions)
    .where(eq(classSessions.id, sessionId));
  if (!session) throw new DomainError('SESSION_NOT_FOUND', 'No such class');
  const people = await db
    .select({ userId: sessionRegistrations.userId, phone: users.phone, healthNotes: clientProfiles.healthNotes })
    .from(sessionRegistrations)
    .innerJoin(users, eq(users.id, sessionRegistrations.userId))
    .leftJoin(clientProfiles, eq(clientProfiles.userId, users.id))
    .where(
      and(
        eq(sessionRegistrations.sessionId, sessionId),
        inArray(sessionRegistrations.status, ['REGISTERED', 'ATTENDED', 'NO_SHOW', 'WAITLISTED']),
      ),
    );
  const ids = people.map((p) => p.userId);
  if (ids.length === 0) return { people: [] };
  const [attendedBefore, credits] = await Promise.all([
    db
      .selectDistinct({ userId: sessionRegistrations.userId })
      .from(sessionRegistrations)
      .innerJoin(classSessions, eq(classSessions.id, sessionRegistrations.sessionId))
      .where(
        and(
          inArray(sessionRegistrations.userId, ids),
          eq(sessionRegistrations.status, 'ATTENDED'),
          lt(classSessions.startTime, session.startTime),
        ),
      ),
    db
      .select({ userId: creditGrants.userId, left: sum(creditGrants.remaining) })
      .from(creditGrants)
      .where(
        and(
          inArray(creditGrants.userId, ids),
          gt(creditGrants.remaining, 0),
          lte(creditGrants.validFrom, session.startTime),
          or(isNull(creditGrants.validUntil), gt(creditGrants.validUntil, session.startTime)),
        ),
      )
      .groupBy(creditGrants.userId),
  ]);
  const regulars = new Set(attendedBefore.map((r) => r.userId));
  const left = new Map(credits.map((c) => [c.userId, Number(c.left ?? 0)]));
  return {
    people: people.map((p) => {
      const creditsLeft = left.get(p.userId) ?? 0;
      const creditStatus: CreditStatus = creditsLeft === 0 ? 'NONE' : creditsLeft <= LOW_CREDITS ? 'LOW' : 'OK';
      return {
        userId: p.userId,
        phone: p.phone,
        firstVisit: !regulars.has(p.userId),
        hasHealthNote: Boolean(p.healthNotes),
        creditsLeft,
        creditStatus,
      };
    }),
  };
}
