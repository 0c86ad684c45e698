import { Link } from 'react-router';
import { Badge } from '../../components/ui/badge';
import { formatInZone } from '../../lib/format';
import { useStudio } from '../studio/use-studio';
import { CancelBooking } from './cancel-booking';
import { REGISTRATION_LABELS, ordinal, timeRange } from './session-text';
import type { MyBooking } from './types';

/** The client's registration in words, for history ("Attended", "Not marked yet"). */
export function BookingStatus(props: { booking: MyBooking; past: boolean }) {
  const b = props.booking;
  if (b.session.status === 'CANCELLED') return <Badge tone="neutral">Cancelled by the studio</Badge>;
  if (b.status === 'WAITLISTED')
    return (
      <Badge tone="warning">
        {props.past ? 'Was on the waitlist' : `${ordinal(b.waitlistPosition ?? 0)} on the waitlist`}
      </Badge>
    );
  if (b.status === 'REGISTERED')
    return (
      <Badge tone={props.past ? 'neutral' : 'success'}>{props.past ? 'Attendance not marked yet' : 'Booked'}</Badge>
    );
  const tone =
    b.status === 'ATTENDED'
      ? 'success'
      : b.status === 'NO_SHOW' || b.status === 'LATE_CANCELLED'
        ? 'danger'
        : 'neutral';
  return <Badge tone={tone}>{REGISTRATION_LABELS[b.status]}</Badge>;
}

/** One booking in the client's list, with Cancel / Leave waitlist while it is ahead. */
export function BookingRow(props: { booking: MyBooking; now: Date; showDate?: boolean }) {
  const b = props.booking;
  const s = b.session;
  const { timezone } = useStudio();
  const past = props.now >= new Date(s.startTime);
  const cancellable = !past && s.status === 'SCHEDULED' && (b.status === 'REGISTERED' || b.status === 'WAITLISTED');
  return (
    <li className="flex gap-3 px-4 py-3 sm:px-5">
      <span className="w-1.5 shrink-0 rounded-full" style={{ backgroundColor: s.classType.color }} aria-hidden />
      <div className="flex min-w-0 flex-1 items-center gap-3">
        <div className="min-w-0 flex-1">
          <p className="text-sm font-semibold text-slate-900 tabular-nums">
            {props.showDate !== false && (
              <span className="whitespace-nowrap">{formatInZone(s.startTime, timezone, 'EEE d MMM')}, </span>
            )}
            <span className="whitespace-nowrap">{timeRange(s, timezone)}</span>
          </p>
          <p className="font-medium text-slate-900">
            <Link to={`/classes/${s.id}`} className="hover:underline">
              {s.title}
            </Link>{' '}
            <span className="text-sm font-normal text-slate-600">with {s.coach.name}</span>
          </p>
          <div className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
            <BookingStatus booking={b} past={past} />
            {s.location && <span>{s.location}</span>}
          </div>
        </div>
        {cancellable && (
          <CancelBooking
            sessionId={s.id}
            booking={{
              title: s.title,
              startTime: s.startTime,
              lateCancelsAfter: s.lateCancelsAfter,
              creditCost: b.status === 'REGISTERED' ? b.creditsConsumed : s.creditCost,
              status: b.status,
              promotedAt: b.promotedAt,
              cancelWouldBeLate: b.cancelWouldBeLate,
            }}
            short
            className="shrink-0 sm:w-36"
          />
        )}
      </div>
    </li>
  );
}
