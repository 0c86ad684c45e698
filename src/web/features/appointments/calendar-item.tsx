import { Link } from 'react-router';
import { cn } from '../../lib/cn';
import { APPOINTMENT_STATUS_LABELS, timeSpan } from './text';
import type { CalendarItem } from './types';

/** A class or an appointment in a coach's calendar; an appointment opens its details. */
export function CalendarItemBlock(props: {
  item: CalendarItem;
  timeZone: string;
  showCoach: boolean;
  onOpen: (appointmentId: string) => void;
}) {
  const item = props.item;
  const cancelled = item.status === 'CANCELLED' || item.status === 'LATE_CANCELLED';
  const color = item.kind === 'CLASS' ? item.classType.color : item.service.color;
  const body = (
    <>
      <span className="block text-xs font-semibold text-slate-700 tabular-nums">{timeSpan(item, props.timeZone)}</span>
      <span className={cn('block font-medium text-slate-900', cancelled && 'line-through')}>
        {item.kind === 'CLASS' ? item.title : item.service.name}
      </span>
      <span className="block text-xs text-slate-600">
        {item.kind === 'CLASS'
          ? `Class · ${item.attendingCount}/${item.capacity}`
          : `1-on-1 · ${item.client.name} · ${APPOINTMENT_STATUS_LABELS[item.status]}`}
        {props.showCoach && ` · ${item.coach.name}`}
      </span>
    </>
  );
  const className = cn(
    'block w-full rounded-lg border border-slate-200 border-l-4 bg-white px-3 py-2 text-left text-sm hover:bg-slate-50',
    cancelled && 'opacity-70',
  );
  if (item.kind === 'CLASS')
    return (
      <Link to={`/classes/${item.id}`} className={className} style={{ borderLeftColor: color }}>
        {body}
      </Link>
    );
  return (
    <button
      type="button"
      className={className}
      style={{ borderLeftColor: color }}
      onClick={() => props.onOpen(item.id)}
    >
      {body}
    </button>
  );
}
