import { useState } from 'react';
import { addLocalDays, localDateOf } from '../sessions/studio-time';
import { useStudio } from '../studio/use-studio';
import { AppointmentRow } from './appointment-row';
import { CancelAppointment } from './cancel-appointment';
import { useMyAppointments } from './queries';
import type { Appointment } from './types';

/** The client's booked 1-on-1s not yet over (next 60 days); nothing is fetched while `enabled` is false. */
export function useMyUpcomingAppointments(now: Date, enabled: boolean) {
  const { timezone } = useStudio();
  // Anchored when the page opens (a moving key would refetch every minute).
  const [range] = useState(() => {
    const today = localDateOf(new Date(), timezone);
    return { from: today, to: addLocalDays(today, 60) };
  });
  const appointments = useMyAppointments(range, enabled);
  return {
    ...appointments,
    upcoming: (appointments.data ?? []).filter((a) => a.status === 'BOOKED' && new Date(a.endTime) > now),
  };
}

/** A 1-on-1 in the client's schedule, with Cancel until it starts. */
export function MyAppointmentRow(props: { appointment: Appointment; now: Date }) {
  const a = props.appointment;
  return (
    <AppointmentRow
      appointment={a}
      who="coach"
      actions={
        new Date(a.startTime) > props.now && <CancelAppointment appointment={a} className="shrink-0 px-3 sm:w-36" />
      }
    />
  );
}
