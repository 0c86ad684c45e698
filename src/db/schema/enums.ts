import { pgEnum } from 'drizzle-orm/pg-core';
import {
  COHORT_STATUSES,
  FEEDBACK_STATUSES,
  MEMBERSHIP_STATUSES as COHORT_MEMBERSHIP_STATUSES,
  QUESTIONNAIRE_RESPONSE_STATUSES,
} from '../../domain/cohorts/cohort-status';
import { APPOINTMENT_STATUSES } from '../../domain/appointments/types';
import { PROMPT_DIRECTIONS, PROMPT_KINDS } from '../../domain/cohorts/prompts';
import { WEIGHT_UNITS } from '../../domain/cohorts/weight-units';
import { GRANT_SOURCES, LEDGER_KINDS, MEMBERSHIP_STATUSES, PLAN_TYPES } from '../../domain/credits/plan-types';
import { EMAIL_STATUSES } from '../../domain/email/email-status';
import {
  PAYMENT_KINDS,
  PAYMENT_PROVIDERS,
  PAYMENT_STATUSES,
  SUBSCRIPTION_STATUSES,
} from '../../domain/payments/payment-types';
import { PUSH_DELIVERY_STATUSES, PUSH_URGENCIES } from '../../domain/push/push-policy';
import { REGISTRATION_PAYMENTS, REGISTRATION_STATUSES, SESSION_STATUSES } from '../../domain/sessions/types';

/*
 * Statuses and kinds as PostgreSQL enums, built from the domain's constants: the database refuses
 * any other value, and the query builder types the column as the domain's union (no casts).
 * A value added to a constant needs a migration (`ALTER TYPE … ADD VALUE`); drizzle-kit writes it.
 */

export const sessionStatus = pgEnum('session_status', SESSION_STATUSES);
export const registrationStatus = pgEnum('registration_status', REGISTRATION_STATUSES);
export const registrationPayment = pgEnum('registration_payment', REGISTRATION_PAYMENTS);

export const planType = pgEnum('plan_type', PLAN_TYPES);
export const membershipStatus = pgEnum('membership_status', MEMBERSHIP_STATUSES);
export const grantSource = pgEnum('grant_source', GRANT_SOURCES);
export const ledgerKind = pgEnum('ledger_kind', LEDGER_KINDS);

export const cohortStatus = pgEnum('cohort_status', COHORT_STATUSES);
export const cohortMembershipStatus = pgEnum('cohort_membership_status', COHORT_MEMBERSHIP_STATUSES);
export const questionnaireResponseStatus = pgEnum('questionnaire_response_status', QUESTIONNAIRE_RESPONSE_STATUSES);
export const feedbackStatus = pgEnum('feedback_status', FEEDBACK_STATUSES);
export const promptKind = pgEnum('prompt_kind', PROMPT_KINDS);
export const promptDirection = pgEnum('prompt_direction', PROMPT_DIRECTIONS);
export const weightUnit = pgEnum('weight_unit', WEIGHT_UNITS);

export const emailStatus = pgEnum('email_status', EMAIL_STATUSES);
export const appointmentStatus = pgEnum('appointment_status', APPOINTMENT_STATUSES);
export const paymentProvider = pgEnum('payment_provider', PAYMENT_PROVIDERS);
export const paymentStatus = pgEnum('payment_status', PAYMENT_STATUSES);
export const paymentKind = pgEnum('payment_kind', PAYMENT_KINDS);
export const subscriptionStatus = pgEnum('subscription_status', SUBSCRIPTION_STATUSES);
export const pushUrgency = pgEnum('push_urgency', PUSH_URGENCIES);
export const pushDeliveryStatus = pgEnum('push_delivery_status', PUSH_DELIVERY_STATUSES);
