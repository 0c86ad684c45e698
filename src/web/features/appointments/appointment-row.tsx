import type { ReactNode } from 'react';
import { Badge } from '../../components/ui/badge';
import { formatInZone } from '../../lib/format';
import { useStudio } from '../studio/use-studio';
import { APPOINTMENT_STATUS_LABELS, STATUS_TONES, timeSpan } from './text';
import type { Appointment } from './types';

/** One appointment in a list: when, what, with whom, its status; `actions` on the right. */
export function AppointmentRow(props: { appointment: Appointment; who: 'coach' | 'client'; actions?: ReactNode }) {
  const a = props.appointment;
  const { timezone } = useStudio();
  const other = props.who === 'coach' ? a.coach.name : a.client.name;
  return (
    <li className="flex gap-3 px-4 py-3 sm:px-5">
      <span className="w-1.5 shrink-0 rounded-full" style={{ backgroundColor: a.service.color }} aria-hidden />
      <div className="flex min-w-0 flex-1 items-center gap-3">
        <div className="min-w-0 flex-1">
          <p className="text-sm font-semibold text-slate-900 tabular-nums">
            <span className="whitespace-nowrap">{formatInZone(a.startTime, timezone, 'EEE d MMM')}, </span>
            <span className="whitespace-nowrap">{timeSpan(a, timezone)}</span>
          </p>
          <p className="font-medium text-slate-900">
            {a.service.name} <span className="text-sm font-normal text-slate-600">with {other}</span>
          </p>
          <div className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
            <Badge tone="info">1-on-1</Badge>
            <Badge tone={STATUS_TONES[a.status]}>{APPOINTMENT_STATUS_LABELS[a.status]}</Badge>
            {a.compReason && <span>Complimentary: {a.compReason}</span>}
          </div>
          {a.notes && <p className="mt-1 text-sm text-slate-700">“{a.notes}”</p>}
        </div>
        {props.actions}
      </div>
    </li>
  );
}
