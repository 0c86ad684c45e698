import { useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '../../components/ui/alert';
import { Card, CardBody, CardHeader } from '../../components/ui/card';
import { errorMessage } from '../../lib/api';
import { formatInZone } from '../../lib/format';
import { addLocalDays, localDateOf } from '../sessions/studio-time';
import { useNow } from '../sessions/use-now';
import { useStudio } from '../studio/use-studio';
import { useMyAppointments } from './queries';
import { timeSpan } from './text';

/** Client home: their next 1-on-1, or a way to book one. */
export function NextAppointmentWidget() {
  const { timezone } = useStudio();
  const now = useNow(60_000);
  const [range] = useState(() => {
    const today = localDateOf(new Date(), timezone);
    return { from: today, to: addLocalDays(today, 60) };
  });
  const appointments = useMyAppointments(range);
  const next = appointments.data?.find((a) => a.status === 'BOOKED' && new Date(a.endTime) > now);
  return (
    <Card>
      <CardHeader
        title="Next 1-on-1"
        action={
          <Link to="/book" className="text-sm font-medium text-brand-700 underline">
            Book a 1-on-1
          </Link>
        }
      />
      <CardBody>
        {appointments.isPending && <p className="text-sm text-slate-600">Loading…</p>}
        {appointments.error && <Alert tone="error">{errorMessage(appointments.error)}</Alert>}
        {appointments.data && !next && <p className="text-sm text-slate-600">No 1-on-1 booked.</p>}
        {next && (
          <div className="flex gap-3">
            <span className="w-1.5 shrink-0 rounded-full" style={{ backgroundColor: next.service.color }} aria-hidden />
            <div className="min-w-0">
              <p className="text-sm font-semibold text-slate-700">
                {formatInZone(next.startTime, timezone, 'EEEE d MMMM')}, {timeSpan(next, timezone)}
              </p>
              <p className="text-lg font-semibold text-slate-900">{next.service.name}</p>
              <p className="text-sm text-slate-600">
                with {next.coach.name} ·{' '}
                <Link to="/my-schedule" className="font-medium text-brand-700 underline">
                  My schedule
                </Link>
              </p>
            </div>
          </div>
        )}
      </CardBody>
    </Card>
  );
}
