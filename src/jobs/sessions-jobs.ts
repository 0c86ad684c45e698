import { isFeatureEnabled } from '../domain/settings/setting-definitions';
import type { AppDeps } from '../server/types';
import { completePastSessions } from '../services/sessions/complete-past-sessions';
import { extendOngoingSchedules } from '../services/sessions/extend-ongoing-schedules';
import { sendClassReminders } from '../services/sessions/session-notifications';
import { loadSettings } from '../services/settings/settings-service';
import type { ScheduledJob } from './scheduler';

/** Group-sessions jobs; each is idempotent (dedupe keys, conditional updates), so every instance may run them. */
export function sessionsJobs(deps: AppDeps): ScheduledJob[] {
  return [
    {
      name: 'sessions-reminders',
      everyMs: 5 * 60_000,
      run: async (now) =>
        isFeatureEnabled(await loadSettings(deps.db), 'sessions') ? sendClassReminders(deps.db, now) : { sent: 0 },
    },
    { name: 'sessions-complete-past', everyMs: 10 * 60_000, run: (now) => completePastSessions(deps.db, now) },
    // Ongoing weekly schedules stay generated four weeks ahead (idempotent: row lock + slot index).
    { name: 'sessions-extend-ongoing', everyMs: 60 * 60_000, run: (now) => extendOngoingSchedules(deps.db, now) },
  ];
}
