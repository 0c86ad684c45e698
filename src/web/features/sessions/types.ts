import type { ApiBody, ApiResponse } from '../../lib/api';

/**
 * Shapes of the group-sessions API as the web reads them: every one derived from the route table
 * of `src/contracts` (times are ISO 8601 UTC strings on the wire).
 */
export type { RegistrationStatus } from '../../../domain/sessions/types';
export { WEEKDAY_CODES, type WeekdayCode } from '../../../domain/time/wall-clock';

export type ClassSession = ApiResponse<'GET /api/sessions'>[number];
export type SessionDetail = ApiResponse<'GET /api/sessions/:id'>;
export type RosterEntry = NonNullable<SessionDetail['registrations']>[number];

export type ClassType = ApiResponse<'GET /api/class-types'>[number];
export type ClassTypeInput = ApiBody<'POST /api/class-types'>;
export type ClassTypePatch = ApiBody<'PATCH /api/class-types/:id'>;

export type ScheduleInput = ApiBody<'POST /api/schedules'>;
/** Preview: the times that would be created; created: the new sessions. Both list skipped slots. */
export type ScheduleOutcome = ApiResponse<'POST /api/schedules'>;

export type SessionInput = ApiBody<'POST /api/sessions'>;
export type SessionPatch = ApiBody<'PATCH /api/sessions/:id'>;
export type EditScope = NonNullable<SessionPatch['scope']>;

/** One of the client's registrations with its class (GET /api/me/registrations). */
export type MyBooking = ApiResponse<'GET /api/me/registrations'>[number];
