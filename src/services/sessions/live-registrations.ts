import { sql } from 'drizzle-orm';
import { ENDED_REGISTRATION_STATUSES } from '../../domain/sessions/types';

/** `('CANCELLED', …)`: for raw statements, `r.status NOT IN ${ENDED}` keeps the live registrations. */
export const ENDED = sql.raw(`(${ENDED_REGISTRATION_STATUSES.map((s) => `'${s}'`).join(', ')})`);

/**
 * The registration a client's cancellation is about: the live one, or else one whose waitlist
 * closed (so cancelling it explains that there is nothing to cancel). Only a client added by a coach
 * after their wait closed has both.
 */
export const cancellable = (r: string) => {
  const row = sql.raw(r);
  return sql`${row}.status NOT IN ('CANCELLED', 'LATE_CANCELLED') AND (${row}.status <> 'WAITLIST_CLOSED' OR NOT EXISTS (
    SELECT 1 FROM session_registrations live
    WHERE live.session_id = ${row}.session_id AND live.user_id = ${row}.user_id AND live.status NOT IN ${ENDED}))`;
};
