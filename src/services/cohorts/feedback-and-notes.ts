import { and, eq } from 'drizzle-orm';
import type { Database, Tx } from '../../db/client';
import { inTransaction } from '../../db/in-transaction';
import { coachFeedback, coachNotes, cohortMemberships, users } from '../../db/schema';
import type { Actor } from '../../domain/access/roles';
import { decideFeedbackWeek } from '../../domain/cohorts/decide-feedback-week';
import { DomainError } from '../../domain/shared/domain-error';
import { localDateOf } from '../../domain/time/studio-week';
import { notifyUser } from '../notifications/notify-user';
import { loadCohortAsCoach, studioTimeZone } from './cohort-context';
import { MY_COHORT_LINK } from './cohort-messages';
import type { FeedbackView, NoteView } from './member-detail';

async function requireMember(tx: Tx, cohortId: string, userId: string) {
  const [row] = await tx
    .select({ id: cohortMemberships.id })
    .from(cohortMemberships)
    .where(and(eq(cohortMemberships.cohortId, cohortId), eq(cohortMemberships.userId, userId)));
  if (!row) throw new DomainError('NOT_IN_COHORT', 'That client is not a member of this cohort');
}

const excerpt = (text: string, max = 160) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

/**
 * A coach of the cohort writes (or edits) a client's feedback for a week; any coach of the
 * cohort may, and the latest author is recorded. Publishing notifies the client once (dedupe
 * key per feedback); published feedback stays published, later edits show at once.
 */
export async function putFeedback(
  db: Database,
  actor: Actor,
  cohortId: string,
  userId: string,
  week: number,
  input: { message: string; videoUrl?: string | null; publish?: boolean },
  now: Date,
): Promise<FeedbackView> {
  return inTransaction(db, async (tx) => {
    const { cohort } = await loadCohortAsCoach(tx, actor, cohortId);
    await requireMember(tx, cohortId, userId);
    const allowed = decideFeedbackWeek(cohort, week, localDateOf(now, await studioTimeZone(tx)));
    if (allowed instanceof DomainError) throw allowed;
    const [existing] = await tx
      .select()
      .from(coachFeedback)
      .where(and(eq(coachFeedback.cohortId, cohortId), eq(coachFeedback.userId, userId), eq(coachFeedback.week, week)))
      .for('update');
    const publish = input.publish === true || existing?.status === 'PUBLISHED';
    const fields = {
      message: input.message.trim(),
      videoUrl: input.videoUrl === undefined ? (existing?.videoUrl ?? null) : input.videoUrl,
      authorId: actor.id,
      status: publish ? ('PUBLISHED' as const) : ('DRAFT' as const),
      publishedAt: publish ? (existing?.publishedAt ?? now) : null,
      updatedAt: now,
    };
    const [row] = await tx
      .insert(coachFeedback)
      .values({ cohortId, userId, week, createdAt: now, ...fields })
      .onConflictDoUpdate({ target: [coachFeedback.userId, coachFeedback.cohortId, coachFeedback.week], set: fields })
      .returning();
    if (publish && existing?.status !== 'PUBLISHED') {
      await notifyUser(tx, {
        userId,
        feature: 'cohorts',
        kind: 'cohort_feedback_published',
        title: `Your coach replied to week ${week}`,
        body: excerpt(fields.message),
        // Opens the feedback itself on My cohort, not just the page.
        link: `${MY_COHORT_LINK}#feedback-week-${week}`,
        email: true,
        dedupeKey: `cohort-feedback-published:${row!.id}`,
      });
    }
    const [writer] = await tx.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, actor.id));
    return {
      id: row!.id,
      week,
      message: row!.message,
      videoUrl: row!.videoUrl,
      status: row!.status,
      author: writer ?? null,
      publishedAt: row!.publishedAt,
      updatedAt: row!.updatedAt,
    };
  });
}

/** A private note of a coach on a client; only coaches of the cohort and admins ever read it. */
export async function addCoachNote(
  db: Database,
  actor: Actor,
  cohortId: string,
  userId: string,
  text: string,
  now: Date,
): Promise<NoteView> {
  return inTransaction(db, async (tx) => {
    await loadCohortAsCoach(tx, actor, cohortId);
    await requireMember(tx, cohortId, userId);
    const [row] = await tx
      .insert(coachNotes)
      .values({ cohortId, userId, authorId: actor.id, text: text.trim(), createdAt: now })
      .returning();
    const [writer] = await tx.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, actor.id));
    return { id: row!.id, text: row!.text, author: writer ?? null, createdAt: row!.createdAt };
  });
}
