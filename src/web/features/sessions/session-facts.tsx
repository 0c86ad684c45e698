import type { ReactNode } from 'react';
import { formatInZone } from '../../lib/format';
import { useStudio } from '../studio/use-studio';
import { credits, durationMins, spotsText, timeRange } from './session-text';
import type { ClassSession } from './types';

export function Detail(props: { label: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5 py-2 sm:flex-row sm:gap-4">
      <dt className="text-sm font-medium text-slate-600 sm:w-32 sm:shrink-0">{props.label}</dt>
      <dd className="text-sm text-slate-900">{props.children}</dd>
    </div>
  );
}

/** When, who, where, places, cost and the booking windows of one session. */
export function SessionFacts(props: { session: ClassSession; staff?: boolean; waitlistLimit?: number | null }) {
  const s = props.session;
  const { timezone } = useStudio();
  const at = (iso: string) => formatInZone(iso, timezone, "EEE d MMM 'at' HH:mm");
  return (
    <dl className="divide-y divide-slate-100">
      <Detail label="When">
        {formatInZone(s.startTime, timezone, 'EEEE d MMMM yyyy')}, {timeRange(s, timezone)} ({durationMins(s)} min)
      </Detail>
      <Detail label="Coach">{s.coach.name}</Detail>
      {s.location && <Detail label="Where">{s.location}</Detail>}
      {s.status !== 'CANCELLED' && (
        <Detail label="Places">
          {s.attendingCount} of {s.capacity} taken
          {props.staff
            ? s.waitingCount > 0
              ? ` · ${s.waitingCount} waiting`
              : ''
            : ` · ${spotsText(s, props.waitlistLimit)}`}
        </Detail>
      )}
      <Detail label="Cost">{s.creditCost === 0 ? 'Free' : credits(s.creditCost)}</Detail>
      {s.status !== 'CANCELLED' && (
        <>
          <Detail label="Booking">
            Opens {at(s.registrationsOpenAt)}, closes {at(s.registrationsCloseAt)}
          </Detail>
          <Detail label="Free cancellation">
            Until {at(s.lateCancelsAfter)}
            {s.creditCost > 0 && '; cancelling later keeps the credit'}
          </Detail>
        </>
      )}
      {s.notes && <Detail label="Notes">{s.notes}</Detail>}
    </dl>
  );
}
