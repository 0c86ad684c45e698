export const COHORT_STATUSES = ['DRAFT', 'ACTIVE', 'COMPLETED', 'ARCHIVED'] as const;
export type CohortStatus = (typeof COHORT_STATUSES)[number];

export const MEMBERSHIP_STATUSES = ['ACTIVE', 'PAUSED', 'COMPLETED', 'WITHDRAWN'] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];

/** A client's weekly questionnaire: a draft they edit until they submit it (then locked). */
export const QUESTIONNAIRE_RESPONSE_STATUSES = ['DRAFT', 'SUBMITTED'] as const;

/** A coach's weekly feedback: a draft the client cannot see until it is published. */
export const FEEDBACK_STATUSES = ['DRAFT', 'PUBLISHED'] as const;

/** Limits shared by the API schemas, the domain and the database's check constraints. */
export const COHORT_LIMITS = {
  maxWeeks: 52,
  maxCapacity: 500,
  maxCadenceDays: 14,
  maxBackfillDays: 14,
  maxCoaches: 10,
} as const;
