import { useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '../../components/ui/alert';
import { Card } from '../../components/ui/card';
import { Spinner } from '../../components/ui/page';
import { errorMessage } from '../../lib/api';
import { addLocalDays, localDateOf } from '../sessions/studio-time';
import { useNow } from '../sessions/use-now';
import { useStudio } from '../studio/use-studio';
import { AppointmentRow } from './appointment-row';
import { CancelAppointment } from './cancel-appointment';
import { useMyAppointments } from './queries';

/** The client's booked 1-on-1s ahead (next 60 days), each with Cancel; shown in My schedule. */
export function MyAppointments() {
  const { timezone } = useStudio();
  const now = useNow(60_000);
  // Anchored when the section opens (a moving key would refetch every minute).
  const [range] = useState(() => {
    const today = localDateOf(new Date(), timezone);
    return { from: today, to: addLocalDays(today, 60) };
  });
  const appointments = useMyAppointments(range);
  const ahead = (appointments.data ?? []).filter((a) => a.status === 'BOOKED' && new Date(a.endTime) > now);
  return (
    <section aria-labelledby="appointments-title" className="space-y-2">
      <div className="flex items-baseline justify-between gap-3">
        <h2 id="appointments-title" className="text-lg font-semibold text-slate-900">
          1-on-1 appointments
        </h2>
        <Link to="/book" className="text-sm font-medium text-brand-700 underline">
          Book a 1-on-1
        </Link>
      </div>
      {appointments.isPending && <Spinner />}
      {appointments.error && <Alert tone="error">{errorMessage(appointments.error)}</Alert>}
      {appointments.data && ahead.length === 0 && (
        <p className="text-sm text-slate-600">No 1-on-1 appointments booked.</p>
      )}
      {ahead.length > 0 && (
        <Card>
          <ul className="divide-y divide-slate-100">
            {ahead.map((a) => (
              <AppointmentRow
                key={a.id}
                appointment={a}
                who="coach"
                actions={
                  new Date(a.startTime) > now && <CancelAppointment appointment={a} className="shrink-0 px-3 sm:w-28" />
                }
              />
            ))}
          </ul>
        </Card>
      )}
    </section>
  );
}
