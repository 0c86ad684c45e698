import { Clock, MapPin, UserRound } from 'lucide-react';
import { Link } from 'react-router';
import { Badge } from '../../components/ui/badge';
import { cn } from '../../lib/cn';
import { useStudio } from '../studio/use-studio';
import { useBookingActions } from './booking-actions';
import { REGISTRATION_LABELS, credits, ordinal, spotsText, timeRange } from './session-text';
import type { ClassSession } from './types';

/** The person's own registration, in words ("Booked", "2nd on the waitlist"). */
export function MyStatusBadge(props: { session: ClassSession }) {
  const mine = props.session.myRegistration;
  if (!mine) return null;
  if (mine.status === 'WAITLISTED')
    return <Badge tone="warning">{ordinal(mine.waitlistPosition ?? 0)} on the waitlist</Badge>;
  const tone =
    mine.status === 'REGISTERED' || mine.status === 'ATTENDED'
      ? 'success'
      : mine.status === 'NO_SHOW'
        ? 'danger'
        : 'neutral';
  return <Badge tone={tone}>{REGISTRATION_LABELS[mine.status]}</Badge>;
}

/** A class in the client's list: when, what, who, places left, cost, and what they can do. */
export function SessionCard(props: { session: ClassSession; waitlistLimit?: number | null }) {
  const s = props.session;
  const { timezone } = useStudio();
  const cancelled = s.status === 'CANCELLED';
  const booking = useBookingActions(s, { waitlistLimit: props.waitlistLimit, short: true });
  return (
    <article
      className={cn(
        'relative flex overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm',
        cancelled && 'opacity-75',
      )}
      aria-labelledby={`session-${s.id}-title`}
    >
      <span className="w-1.5 shrink-0" style={{ backgroundColor: s.classType.color }} aria-hidden />
      <div className="min-w-0 flex-1 px-4 py-3">
        <div className="flex items-center gap-3">
          <div className="min-w-0 flex-1">
            <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
              <p className="flex items-center gap-1 text-sm font-semibold text-slate-900 tabular-nums">
                <Clock className="size-4 text-slate-500" aria-hidden />
                {timeRange(s, timezone)}
              </p>
              <MyStatusBadge session={s} />
              {cancelled && <Badge tone="danger">Cancelled</Badge>}
            </div>
            <h3 id={`session-${s.id}-title`} className="mt-0.5 text-base font-semibold text-slate-900">
              {/* Stretched over the whole card: a tap anywhere opens the class (the booking control sits above it). */}
              {/* The time is in the name as words: an sr-only span would read "Yoga , 10:00–10:45". */}
              <Link
                to={`/classes/${s.id}`}
                className="after:absolute after:inset-0 after:content-[''] hover:underline focus-visible:after:rounded-xl focus-visible:after:ring-2 focus-visible:after:ring-brand-600"
                aria-label={`${s.title}, ${timeRange(s, timezone)}`}
              >
                {s.title}
              </Link>
              {s.title !== s.classType.name && (
                <span className="ml-2 text-sm font-normal text-slate-600">{s.classType.name}</span>
              )}
            </h3>
            <p className="mt-0.5 flex flex-wrap gap-x-3 text-sm text-slate-700">
              <span className="inline-flex items-center gap-1">
                <UserRound className="size-4 text-slate-500" aria-hidden />
                {s.coach.name}
              </span>
              {s.location && (
                <span className="inline-flex items-center gap-1">
                  <MapPin className="size-4 text-slate-500" aria-hidden />
                  {s.location}
                </span>
              )}
            </p>
            {!cancelled && (
              <p className="mt-1 text-sm">
                <span className={cn('font-medium', s.isFull ? 'text-amber-800' : 'text-green-800')}>
                  {spotsText(s, props.waitlistLimit)}
                </span>
                <span className="text-slate-600"> · {s.creditCost === 0 ? 'Free' : credits(s.creditCost)}</span>
              </p>
            )}
          </div>
          {!cancelled && booking.action && (
            <div className="relative z-10 w-32 shrink-0 text-right sm:w-44">{booking.action}</div>
          )}
        </div>
        {booking.error && <div className="relative z-10 mt-2">{booking.error}</div>}
      </div>
    </article>
  );
}
