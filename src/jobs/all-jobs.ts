import { isFeatureEnabled } from '../domain/settings/setting-definitions';
import type { AppDeps } from '../server/types';
import { sendAppointmentReminders } from '../services/appointments/send-reminders';
import { loadSettings } from '../services/settings/settings-service';
import { closeStartedWaitlists } from '../services/sessions/close-started-waitlists';
import { deliverEmailOutbox } from './deliver-email-outbox';
import { cohortsJobs } from './cohorts-jobs';
import { creditsJobs } from './credits-jobs';
import type { ScheduledJob } from './scheduler';
import { sessionsJobs } from './sessions-jobs';
import { createSmtpTransport } from './smtp-transport';

/** Every scheduled job of the server. Each area adds its jobs here. */
export function allJobs(deps: AppDeps): ScheduledJob[] {
  const jobs: ScheduledJob[] = [];
  if (deps.config.smtpUrl) {
    const transport = createSmtpTransport(deps.config.smtpUrl, deps.config.emailFrom);
    jobs.push({
      name: 'deliver-email-outbox',
      everyMs: 15_000,
      run: (now) => deliverEmailOutbox(deps.db, transport, now, deps.config.baseUrl),
    });
  }
  jobs.push(...sessionsJobs(deps));
  // Whoever still waits when a class starts: WAITLIST_CLOSED, told once (idempotent, every instance).
  jobs.push({
    name: 'sessions-close-started-waitlists',
    everyMs: 60_000,
    run: (now) => closeStartedWaitlists(deps.db, now),
  });
  jobs.push(...creditsJobs(deps));
  jobs.push(...cohortsJobs(deps));
  // 1-on-1 reminders (the client's class-reminder preference); nothing while appointments are off.
  jobs.push({
    name: 'appointments-reminders',
    everyMs: 5 * 60_000,
    run: async (now) =>
      isFeatureEnabled(await loadSettings(deps.db), 'appointments')
        ? sendAppointmentReminders(deps.db, now)
        : { sent: 0 },
  });
  return jobs;
}
