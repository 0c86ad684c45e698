import { useQueries } from '@tanstack/react-query';
import { startOfDay } from 'date-fns';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { Card } from '../../components/ui/card';
import { EmptyState, PageHeader, Spinner } from '../../components/ui/page';
import { api, errorMessage } from '../../lib/api';
import { cn } from '../../lib/cn';
import { MyAppointmentRow, useMyUpcomingAppointments } from '../appointments/my-appointments';
import { useFeatureEnabled } from '../studio/use-studio';
import { BookingRow } from './booking-row';
import { MyCalendar } from './my-calendar';
import { sessionKeys, useMyBookings } from './queries';
import { useNow } from './use-now';

const DAY = 86_400_000;
// The API answers at most 62 days at a time: upcoming covers the booking horizon, history pages back.
const WINDOW_DAYS = 60;

type View = 'list' | 'week' | 'month';
const VIEWS: Array<[View, string]> = [
  ['list', 'List'],
  ['week', 'Week'],
  ['month', 'Month'],
];

/** Classes and (while appointments are on) 1-on-1s ahead, in one list by start time. */
function Upcoming(props: { now: Date; appointmentsOn: boolean }) {
  // Anchored on the day (a query key that moved every minute would refetch every minute), and the
  // same address all day long, so the service worker's copy answers it offline.
  const [range] = useState(() => {
    const today = startOfDay(props.now).getTime();
    return { from: new Date(today - DAY), to: new Date(today + WINDOW_DAYS * DAY) };
  });
  const bookings = useMyBookings(range);
  const appointments = useMyUpcomingAppointments(props.now, props.appointmentsOn);
  const live = (bookings.data ?? []).filter(
    (b) =>
      new Date(b.session.startTime) > props.now &&
      b.session.status === 'SCHEDULED' &&
      (b.status === 'REGISTERED' || b.status === 'WAITLISTED'),
  );
  return (
    <section aria-labelledby="upcoming-title" className="space-y-2">
      <h2 id="upcoming-title" className="text-lg font-semibold text-slate-900">
        Upcoming
      </h2>
      {bookings.isPending && <Spinner />}
      {bookings.error && <Alert tone="error">{errorMessage(bookings.error)}</Alert>}
      {appointments.error && <Alert tone="error">{errorMessage(appointments.error)}</Alert>}
      {bookings.data && live.length === 0 && appointments.upcoming.length === 0 && (
        <EmptyState
          title={props.appointmentsOn ? 'Nothing booked' : 'No classes booked'}
          action={
            <span className="flex justify-center gap-4">
              <Link to="/classes" className="font-medium text-brand-700 underline">
                Find a class
              </Link>
              {props.appointmentsOn && (
                <Link to="/book" className="font-medium text-brand-700 underline">
                  Book a 1-on-1
                </Link>
              )}
            </span>
          }
        >
          {props.appointmentsOn ? 'Classes and 1-on-1s' : 'Classes'} you book or wait for show up here.
        </EmptyState>
      )}
      {live.length + appointments.upcoming.length > 0 && (
        <Card>
          <ul className="divide-y divide-slate-100">
            {[
              ...live.map((b) => ({
                at: b.session.startTime,
                row: <BookingRow key={b.id} booking={b} now={props.now} />,
              })),
              ...appointments.upcoming.map((a) => ({
                at: a.startTime,
                row: <MyAppointmentRow key={a.id} appointment={a} now={props.now} />,
              })),
            ]
              .sort((x, y) => x.at.localeCompare(y.at))
              .map((entry) => entry.row)}
          </ul>
        </Card>
      )}
    </section>
  );
}

/** Past classes, newest first, a window of 60 days at a time. */
function Past(props: { now: Date }) {
  const [windows, setWindows] = useState(1);
  // The end of today, the same all day long (see Upcoming): past windows open offline too.
  const [end] = useState(() => startOfDay(props.now).getTime() + DAY);
  const results = useQueries({
    queries: Array.from({ length: windows }, (_, i) => {
      const to = new Date(end - i * WINDOW_DAYS * DAY).toISOString();
      const from = new Date(end - (i + 1) * WINDOW_DAYS * DAY).toISOString();
      return {
        queryKey: [...sessionKeys.mine, from, to],
        queryFn: () => api.get('/api/me/registrations', { query: { from, to } }),
      };
    }),
  });
  const past = results
    .flatMap((r) => r.data ?? [])
    .filter((b) => new Date(b.session.startTime) <= props.now)
    .filter((b) => b.status !== 'CANCELLED' || b.session.status === 'CANCELLED')
    .sort((a, b) => b.session.startTime.localeCompare(a.session.startTime));
  const error = results.find((r) => r.error)?.error;
  const pending = results.some((r) => r.isPending);
  return (
    <section aria-labelledby="past-title" className="space-y-2">
      <h2 id="past-title" className="text-lg font-semibold text-slate-900">
        Past classes
      </h2>
      {error && <Alert tone="error">{errorMessage(error)}</Alert>}
      {!pending && past.length === 0 && (
        <p className="text-sm text-slate-600">No past classes in the last {windows * 2} months.</p>
      )}
      {past.length > 0 && (
        <Card>
          <ul className="divide-y divide-slate-100">
            {past.map((b) => (
              <BookingRow key={b.id} booking={b} now={props.now} />
            ))}
          </ul>
        </Card>
      )}
      {pending ? (
        <Spinner />
      ) : (
        <Button variant="secondary" onClick={() => setWindows((n) => n + 1)}>
          Show earlier classes
        </Button>
      )}
    </section>
  );
}

/** The client's own classes: what is ahead, what happened, and the calendar feed. */
export function MySchedulePage() {
  const now = useNow(60_000);
  const appointmentsOn = useFeatureEnabled('appointments');
  const [params, setParams] = useSearchParams();
  const view = VIEWS.find(([v]) => v === params.get('view'))?.[0] ?? 'list';
  const setView = (v: View) =>
    setParams((p) => {
      const copy = new URLSearchParams(p);
      if (v === 'list') copy.delete('view');
      else copy.set('view', v);
      return copy;
    });
  return (
    <>
      <PageHeader title="My schedule" />
      <div
        className="mb-4 inline-flex rounded-lg border border-slate-300 bg-white p-1"
        role="group"
        aria-label="Show as"
      >
        {VIEWS.map(([v, label]) => (
          <button
            key={v}
            type="button"
            aria-pressed={view === v}
            onClick={() => setView(v)}
            className={cn(
              'min-h-11 rounded-md px-4 text-sm font-medium',
              view === v ? 'bg-brand-700 text-white' : 'text-slate-700 hover:bg-slate-100',
            )}
          >
            {label}
          </button>
        ))}
      </div>
      <div className="space-y-6">
        {view === 'list' ? (
          <>
            <Upcoming now={now} appointmentsOn={appointmentsOn} />
            <Past now={now} />
          </>
        ) : (
          <MyCalendar mode={view} />
        )}
        <p className="text-sm text-slate-600">
          Calendar feed and class emails are on your{' '}
          <Link to="/profile#class-settings" className="font-medium text-brand-700 underline">
            profile
          </Link>
          .
        </p>
      </div>
    </>
  );
}
