import { Clock, Plus } from 'lucide-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { Select } from '../../components/ui/input';
import { PageHeader, Spinner } from '../../components/ui/page';
import { errorMessage } from '../../lib/api';
import { cn } from '../../lib/cn';
import { useMe } from '../auth/use-me';
import { useCoachOptions } from '../sessions/people';
import { addLocalDays, formatLocalDate, localDateOf, weekDays, type LocalDate } from '../sessions/studio-time';
import { useWeek } from '../sessions/use-week';
import { DayStrip, WeekNavigator } from '../sessions/week-strip';
import { useStudio } from '../studio/use-studio';
import { AppointmentDialog } from './appointment-dialog';
import { CalendarItemBlock } from './calendar-item';
import { useCalendar } from './queries';
import { StaffBookDialog } from './staff-book-dialog';
import type { CalendarItem } from './types';

function byDay(items: CalendarItem[], tz: string) {
  const days: Record<LocalDate, CalendarItem[]> = {};
  for (const item of items) (days[localDateOf(item.startTime, tz)] ??= []).push(item);
  return days;
}

/**
 * A coach's week of classes and 1-on-1s together ("My calendar"); admins see the studio's, or
 * one coach's (?coach=). Appointments open to mark attendance, keep notes, move or cancel.
 */
export function AppointmentCalendarPage() {
  const me = useMe().data!;
  const { timezone } = useStudio();
  const week = useWeek();
  const admin = me.role === 'ADMIN';
  const coachId = admin ? (week.params.get('coach') ?? '') : me.id;
  const coaches = useCoachOptions();
  const calendar = useCalendar({
    from: week.weekStart,
    to: addLocalDays(week.weekStart, 6),
    coachId: coachId || undefined,
    own: !admin,
  });
  const [openId, setOpenId] = useState<string | null>(null);
  const [booking, setBooking] = useState(false);
  const days = byDay(calendar.data?.items ?? [], timezone);
  const counts = Object.fromEntries(Object.entries(days).map(([d, list]) => [d, list.length]));
  const block = (item: CalendarItem) => (
    <li key={`${item.kind}-${item.id}`}>
      <CalendarItemBlock item={item} timeZone={timezone} showCoach={admin && !coachId} onOpen={setOpenId} />
    </li>
  );

  return (
    <>
      <PageHeader
        title={admin ? '1-on-1 calendar' : 'My calendar'}
        description={`Classes and 1-on-1 appointments together. Studio time (${timezone}).`}
        actions={
          <>
            <Button onClick={() => setBooking(true)}>
              <Plus className="size-4" aria-hidden /> Book for a client
            </Button>
            <Link
              to="/appointments/availability"
              className="inline-flex h-11 items-center gap-2 rounded-lg border border-slate-300 bg-white px-4 text-sm font-medium text-slate-900 hover:bg-slate-50"
            >
              <Clock className="size-4" aria-hidden /> My availability
            </Link>
          </>
        }
      />
      <div className="space-y-4">
        <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
          <WeekNavigator weekStart={week.weekStart} isThisWeek={week.isThisWeek} onMove={week.moveWeek} />
          {admin && (
            <div className="sm:w-56">
              <label className="sr-only" htmlFor="calendar-coach">
                Coach
              </label>
              <Select id="calendar-coach" value={coachId} onChange={(e) => week.setFilters({ coach: e.target.value })}>
                <option value="">All coaches</option>
                {coaches.options.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </Select>
            </div>
          )}
        </div>
        {calendar.isPending && <Spinner label="Loading the calendar…" />}
        {calendar.error && <Alert tone="error">{errorMessage(calendar.error)}</Alert>}
        {calendar.data && (
          <>
            <div className="space-y-3 lg:hidden">
              <DayStrip
                weekStart={week.weekStart}
                selected={week.day}
                today={week.today}
                counts={counts}
                onSelect={week.setDay}
                noun={['entry', 'entries']}
              />
              <h2 className="text-lg font-semibold text-slate-900">{formatLocalDate(week.day, 'EEEE d MMMM')}</h2>
              {(days[week.day] ?? []).length === 0 ? (
                <p className="rounded-xl border border-dashed border-slate-300 bg-white px-4 py-6 text-center text-sm text-slate-600">
                  Nothing on this day.
                </p>
              ) : (
                <ul className="space-y-2">{days[week.day]!.map(block)}</ul>
              )}
            </div>
            <div className="hidden grid-cols-7 gap-2 lg:grid">
              {weekDays(week.weekStart).map((day) => (
                <section key={day} aria-label={formatLocalDate(day, 'EEEE d MMMM')} className="min-w-0">
                  <h2
                    className={cn(
                      'mb-2 rounded-lg px-2 py-1 text-center text-sm font-semibold',
                      day === week.today ? 'bg-brand-700 text-white' : 'text-slate-800',
                    )}
                  >
                    {formatLocalDate(day, 'EEE d')}
                  </h2>
                  <ul className="space-y-2">{(days[day] ?? []).map(block)}</ul>
                  {(days[day] ?? []).length === 0 && <p className="text-center text-xs text-slate-500">Nothing</p>}
                </section>
              ))}
            </div>
          </>
        )}
      </div>
      {openId && <AppointmentDialog id={openId} onClose={() => setOpenId(null)} />}
      {booking && <StaffBookDialog coachId={coachId || undefined} onClose={() => setBooking(false)} />}
    </>
  );
}
