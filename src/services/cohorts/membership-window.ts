import { sql, type SQL } from 'drizzle-orm';
import { checkIns, questionnaireResponses } from '../../db/schema';

/*
 * What a cohort's coaches may see of a client: only what the client logged while they were a
 * member of that cohort — from the moment they joined (`joined_at`) until they left (`left_at`,
 * open while they are still in). A check-in counts when it was made after joining, is dated on or
 * after the day they joined, and — once they have left — was last written before they left and is
 * dated no later than that day. A questionnaire counts when it was submitted inside the window
 * (for a member who completed the cohort, also in the days its last questionnaire stays open).
 * Check-ins belong to the client, not to a cohort: without this a coach would read the diary of
 * a client who left long ago, or the weeks before they joined.
 */

/** SQL condition on `check_ins`: logged while the row's user was a member of this cohort. */
export function checkInLoggedWhileMember(cohortId: string, timeZone: string): SQL {
  return sql`EXISTS (
    SELECT 1 FROM cohort_memberships cm
    WHERE cm.cohort_id = ${cohortId}::uuid AND cm.user_id = ${checkIns.userId}
      AND ${checkIns.createdAt} >= cm.joined_at
      AND ${checkIns.date} >= (cm.joined_at AT TIME ZONE ${timeZone})::date
      AND (cm.left_at IS NULL OR (
        ${checkIns.updatedAt} <= cm.left_at AND ${checkIns.date} <= (cm.left_at AT TIME ZONE ${timeZone})::date
      ))
  )`;
}

/** SQL condition on `questionnaire_responses`: submitted while its user was a member of its cohort (drafts pass: their answers are never shown). */
export function responseSubmittedWhileMember(): SQL {
  return sql`EXISTS (
    SELECT 1 FROM cohort_memberships cm
    WHERE cm.cohort_id = ${questionnaireResponses.cohortId} AND cm.user_id = ${questionnaireResponses.userId}
      AND (${questionnaireResponses.submittedAt} IS NULL OR (
        ${questionnaireResponses.submittedAt} >= cm.joined_at
        -- A member who completed the cohort did not leave it: the last week's questionnaire may
        -- still be submitted in the days after the end (its window closes by itself).
        AND (cm.left_at IS NULL OR cm.status = 'COMPLETED' OR ${questionnaireResponses.submittedAt} <= cm.left_at)
      ))
  )`;
}
