import { useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '../../components/ui/alert';
import { Card, CardBody, CardHeader } from '../../components/ui/card';
import { errorMessage } from '../../lib/api';
import { cn } from '../../lib/cn';
import { formatInZone } from '../../lib/format';
import { useMe } from '../auth/use-me';
import { useStudio } from '../studio/use-studio';
import { BookingStatus } from './booking-row';
import { useMyBookings, useSessions } from './queries';
import { timeRange } from './session-text';
import { FillLevel } from './staff-session-block';
import { addLocalDays, instantRange, localDateOf } from './studio-time';
import { useNow } from './use-now';

const DAY = 86_400_000;
const link = 'text-sm font-medium text-brand-700 underline';

/** Client home: the next class they are booked into (or waiting for). */
export function NextClassWidget() {
  const { timezone } = useStudio();
  const now = useNow(60_000);
  const [range] = useState(() => ({ from: new Date(), to: new Date(Date.now() + 60 * DAY) }));
  const bookings = useMyBookings(range);
  const next = bookings.data?.find(
    (b) =>
      new Date(b.session.endTime) > now &&
      b.session.status === 'SCHEDULED' &&
      (b.status === 'REGISTERED' || b.status === 'WAITLISTED'),
  );
  return (
    <Card>
      <CardHeader
        title="Next class"
        action={
          <Link to="/classes" className={link}>
            Book
          </Link>
        }
      />
      <CardBody>
        {bookings.isPending && <p className="text-sm text-slate-600">Loading…</p>}
        {bookings.error && <Alert tone="error">{errorMessage(bookings.error)}</Alert>}
        {bookings.data && !next && (
          <p className="text-sm text-slate-600">Nothing booked yet. Find a class that suits you.</p>
        )}
        {next && (
          <div className="flex gap-3">
            <span
              className="w-1.5 shrink-0 rounded-full"
              style={{ backgroundColor: next.session.classType.color }}
              aria-hidden
            />
            <div className="min-w-0">
              <p className="text-sm font-semibold text-slate-700">
                {formatInZone(next.session.startTime, timezone, 'EEEE d MMMM')}, {timeRange(next.session, timezone)}
              </p>
              <p className="text-lg font-semibold text-slate-900">
                <Link to={`/classes/${next.session.id}`} className="hover:underline">
                  {next.session.title}
                </Link>
              </p>
              <p className="text-sm text-slate-700">
                with {next.session.coach.name}
                {next.session.location && ` · ${next.session.location}`}
              </p>
              <div className="mt-2 flex flex-wrap items-center gap-3">
                <BookingStatus booking={next} past={false} />
                <Link to="/my-schedule" className={link}>
                  My schedule
                </Link>
              </div>
            </div>
          </div>
        )}
      </CardBody>
    </Card>
  );
}

/** Coach and admin home: today's classes (a coach's own; every class for admins). */
export function TodaysClassesWidget() {
  const me = useMe().data!;
  const { timezone } = useStudio();
  const now = useNow(60_000);
  const today = localDateOf(now, timezone);
  const sessions = useSessions(instantRange(today, today, timezone), me.role === 'COACH' ? { coachId: me.id } : {});
  const list = sessions.data ?? [];
  return (
    <Card>
      <CardHeader
        title={me.role === 'COACH' ? 'Your classes today' : "Today's classes"}
        description={formatInZone(new Date(), timezone, 'EEEE d MMMM')}
        action={
          <Link to="/schedule" className={link}>
            Schedule
          </Link>
        }
      />
      <CardBody>
        {sessions.isPending && <p className="text-sm text-slate-600">Loading…</p>}
        {sessions.error && <Alert tone="error">{errorMessage(sessions.error)}</Alert>}
        {sessions.data && list.length === 0 && (
          <p className="text-sm text-slate-600">
            No classes today.{' '}
            <Link to={`/schedule?day=${addLocalDays(today, 1)}`} className={link}>
              See tomorrow
            </Link>
          </p>
        )}
        {list.length > 0 && (
          <ul className="-my-2 divide-y divide-slate-100">
            {list.map((s) => {
              const ended = now >= new Date(s.endTime);
              return (
                <li key={s.id}>
                  <Link
                    to={`/classes/${s.id}`}
                    className={cn('flex min-h-11 items-center gap-3 py-2 hover:bg-slate-50', ended && 'text-slate-600')}
                  >
                    <span
                      className="h-8 w-1 shrink-0 rounded-full"
                      style={{ backgroundColor: s.classType.color }}
                      aria-hidden
                    />
                    <span className="w-12 shrink-0 text-sm font-semibold tabular-nums">
                      {formatInZone(s.startTime, timezone, 'HH:mm')}
                    </span>
                    <span className="min-w-0 flex-1">
                      <span
                        className={cn(
                          'block truncate font-medium',
                          !ended && 'text-slate-900',
                          s.status === 'CANCELLED' && 'line-through',
                        )}
                      >
                        {s.title}
                      </span>
                      <span className="block text-xs break-words text-slate-600">
                        {s.coach.name}
                        {s.status === 'CANCELLED' ? ' · cancelled' : ended ? ' · ended' : ''}
                      </span>
                    </span>
                    {s.status !== 'CANCELLED' && (
                      <span className="w-20 shrink-0">
                        <FillLevel session={s} compact />
                      </span>
                    )}
                  </Link>
                </li>
              );
            })}
          </ul>
        )}
      </CardBody>
    </Card>
  );
}
