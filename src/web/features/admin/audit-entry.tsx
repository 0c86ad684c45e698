import type { ApiResponse } from '../../lib/api';
import { formatDateTime } from '../../lib/format';

type Entry = ApiResponse<'GET /api/admin/audit-log'>['entries'][number];

const TARGET_WORDS: Record<string, string> = {
  class_type: 'class type',
  session: 'class',
  session_schedule: 'weekly schedule of',
  plan: 'plan',
  membership: 'membership of',
  cohort: 'cohort',
  cohort_type: 'cohort type',
  setting: 'setting',
  waiver: 'waiver version',
};

/** "Sam Lee", "class type HIIT", "setting studio.name"; a deleted thing reads by its kind only. */
function targetWords(target: Entry['target']): string | null {
  if (!target) return null;
  const kind = TARGET_WORDS[target.type] ?? (target.type === 'user' ? '' : target.type.replaceAll('_', ' '));
  if (target.name) return kind ? `${kind} ${target.name}` : target.name;
  if (target.type === 'setting' || target.type === 'waiver') return `${kind} ${target.id}`;
  return target.type === 'user' ? 'a removed person' : `a removed ${kind}`;
}

/** One audit entry in words: who, to whom or what, what changed, when. */
export function AuditEntryText(props: { entry: Entry; timezone: string; showTarget?: boolean }) {
  const { entry } = props;
  const target = props.showTarget === false ? null : targetWords(entry.target);
  return (
    <>
      <p className="text-slate-900">
        <span className="font-medium">{entry.actor?.name ?? 'System'}</span>
        {target && <span className="text-slate-700"> → {target}</span>}
      </p>
      <p className="mt-0.5 break-words text-slate-800">{entry.summary}</p>
      <p className="mt-0.5 text-xs text-slate-600">
        <time dateTime={entry.createdAt}>{formatDateTime(entry.createdAt, props.timezone)}</time>
      </p>
    </>
  );
}
