import { ChevronLeft, ChevronRight } from 'lucide-react';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { Card } from '../../components/ui/card';
import { Spinner } from '../../components/ui/page';
import { errorMessage } from '../../lib/api';
import { cn } from '../../lib/cn';
import { MyAppointmentRow } from '../appointments/my-appointments';
import { useMyAppointments } from '../appointments/queries';
import type { Appointment } from '../appointments/types';
import { useFeatureEnabled, useStudio } from '../studio/use-studio';
import { BookingRow } from './booking-row';
import { useMyBookings } from './queries';
import {
  addLocalMonths,
  formatLocalDate,
  instantRange,
  localDateOf,
  monthGrid,
  weekDays,
  type LocalDate,
} from './studio-time';
import type { MyBooking } from './types';
import { useWeek } from './use-week';
import { WeekNavigator } from './week-strip';

/** Bookings that belong on a calendar: held places, waitlist spots and past attendance. */
const onCalendar = (b: MyBooking) => b.session.status !== 'CANCELLED' && b.status !== 'CANCELLED';

function byDay(bookings: MyBooking[], tz: string) {
  const days: Record<LocalDate, MyBooking[]> = {};
  for (const b of bookings.filter(onCalendar)) (days[localDateOf(b.session.startTime, tz)] ??= []).push(b);
  return days;
}

/** 1-on-1s that belong on a calendar: all but cancelled ones. */
function appointmentsByDay(appointments: Appointment[], tz: string) {
  const days: Record<LocalDate, Appointment[]> = {};
  for (const a of appointments)
    if (a.status !== 'CANCELLED' && a.status !== 'LATE_CANCELLED') (days[localDateOf(a.startTime, tz)] ??= []).push(a);
  return days;
}

function DayList(props: {
  day: LocalDate;
  bookings: MyBooking[];
  appointments: Appointment[];
  now: Date;
  today: LocalDate;
}) {
  const rows = [
    ...props.bookings.map((b) => ({
      at: b.session.startTime,
      row: <BookingRow key={b.id} booking={b} now={props.now} showDate={false} />,
    })),
    ...props.appointments.map((a) => ({
      at: a.startTime,
      row: <MyAppointmentRow key={a.id} appointment={a} now={props.now} />,
    })),
  ].sort((x, y) => x.at.localeCompare(y.at));
  return (
    <section aria-labelledby={`day-${props.day}`}>
      <h3
        id={`day-${props.day}`}
        className={cn(
          'px-1 pb-1 text-sm font-semibold',
          props.day === props.today ? 'text-brand-800' : 'text-slate-800',
        )}
      >
        {formatLocalDate(props.day, 'EEEE d MMMM')}
        {props.day === props.today && ' · today'}
      </h3>
      {rows.length === 0 ? (
        <p className="px-1 pb-2 text-sm text-slate-500">No classes</p>
      ) : (
        <Card>
          <ul className="divide-y divide-slate-100">{rows.map((r) => r.row)}</ul>
        </Card>
      )}
    </section>
  );
}

/** The client's classes as a week or a month calendar (studio days). */
export function MyCalendar(props: { mode: 'week' | 'month' }) {
  const { timezone } = useStudio();
  const week = useWeek();
  const grid = props.mode === 'month' ? monthGrid(week.day, week.startIndex) : [weekDays(week.weekStart)];
  const first = grid[0]![0]!;
  const last = grid[grid.length - 1]![6]!;
  const bookings = useMyBookings(instantRange(first, last, timezone));
  const days = byDay(bookings.data ?? [], timezone);
  const appointmentsOn = useFeatureEnabled('appointments');
  const appointments = useMyAppointments({ from: first, to: last }, appointmentsOn);
  const appointmentDays = appointmentsByDay(appointments.data ?? [], timezone);
  const month = week.day.slice(0, 7);

  return (
    <div className="space-y-4">
      {props.mode === 'week' ? (
        <WeekNavigator weekStart={week.weekStart} isThisWeek={week.isThisWeek} onMove={week.moveWeek} />
      ) : (
        <div className="flex items-center gap-2">
          <Button
            variant="secondary"
            className="w-11 px-0"
            aria-label="Previous month"
            onClick={() => week.setDay(`${addLocalMonths(week.day, -1).slice(0, 7)}-01`)}
          >
            <ChevronLeft className="size-5" aria-hidden />
          </Button>
          <p
            className="flex-1 text-center text-sm font-semibold text-slate-900 sm:flex-none sm:px-2"
            aria-live="polite"
          >
            {formatLocalDate(`${month}-01`, 'MMMM yyyy')}
          </p>
          <Button
            variant="secondary"
            className="w-11 px-0"
            aria-label="Next month"
            onClick={() => week.setDay(`${addLocalMonths(week.day, 1).slice(0, 7)}-01`)}
          >
            <ChevronRight className="size-5" aria-hidden />
          </Button>
          {week.today.slice(0, 7) !== month && (
            <Button variant="ghost" onClick={() => week.moveWeek(0)}>
              Today
            </Button>
          )}
        </div>
      )}
      {bookings.isPending && <Spinner />}
      {bookings.error && <Alert tone="error">{errorMessage(bookings.error)}</Alert>}
      {bookings.data && props.mode === 'week' && (
        <div className="space-y-3">
          {grid[0]!.map((d) => (
            <DayList
              key={d}
              day={d}
              bookings={days[d] ?? []}
              appointments={appointmentDays[d] ?? []}
              now={week.now}
              today={week.today}
            />
          ))}
        </div>
      )}
      {bookings.data && props.mode === 'month' && (
        <>
          <table className="w-full table-fixed border-collapse text-center">
            <caption className="sr-only">
              Your classes in {formatLocalDate(`${month}-01`, 'MMMM yyyy')}; choose a day to see them
            </caption>
            <thead>
              <tr>
                {grid[0]!.map((d) => (
                  <th key={d} scope="col" className="pb-1 text-xs font-medium text-slate-600">
                    <abbr title={formatLocalDate(d, 'EEEE')} className="no-underline">
                      {formatLocalDate(d, 'EEEEE')}
                    </abbr>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {grid.map((row) => (
                <tr key={row[0]}>
                  {row.map((d) => {
                    const list = days[d] ?? [];
                    const oneOnOnes = appointmentDays[d] ?? [];
                    const inMonth = d.startsWith(month);
                    const selected = d === week.day;
                    return (
                      <td key={d} className="p-0.5">
                        <button
                          type="button"
                          aria-pressed={selected}
                          aria-label={`${formatLocalDate(d, 'EEEE d MMMM')}: ${list.length === 0 ? 'no classes' : `${list.length} ${list.length === 1 ? 'class' : 'classes'}`}${oneOnOnes.length ? `, ${oneOnOnes.length} 1-on-1` : ''}`}
                          onClick={() => week.setDay(d)}
                          className={cn(
                            'flex h-14 w-full flex-col items-center justify-start gap-1 rounded-lg border pt-1 text-sm sm:h-20',
                            selected ? 'border-brand-700 bg-brand-50' : 'border-slate-200 bg-white hover:bg-slate-50',
                            !inMonth && 'bg-slate-50 text-slate-500',
                            d === week.today && 'font-bold text-brand-800',
                          )}
                        >
                          {formatLocalDate(d, 'd')}
                          <span className="flex flex-wrap justify-center gap-0.5" aria-hidden>
                            {list.slice(0, 3).map((b) => (
                              <span
                                key={b.id}
                                className={cn(
                                  'size-2 rounded-full',
                                  b.status === 'WAITLISTED' && 'ring-1 ring-amber-700',
                                )}
                                style={{ backgroundColor: b.session.classType.color }}
                              />
                            ))}
                            {oneOnOnes.slice(0, 2).map((a) => (
                              <span
                                key={a.id}
                                className="size-2 rounded-sm"
                                style={{ backgroundColor: a.service.color }}
                              />
                            ))}
                          </span>
                        </button>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
          <DayList
            day={week.day}
            bookings={days[week.day] ?? []}
            appointments={appointmentDays[week.day] ?? []}
            now={week.now}
            today={week.today}
          />
        </>
      )}
    </div>
  );
}
