import { format } from 'date-fns';
import { formatLocal } from '../time/format-local';

/**
 * Plain words for one audit entry ("Role: Client → Coach", "Membership paused"), shown to admins
 * instead of the stored JSON. Unknown actions fall back to a "field: before → after" list.
 * `names` maps ids found inside the entry (a member enrolled in a cohort) to people's names.
 */
interface AuditChange {
  action: string;
  before: unknown;
  after: unknown;
}

/** Ids inside entries (coachId, classTypeId…) read as names; instants as the studio's wall clock. */
export interface AuditContext {
  names?: Record<string, string>;
  timeZone?: string;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const ID_LIKE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Keys whose values are ids of a named thing, and the kind of thing (for the server's lookup). */
export const AUDIT_ID_KEYS: Record<string, string> = {
  userId: 'user',
  coachId: 'user',
  coachIds: 'user',
  classTypeId: 'class_type',
  planId: 'plan',
  cohortTypeId: 'cohort_type',
  sessionId: 'session',
};

const ROLE_WORDS: Record<string, string> = { CLIENT: 'Client', COACH: 'Coach', ADMIN: 'Admin' };

/** The actions an admin filters by, in plain words. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'user.invited': 'Person invited',
  'user.invite_sent': 'Invite sent again',
  'user.role_changed': 'Role changed',
  'user.details_changed': 'Details changed',
  'user.deactivated': 'Account deactivated',
  'user.reactivated': 'Account reactivated',
  'user.password_reset_sent': 'Password reset sent',
  'user.admin_ensured': 'Start-up admin ensured',
  'client.profile_changed': 'Client profile changed',
  'credits.adjusted': 'Credits adjusted',
  'membership.assigned': 'Membership assigned',
  'membership.paused': 'Membership paused',
  'membership.resumed': 'Membership resumed',
  'membership.cancelled': 'Membership cancelled',
  'membership.ending': 'Monthly membership cancelled in the billing portal',
  'membership.renewing': 'Billing portal cancellation undone',
  'plan.created': 'Plan created',
  'plan.updated': 'Plan changed',
  'plan.deactivated': 'Plan deactivated',
  'session.created': 'Class added',
  'session.updated': 'Class changed',
  'session.cancelled': 'Class cancelled',
  'schedule.created': 'Weekly schedule created',
  'class_type.created': 'Class type created',
  'class_type.updated': 'Class type changed',
  'cohort.created': 'Cohort created',
  'cohort.updated': 'Cohort changed',
  'cohort.member_enrolled': 'Member enrolled',
  'cohort.member_withdrawn': 'Member withdrawn',
  'cohort_type.created': 'Cohort type created',
  'setting.updated': 'Setting changed',
  'waiver.published': 'Waiver published',
  'waiver.removed': 'Waiver removed',
  'import.teamup': 'TeamUp import',
  'registration.comp_booked': 'Booked free (comp)',
  'registration.desk_booked': 'Booked to pay at the desk',
  'registration.desk_paid': 'Marked paid at the desk',
  'registration.desk_unpaid': 'Marked unpaid (desk payment undone)',
  'attendance.corrected_late': 'Attendance corrected late',
};

const FIELD_WORDS: Record<string, string> = { dateOfBirth: 'Date of birth', healthNotes: 'Health notes' };

function fieldLabel(key: string): string {
  const known = FIELD_WORDS[key];
  if (known) return known;
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replaceAll('_', ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** Any stored value as words: never JSON, never a raw id. */
function formatAuditValue(value: unknown, ctx: AuditContext = {}): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') {
    const named = ctx.names?.[value] ?? ROLE_WORDS[value];
    if (named) return named;
    if (ID_LIKE.test(value)) return 'a removed record';
    if (ctx.timeZone && ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value)))
      return formatLocal(new Date(value), ctx.timeZone, 'EEE d MMM yyyy HH:mm');
    return value;
  }
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value)) return value.length ? value.map((v) => formatAuditValue(v, ctx)).join(', ') : 'none';
  const entries = Object.entries(record(value));
  return entries.length ? entries.map(([k, v]) => `${fieldLabel(k)} ${formatAuditValue(v, ctx)}`).join(', ') : '—';
}

/**
 * "Field: before → after" for each field that changed; a field only after reads "Field: value".
 * When `after` holds fields, only those count: a patch leaves the others as they were.
 */
function fieldChanges(before: unknown, after: unknown, ctx: AuditContext): string {
  const b = record(before);
  const a = record(after);
  const show = (v: unknown) => formatAuditValue(v, ctx);
  if (!Object.keys(b).length && !Object.keys(a).length) {
    if (before === null || before === undefined) return after == null ? '' : show(after);
    return `${show(before)} → ${show(after)}`;
  }
  const keys = Object.keys(a).length ? Object.keys(a) : Object.keys(b);
  const label = (k: string) => fieldLabel(k).replace(/ ids?$/, '');
  return keys
    .filter((k) => show(b[k]) !== show(a[k]))
    .map((k) => (k in b ? `${label(k)}: ${show(b[k])} → ${show(a[k])}` : `${label(k)}: ${show(a[k])}`))
    .join('; ');
}

/** "2026-12-31" → "Thu 31 Dec 2026": a calendar date, read without any time zone. */
function localDateWords(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return format(new Date(y, m - 1, d), 'EEE d MMM yyyy');
}

function withDetail(headline: string, detail: string): string {
  return detail ? `${headline}: ${detail}` : headline;
}

function actionHeadline(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? fieldLabel(action.replace('.', ' '));
}

export function describeAuditChange(change: AuditChange, ctx: AuditContext = {}): string {
  const { action, before, after } = change;
  const names = ctx.names ?? {};
  const a = record(after);
  const b = record(before);
  switch (action) {
    case 'user.role_changed':
      return `Role: ${formatAuditValue(b.role)} → ${formatAuditValue(a.role)}`;
    case 'user.details_changed':
      return fieldChanges(before, after, ctx) || actionHeadline(action);
    case 'user.invited':
      return `Invited as ${formatAuditValue(a.role)} (${formatAuditValue(a.email)})`;
    case 'client.profile_changed': {
      // Only field names are stored: health notes themselves never reach the audit log.
      const fields = Array.isArray(a.fields) ? a.fields.map((f) => fieldLabel(String(f)).toLowerCase()) : [];
      return withDetail('Client profile changed', fields.join(', '));
    }
    case 'credits.adjusted': {
      const amount = typeof a.amount === 'number' ? a.amount : Number(a.amount);
      const signed = amount > 0 ? `+${amount}` : String(amount);
      return `Credits adjusted: ${signed}${typeof a.reason === 'string' && a.reason ? ` (${a.reason})` : ''}`;
    }
    case 'session.cancelled':
      return `Class cancelled${typeof a.reason === 'string' && a.reason ? ` (${a.reason})` : ''}`;
    case 'cohort.member_enrolled':
    case 'cohort.member_withdrawn': {
      const id = typeof a.userId === 'string' ? a.userId : '';
      return withDetail(actionHeadline(action), names[id] ?? '');
    }
    case 'registration.desk_paid':
    case 'registration.desk_unpaid': {
      // Who and which class, by name: "Marked paid at the desk: Sam Lee, Yoga".
      const ids = [a.userId, a.sessionId].filter((id): id is string => typeof id === 'string');
      return withDetail(actionHeadline(action), ids.map((id) => names[id] ?? 'a removed record').join(', '));
    }
    case 'membership.ending':
    case 'membership.renewing': {
      // A payment event (ADR 0029): whose membership, and its last day now.
      const who = typeof a.userId === 'string' ? (names[a.userId] ?? '') : '';
      const lastDay = typeof a.lastDay === 'string' ? `ends on ${localDateWords(a.lastDay)}` : 'renews again';
      return withDetail(actionHeadline(action), [who, lastDay].filter(Boolean).join(', '));
    }
    case 'waiver.published':
      return `Waiver version ${formatAuditValue(a.version)} published`;
    case 'user.deactivated':
    case 'user.reactivated':
    case 'user.invite_sent':
    case 'user.password_reset_sent':
    case 'user.admin_ensured':
    case 'membership.paused':
    case 'membership.resumed':
    case 'membership.cancelled':
    case 'membership.assigned':
    case 'plan.created':
    case 'plan.deactivated':
    case 'session.created':
    case 'class_type.created':
    case 'cohort.created':
    case 'cohort_type.created':
    case 'schedule.created':
    case 'waiver.removed':
      return actionHeadline(action);
    default:
      return withDetail(actionHeadline(action), fieldChanges(before, after, ctx));
  }
}
