import { classSessions } from '../../db/schema';
import type { Database } from '../../db/client';
import type { Actor } from '../../domain/access/roles';
import { draftSession, type SessionInput } from '../../domain/sessions/decide-session-draft';
import { DomainError } from '../../domain/shared/domain-error';
import { recordAudit } from '../audit/record-audit';
import { getClassType } from './class-types';
import { getSessionView, type SessionView } from './session-views';
import { isUniqueViolation } from '../../db/errors';
import { assertCoach } from './staff-checks';
import { appointmentsOfCoach, lockCoachTime } from '../appointments/coach-time';

export interface CreateSessionInput extends SessionInput {
  classTypeId: string;
  coachId: string;
}

/** A coach or admin schedules one session; anything not given comes from the class type. */
export async function createSession(
  db: Database,
  actor: Actor,
  input: CreateSessionInput,
  now: Date,
): Promise<SessionView> {
  const classType = await getClassType(db, input.classTypeId);
  await assertCoach(db, input.coachId);
  const draft = draftSession(classType, input);
  if (draft instanceof DomainError) throw draft;
  try {
    return await db.transaction(async (tx) => {
      // The coach-time lock and check that 1-on-1 booking takes too (coach-time.ts): a class and an
      // appointment of one coach never overlap, whichever is written first.
      await lockCoachTime(tx, input.coachId);
      if ((await appointmentsOfCoach(tx, input.coachId, draft.startTime, draft.endTime)).length > 0)
        throw new DomainError('SLOT_TAKEN', 'The coach has a 1-on-1 appointment at that time', { field: 'startTime' });
      const [created] = await tx
        .insert(classSessions)
        .values({ ...draft, classTypeId: classType.id, coachId: input.coachId, createdAt: now, updatedAt: now })
        .returning({ id: classSessions.id });
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'session.created',
        targetType: 'session',
        targetId: created!.id,
        after: {
          classTypeId: classType.id,
          coachId: input.coachId,
          startTime: draft.startTime.toISOString(),
          capacity: draft.capacity,
        },
      });
      return getSessionView(tx, actor, created!.id, now);
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new DomainError('SESSION_SLOT_TAKEN', 'This coach already has this class at that time');
    throw error;
  }
}
