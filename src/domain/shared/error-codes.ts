/**
 * Every error code the API can answer with, grouped by the area that raises it. `DomainError`
 * accepts only these, and `src/server/error-status.ts` must give each one a status (checked by the
 * compiler), so a new code cannot reach a client without a deliberate HTTP status.
 */
export const ERROR_CODES = {
  /** The request itself: shape, size, who is asking. */
  request: [
    'VALIDATION_ERROR',
    'INVALID_JSON',
    'BAD_REQUEST',
    'UNKNOWN_SETTING',
    'UNAUTHENTICATED',
    'FORBIDDEN',
    'CSRF_REJECTED',
    'NOT_FOUND',
    'FEATURE_DISABLED',
    'PAYLOAD_TOO_LARGE',
    'UNSUPPORTED_MEDIA_TYPE',
    'RATE_LIMITED',
    'INTERNAL_ERROR',
    'DATABASE_UNAVAILABLE',
  ],
  /** The database's own integrity checks, the last line of defence. */
  database: ['CONFLICT', 'REFERENCE_NOT_FOUND', 'CONSTRAINT_VIOLATION'],
  users: ['USER_NOT_FOUND', 'CANNOT_CHANGE_SELF', 'LAST_ADMIN', 'USER_INACTIVE'],
  credits: [
    'PLAN_NOT_FOUND',
    'MEMBERSHIP_NOT_FOUND',
    'PLAN_INACTIVE',
    'MEMBERSHIP_CONFLICT',
    'REPEAT_PURCHASE_NOT_ALLOWED',
    'INSUFFICIENT_CREDITS',
    'INVALID_MEMBERSHIP_TRANSITION',
  ],
  sessions: [
    'CLASS_TYPE_NOT_FOUND',
    'SESSION_NOT_FOUND',
    'REGISTRATION_NOT_FOUND',
    'REGISTRATION_NOT_OPEN',
    'REGISTRATION_CLOSED',
    'CLASS_TYPE_NOT_ALLOWED',
    'OVERLAPPING_BOOKING',
    'SESSION_CANCELLED',
    'WAITLIST_FULL',
    'CAPACITY_BELOW_ATTENDANCE',
    'ATTENDANCE_NOT_OPEN',
    'REGISTRATION_NOT_CANCELLABLE',
    'SESSION_STARTED',
    'SESSION_ENDED',
    'CLASS_TYPE_INACTIVE',
    'INVALID_COACH',
    'CLASS_TYPE_EXISTS',
    'SESSION_SLOT_TAKEN',
    'CALENDAR_FEED_NOT_FOUND',
    'SESSION_FULL',
    'NOT_OWED',
  ],
  cohorts: [
    'COHORT_NOT_FOUND',
    'COHORT_TYPE_NOT_FOUND',
    'NOT_IN_COHORT',
    'COHORT_CONFLICT',
    'COHORT_FULL',
    'CHECK_IN_WINDOW_CLOSED',
    'QUESTIONNAIRE_NOT_OPEN',
    'QUESTIONNAIRE_LOCKED',
    'QUESTIONNAIRE_HAS_RESPONSES',
    'QUESTIONNAIRE_CLOSED',
    'COHORT_TYPE_EXISTS',
    'COHORT_NOT_ENROLLING',
    'COHORT_FINISHED',
    'COHORT_ALREADY_STARTED',
    'INVALID_COHORT_TRANSITION',
    'INVALID_COHORT_LENGTH',
    'CAPACITY_BELOW_MEMBERS',
    'NOT_A_COACH',
    'NOT_A_CLIENT',
    'WEEK_OUT_OF_RANGE',
    'WEEK_NOT_STARTED',
  ],
  import: ['IMPORT_RUN_NOT_FOUND', 'IMPORT_FILE_INVALID', 'IMPORT_WRONG_FILE'],
} as const;

export type ErrorArea = keyof typeof ERROR_CODES;
export type ErrorCodeOf<A extends ErrorArea> = (typeof ERROR_CODES)[A][number];
export type ErrorCode = ErrorCodeOf<ErrorArea>;

export const ALL_ERROR_CODES = Object.values(ERROR_CODES).flat() as [ErrorCode, ...ErrorCode[]];
