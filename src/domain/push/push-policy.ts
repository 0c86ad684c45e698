/*
 * Which notifications also go to a phone as a push, and how (ADR 0020). Pure rules: the clock and
 * the class time are parameters.
 */

/** RFC 8030 Urgency: `high` wakes a phone in power-saving mode; `normal` may wait for it. */
export const PUSH_URGENCIES = ['very-low', 'low', 'normal', 'high'] as const;
export type PushUrgency = (typeof PUSH_URGENCIES)[number];

/** What a delivery row goes through: claimed once, sent once, or given up. */
export const PUSH_DELIVERY_STATUSES = ['PENDING', 'SENDING', 'SENT', 'FAILED', 'EXPIRED', 'SKIPPED'] as const;

/** A push that has no class to be early for still stops being worth a buzz after a day. */
const DEFAULT_TTL_SECONDS = 24 * 3600;

/** The kinds that cannot wait for the person to open the app, and their urgency. */
const PUSH_KINDS: Record<string, PushUrgency> = {
  waitlist_promoted: 'high',
  session_cancelled: 'high',
  session_changed: 'high',
  class_reminder: 'normal',
  cohort_nudge: 'normal',
  cohort_feedback_published: 'normal',
};

/** The urgency of a kind sent by push, or null when the kind stays in the bell (and email). */
export function pushUrgencyOf(kind: string): PushUrgency | null {
  return PUSH_KINDS[kind] ?? null;
}

/**
 * The TTL header in whole seconds: a message about a class is useless once the class has started,
 * so the push service drops it rather than buzz late (0 = now or never: not sent at all);
 * anything else lasts a day.
 */
export function pushTtlSeconds(classStartsAt: Date | null, now: Date): number {
  if (!classStartsAt) return DEFAULT_TTL_SECONDS;
  return Math.max(0, Math.min(DEFAULT_TTL_SECONDS, Math.floor((classStartsAt.getTime() - now.getTime()) / 1000)));
}

/** After a 5xx or a network error: 30 s, 1 min, 2 min, 4 min… (capped at an hour). */
export function pushRetryDelayMs(attempts: number): number {
  return Math.min(3_600_000, 30_000 * 2 ** Math.max(0, attempts - 1));
}
