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

/** Any stored value as words: never JSON. */
function formatAuditValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') return ROLE_WORDS[value] ?? value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value)) return value.length ? value.map(formatAuditValue).join(', ') : 'none';
  const entries = Object.entries(record(value));
  return entries.length ? entries.map(([k, v]) => `${fieldLabel(k)} ${formatAuditValue(v)}`).join(', ') : '—';
}

/** "Field: before → after" for each field that changed; a field only after reads "Field: value". */
function fieldChanges(before: unknown, after: unknown): string {
  const b = record(before);
  const a = record(after);
  if (!Object.keys(b).length && !Object.keys(a).length) {
    if (before === null || before === undefined) return after == null ? '' : formatAuditValue(after);
    return `${formatAuditValue(before)} → ${formatAuditValue(after)}`;
  }
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys
    .filter((k) => formatAuditValue(b[k]) !== formatAuditValue(a[k]))
    .map((k) =>
      k in b
        ? `${fieldLabel(k)}: ${formatAuditValue(b[k])} → ${formatAuditValue(a[k])}`
        : `${fieldLabel(k)}: ${formatAuditValue(a[k])}`,
    )
    .join('; ');
}

function withDetail(headline: string, detail: string): string {
  return detail ? `${headline}: ${detail}` : headline;
}

function actionHeadline(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? fieldLabel(action.replace('.', ' '));
}

export function describeAuditChange(change: AuditChange, names: Record<string, string> = {}): string {
  const { action, before, after } = change;
  const a = record(after);
  const b = record(before);
  switch (action) {
    case 'user.role_changed':
      return `Role: ${formatAuditValue(b.role)} → ${formatAuditValue(a.role)}`;
    case 'user.details_changed':
      return fieldChanges(before, after) || actionHeadline(action);
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
      return withDetail(actionHeadline(action), fieldChanges(before, after));
  }
}
