import { and, count, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { inTransaction } from '../../db/in-transaction';
import { cohortMemberships, cohorts } from '../../db/schema';
import type { Actor } from '../../domain/access/roles';
import { cohortEndDate } from '../../domain/cohorts/cohort-calendar';
import type { CohortStatus } from '../../domain/cohorts/cohort-status';
import { decideCohortChange, type CohortShape } from '../../domain/cohorts/decide-cohort-change';
import type { QuestionInput } from '../../domain/cohorts/questionnaire';
import { DomainError } from '../../domain/shared/domain-error';
import { localDateOf } from '../../domain/time/studio-week';
import { recordAudit } from '../audit/record-audit';
import { loadCohortAsCoach, studioTimeZone } from './cohort-context';
import { getCohortDetail, type CohortDetail } from './cohort-detail';
import { replaceCoachTeam, replaceCohortPrompts } from './cohort-settings';
import { completeCohortMemberships } from './complete-cohorts';
import { toQuestionnaire } from './create-cohort';
import { resolvePromptSelection, type PromptSelectionInput } from './prompt-selection';

export interface CohortPatch extends Partial<Omit<CohortShape, 'status'>> {
  status?: CohortStatus;
  coachIds?: string[];
  leadCoachId?: string;
  prompts?: PromptSelectionInput[];
  defaultQuestionnaire?: { intro: string; questions: QuestionInput[] };
}

const shapeOf = (c: typeof cohorts.$inferSelect): CohortShape => ({
  name: c.name,
  status: c.status,
  startDate: c.startDate,
  weeks: c.weeks,
  capacity: c.capacity,
  checkInCadenceDays: c.checkInCadenceDays,
  checkInBackfillDays: c.checkInBackfillDays,
  questionnaireOpensDaysBeforeWeekEnd: c.questionnaireOpensDaysBeforeWeekEnd,
  checkInReminderTime: c.checkInReminderTime,
});

/**
 * A coach of the cohort (or an admin) edits it. The cohort row is locked so edits, enrolments
 * and the completion job serialize; completing by hand also completes the memberships.
 */
export async function updateCohort(
  db: Database,
  actor: Actor,
  cohortId: string,
  patch: CohortPatch,
  now: Date,
): Promise<CohortDetail> {
  await inTransaction(db, async (tx) => {
    const { cohort, coaches } = await loadCohortAsCoach(tx, actor, cohortId, { forUpdate: true });
    const [members] = await tx
      .select({ n: count() })
      .from(cohortMemberships)
      .where(and(eq(cohortMemberships.cohortId, cohortId), inArray(cohortMemberships.status, ['ACTIVE', 'PAUSED'])));
    const today = localDateOf(now, await studioTimeZone(tx));
    const { coachIds, leadCoachId, prompts, defaultQuestionnaire, ...fields } = patch;
    const before = shapeOf(cohort);
    const next = decideCohortChange(before, fields, { today, currentMembers: Number(members?.n ?? 0) });
    if (next instanceof DomainError) throw next;
    const finished = before.status === 'COMPLETED' || before.status === 'ARCHIVED';
    if (finished && (coachIds || leadCoachId || prompts || defaultQuestionnaire)) {
      throw new DomainError('COHORT_FINISHED', 'This cohort has finished: only its name and status can change');
    }
    await tx
      .update(cohorts)
      .set({
        ...next,
        endDate: cohortEndDate(next.startDate, next.weeks),
        ...(defaultQuestionnaire ? { defaultQuestionnaire: toQuestionnaire(defaultQuestionnaire) } : {}),
        ...(next.status === 'COMPLETED' && before.status !== 'COMPLETED' ? { completedAt: now } : {}),
        updatedAt: now,
      })
      .where(eq(cohorts.id, cohortId));
    if (coachIds || leadCoachId) {
      const team = coachIds ?? coaches.map((c) => c.id);
      const currentLead = coaches.find((c) => c.isLead)?.id;
      // The lead stays the lead unless named otherwise or taken off the team.
      const lead = leadCoachId ?? (currentLead && team.includes(currentLead) ? currentLead : undefined);
      await replaceCoachTeam(tx, actor, cohortId, team, lead);
    }
    if (prompts) await replaceCohortPrompts(tx, cohortId, await resolvePromptSelection(tx, actor.id, prompts));
    if (next.status === 'COMPLETED' && before.status === 'ACTIVE') await completeCohortMemberships(tx, cohortId, now);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'cohort.updated',
      targetType: 'cohort',
      targetId: cohort.id,
      before: { ...before, coachIds: coaches.map((c) => c.id) },
      after: { ...next, ...(coachIds ? { coachIds } : {}), ...(prompts ? { prompts: prompts.length } : {}) },
    });
  });
  return getCohortDetail(db, actor, cohortId, now);
}
