import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Alert } from '../../components/ui/alert';
import { Card, CardBody, CardHeader } from '../../components/ui/card';
import { Spinner } from '../../components/ui/page';
import { api, errorMessage } from '../../lib/api';
import { formatInZone } from '../../lib/format';
import { useStudio } from '../studio/use-studio';
import { BookingStatus } from './booking-row';
import { timeRange } from './session-text';
import type { MyBooking } from './types';
import { useNow } from './use-now';

/** One client's bookings as the studio sees them (GET /api/admin/users/{id}/registrations). */
function useUserBookings(userId: string) {
  return useQuery({
    queryKey: ['sessions', 'user-bookings', userId],
    // Without a range the server answers the last four weeks and the next four.
    queryFn: () => api.get('/api/admin/users/:id/registrations', { params: { id: userId } }),
  });
}

function BookingList(props: { title: string; bookings: MyBooking[]; past: boolean; empty: string }) {
  const { timezone } = useStudio();
  return (
    <section aria-label={props.title}>
      <h3 className="text-sm font-semibold text-slate-900">{props.title}</h3>
      {props.bookings.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600">{props.empty}</p>
      ) : (
        <ul className="mt-1 divide-y divide-slate-100">
          {props.bookings.map((b) => (
            <li key={b.id} className="flex flex-col gap-1 py-2 text-sm sm:flex-row sm:items-center sm:gap-3">
              <span className="shrink-0 font-medium whitespace-nowrap text-slate-900 tabular-nums sm:w-48">
                {formatInZone(b.session.startTime, timezone, 'EEE d MMM')}, {timeRange(b.session, timezone)}
              </span>
              <span className="min-w-0 flex-1 text-slate-700">
                <Link to={`/classes/${b.session.id}`} className="font-medium text-slate-900 hover:underline">
                  {b.session.title}
                </Link>{' '}
                with {b.session.coach.name}
              </span>
              <span className="shrink-0">
                <BookingStatus booking={b} past={props.past} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The admin's page about one person: their classes — what is booked ahead and how recent ones went. */
export function UserBookingsSection(props: { userId: string }) {
  const bookings = useUserBookings(props.userId);
  const now = useNow();
  const all = bookings.data ?? [];
  const upcoming = all.filter((b) => new Date(b.session.startTime) > now);
  const recent = all.filter((b) => new Date(b.session.startTime) <= now).reverse();
  return (
    <Card>
      <CardHeader title="Bookings" description="Classes from the last four weeks and the next four, with attendance." />
      <CardBody className="space-y-4">
        {bookings.isPending && <Spinner label="Loading bookings…" />}
        {bookings.error && <Alert tone="error">{errorMessage(bookings.error)}</Alert>}
        {bookings.data && (
          <>
            <BookingList
              title="Upcoming"
              bookings={upcoming}
              past={false}
              empty="Nothing booked in the next four weeks."
            />
            <BookingList title="Recent" bookings={recent} past empty="No classes in the last four weeks." />
          </>
        )}
      </CardBody>
    </Card>
  );
}
