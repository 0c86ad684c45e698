import { Link } from 'react-router';
import { cn } from '../../lib/cn';
import { useStudio } from '../studio/use-studio';
import { timeRange } from './session-text';
import type { ClassSession } from './types';

/** How full a class is: a bar plus the numbers (colour is never the only signal). */
export function FillLevel(props: { session: ClassSession; compact?: boolean }) {
  const s = props.session;
  const ratio = s.capacity > 0 ? Math.min(1, s.attendingCount / s.capacity) : 1;
  const label = `${s.attendingCount}/${s.capacity} booked${s.waitingCount ? `, ${s.waitingCount} waiting` : ''}`;
  return (
    <div>
      <p className={cn('text-xs font-medium tabular-nums', s.isFull ? 'text-amber-900' : 'text-slate-700')}>
        {props.compact ? `${s.attendingCount}/${s.capacity}${s.waitingCount ? ` +${s.waitingCount}` : ''}` : label}
        {props.compact && <span className="sr-only"> booked{s.waitingCount ? `, ${s.waitingCount} waiting` : ''}</span>}
        {s.isFull && !props.compact && ' · full'}
      </p>
      <div className="mt-1 h-1.5 overflow-hidden rounded-full bg-slate-200" aria-hidden>
        <div
          className={cn('h-full rounded-full', s.isFull ? 'bg-amber-600' : 'bg-brand-600')}
          style={{ width: `${ratio * 100}%` }}
        />
      </div>
    </div>
  );
}

/** A class as coaches see it on the schedule: time, title, coach and fill, tinted by class type. */
export function StaffSessionBlock(props: { session: ClassSession; compact?: boolean }) {
  const s = props.session;
  const { timezone } = useStudio();
  const cancelled = s.status === 'CANCELLED';
  return (
    <Link
      to={`/classes/${s.id}`}
      className={cn(
        'block rounded-lg border border-l-4 border-slate-200 bg-white px-3 py-2 shadow-sm hover:bg-slate-50',
        cancelled && 'bg-slate-50 opacity-80',
      )}
      style={{ borderLeftColor: s.classType.color }}
    >
      <p className="text-xs font-semibold text-slate-700 tabular-nums">{timeRange(s, timezone)}</p>
      <p
        className={cn(
          'font-semibold text-slate-900',
          props.compact ? 'text-sm leading-tight' : 'text-base',
          cancelled && 'line-through',
        )}
      >
        {s.title}
      </p>
      {/* Wraps rather than truncates: "Gav Cunningh…" hid who leads the class. */}
      <p className="text-xs break-words text-slate-600">
        {s.coach.name}
        {s.location && !props.compact && ` · ${s.location}`}
      </p>
      <div className="mt-1.5">
        {cancelled ? (
          <p className="text-xs font-medium text-red-800">Cancelled</p>
        ) : (
          <FillLevel session={s} compact={props.compact} />
        )}
      </div>
    </Link>
  );
}
