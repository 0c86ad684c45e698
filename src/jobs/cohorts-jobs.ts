import type { AppDeps } from '../server/types';
import { completeEndedCohorts } from '../services/cohorts/complete-cohorts';
import { sendCheckInReminders, sendQuestionnaireReminders } from '../services/cohorts/send-reminders';
import type { ScheduledJob } from './scheduler';

/**
 * Cohorts jobs. Each is idempotent — completion through a conditional UPDATE … WHERE status =
 * 'ACTIVE', reminders through one notification dedupe key per (member, day) — so every instance
 * may run them at once. Reminders stay silent while the cohorts feature is off.
 */
export function cohortsJobs(deps: AppDeps): ScheduledJob[] {
  return [
    { name: 'cohorts-complete-ended', everyMs: 15 * 60_000, run: (now) => completeEndedCohorts(deps.db, now) },
    { name: 'cohorts-check-in-reminders', everyMs: 5 * 60_000, run: (now) => sendCheckInReminders(deps.db, now) },
    {
      name: 'cohorts-questionnaire-reminders',
      everyMs: 5 * 60_000,
      run: (now) => sendQuestionnaireReminders(deps.db, now),
    },
  ];
}
