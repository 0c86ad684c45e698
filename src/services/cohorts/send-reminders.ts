import { and, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { inTransaction } from '../../db/in-transaction';
import { cohortMemberships, cohorts } from '../../db/schema';
import type { MembershipStatus as CohortMembershipStatus } from '../../domain/cohorts/cohort-status';
import { checkInReminderDue, questionnaireReminderDue } from '../../domain/cohorts/reminders-due';
import {
  firstQuestionnaireWeekFor,
  openQuestionnaireWeek,
  questionnaireWindow,
} from '../../domain/cohorts/questionnaire-window';
import { isFeatureEnabled } from '../../domain/settings/setting-definitions';
import { addLocalDays, localDateOf } from '../../domain/time/studio-week';
import { notifyUser } from '../notifications/notify-user';
import { loadSettings } from '../settings/settings-service';
import { scheduleOf } from './cohort-context';
import { MY_COHORT_LINK, myQuestionnaireLink } from './cohort-messages';
import { loadLastCheckInDates, loadSubmittedWeeks } from './member-stats';

/**
 * Job: the daily check-in reminder, from each cohort's local reminder time, to active members
 * who have not checked in today and are due by their cadence. Idempotent per (member, day)
 * through the notification dedupe key, so every instance may run it every few minutes.
 * Nothing is sent while the cohorts feature is off.
 */
export async function sendCheckInReminders(db: Database, now: Date): Promise<{ sent: number }> {
  const settings = await loadSettings(db);
  if (!isFeatureEnabled(settings, 'cohorts')) return { sent: 0 };
  const timeZone = settings['studio.timezone'];
  const today = localDateOf(now, timeZone);
  const running = await db
    .select()
    .from(cohorts)
    .where(
      and(
        eq(cohorts.status, 'ACTIVE'),
        lte(cohorts.startDate, today),
        or(isNull(cohorts.endDate), gte(cohorts.endDate, today)),
      ),
    );
  let sent = 0;
  for (const cohort of running) {
    const members = await db
      .select({ userId: cohortMemberships.userId, cadence: cohortMemberships.checkInCadenceDays })
      .from(cohortMemberships)
      .where(and(eq(cohortMemberships.cohortId, cohort.id), eq(cohortMemberships.status, 'ACTIVE')));
    const last = await loadLastCheckInDates(
      db,
      members.map((m) => m.userId),
      today,
    );
    for (const m of members) {
      const { due, today: day } = checkInReminderDue({
        schedule: cohort,
        now,
        timeZone,
        reminderTime: cohort.checkInReminderTime,
        cadenceDays: m.cadence ?? cohort.checkInCadenceDays,
        lastCheckInDate: last.get(m.userId) ?? null,
      });
      if (!due) continue;
      const created = await notifyUser(db, {
        userId: m.userId,
        feature: 'cohorts',
        kind: 'cohort_check_in_reminder',
        title: 'Time for your check-in',
        body: `You have not checked in for ${cohort.name} today. It takes a minute.`,
        link: MY_COHORT_LINK,
        dedupeKey: `cohort-check-in-reminder:${m.userId}:${day}`,
      });
      if (created) sent++;
    }
  }
  return { sent };
}

/**
 * Job: a questionnaire reminder on the day a week's questionnaire opens and on its last open
 * day, to members who have not submitted it (also members of a cohort that just ended, for its
 * final week). Idempotent per (member, day) through the dedupe key; silent while cohorts is off.
 */
export async function sendQuestionnaireReminders(db: Database, now: Date): Promise<{ sent: number }> {
  const settings = await loadSettings(db);
  if (!isFeatureEnabled(settings, 'cohorts')) return { sent: 0 };
  const timeZone = settings['studio.timezone'];
  const today = localDateOf(now, timeZone);
  const candidates = await db
    .select()
    .from(cohorts)
    .where(
      and(
        inArray(cohorts.status, ['ACTIVE', 'COMPLETED']),
        lte(cohorts.startDate, today),
        or(isNull(cohorts.endDate), gte(cohorts.endDate, addLocalDays(today, -3))),
      ),
    );
  let sent = 0;
  for (const cohort of candidates) {
    const week = openQuestionnaireWeek(scheduleOf(cohort), now, timeZone);
    if (week === null) continue;
    const window = questionnaireWindow(scheduleOf(cohort), week, timeZone);
    const memberStatuses: CohortMembershipStatus[] =
      cohort.status === 'COMPLETED' ? ['ACTIVE', 'COMPLETED'] : ['ACTIVE'];
    const members = await db
      .select({ userId: cohortMemberships.userId, joinedAt: cohortMemberships.joinedAt })
      .from(cohortMemberships)
      .where(and(eq(cohortMemberships.cohortId, cohort.id), inArray(cohortMemberships.status, memberStatuses)));
    const submitted = await loadSubmittedWeeks(
      db,
      cohort.id,
      members.map((m) => m.userId),
    );
    for (const { userId, joinedAt } of members) {
      if (firstQuestionnaireWeekFor(cohort, localDateOf(joinedAt, timeZone)) > week) continue; // joined after that week
      const reminder = questionnaireReminderDue(window, now, timeZone, submitted.get(userId)?.has(week) ?? false);
      if (!reminder) continue;
      // In a transaction: the notification and its email are written together or not at all.
      const created = await inTransaction(db, (tx) =>
        notifyUser(tx, {
          userId,
          feature: 'cohorts',
          kind: 'cohort_questionnaire_reminder',
          title:
            reminder === 'OPENED'
              ? `Your week ${week} questionnaire is open`
              : `Last day for your week ${week} questionnaire`,
          body:
            reminder === 'OPENED'
              ? `Look back on week ${week} of ${cohort.name}: answer the questionnaire and your coach will reply with feedback.`
              : `Your week ${week} questionnaire for ${cohort.name} closes tonight. Answer it so your coach can give you feedback.`,
          link: myQuestionnaireLink(week),
          email: true,
          dedupeKey: `cohort-questionnaire-reminder:${cohort.id}:${userId}:${today}`,
        }),
      );
      if (created) sent++;
    }
  }
  return { sent };
}
