import { CalendarPlus, Plus, Shapes } from 'lucide-react';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { Alert } from '../../components/ui/alert';
import { Select } from '../../components/ui/input';
import { PageHeader, Spinner } from '../../components/ui/page';
import { errorMessage } from '../../lib/api';
import { cn } from '../../lib/cn';
import { useMe } from '../auth/use-me';
import { useStudio } from '../studio/use-studio';
import { useCoachOptions } from './people';
import { useSessions } from './queries';
import { StaffSessionBlock } from './staff-session-block';
import { formatLocalDate, localDateOf, weekDays, type LocalDate } from './studio-time';
import type { ClassSession } from './types';
import { useWeek } from './use-week';
import { DayStrip, WeekNavigator } from './week-strip';

const actionLink = 'inline-flex h-11 items-center gap-2 rounded-lg px-4 text-sm font-medium';

function groupByDay(sessions: ClassSession[], tz: string): Record<LocalDate, ClassSession[]> {
  const days: Record<LocalDate, ClassSession[]> = {};
  for (const s of sessions) (days[localDateOf(s.startTime, tz)] ??= []).push(s);
  return days;
}

/** Class types of the week, with their colours (the calendar's key). */
function Legend(props: { sessions: ClassSession[] }) {
  const types = [...new Map(props.sessions.map((s) => [s.classType.id, s.classType])).values()].sort((a, b) =>
    a.name.localeCompare(b.name),
  );
  if (types.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700" aria-label="Class types">
      {types.map((t) => (
        <li key={t.id} className="inline-flex items-center gap-1.5">
          <span className="size-3 rounded-sm" style={{ backgroundColor: t.color }} aria-hidden />
          {t.name}
        </li>
      ))}
    </ul>
  );
}

/** Coaches' and admins' week: every class coloured by type with how full it is. */
export function SchedulePage() {
  const me = useMe().data!;
  const { timezone } = useStudio();
  const week = useWeek();
  const coachFilter = week.params.get('coach') ?? '';
  const sessions = useSessions(week.range);
  const all = sessions.data ?? [];
  // Every active coach and admin (a coach with no class this week can still be picked), plus
  // anyone leading a class this week who is no longer on that list.
  const coaches = useCoachOptions(all.map((s) => s.coach)).options;
  const visible = all.filter((s) => !coachFilter || s.coach.id === coachFilter);
  const byDay = useMemo(() => groupByDay(visible, timezone), [visible, timezone]);
  const counts = Object.fromEntries(
    Object.entries(byDay).map(([d, list]) => [d, list.filter((s) => s.status !== 'CANCELLED').length]),
  );

  return (
    <>
      <PageHeader
        title="Schedule"
        description={`Studio time (${timezone}).`}
        actions={
          <>
            <Link to="/schedule/new" className={cn(actionLink, 'bg-brand-700 text-white hover:bg-brand-800')}>
              <Plus className="size-4" aria-hidden /> New class
            </Link>
            <Link
              to="/schedule/series/new"
              className={cn(actionLink, 'border border-slate-300 bg-white text-slate-900 hover:bg-slate-50')}
            >
              <CalendarPlus className="size-4" aria-hidden /> Weekly schedule
            </Link>
            <Link
              to="/schedule/class-types"
              className={cn(actionLink, 'border border-slate-300 bg-white text-slate-900 hover:bg-slate-50')}
            >
              <Shapes className="size-4" aria-hidden /> Class types
            </Link>
          </>
        }
      />
      <div className="space-y-4">
        <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
          <WeekNavigator weekStart={week.weekStart} isThisWeek={week.isThisWeek} onMove={week.moveWeek} />
          <div className="sm:w-56">
            <label className="sr-only" htmlFor="schedule-coach">
              Coach
            </label>
            <Select
              id="schedule-coach"
              value={coachFilter}
              onChange={(e) => week.setFilters({ coach: e.target.value })}
            >
              <option value="">All coaches</option>
              {coaches.some((c) => c.id === me.id) && <option value={me.id}>My classes</option>}
              {coaches
                .filter((c) => c.id !== me.id)
                .map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
            </Select>
          </div>
        </div>
        <Legend sessions={all} />
        {sessions.isPending && <Spinner label="Loading the schedule…" />}
        {sessions.error && (
          <Alert tone="error" title="The schedule could not be loaded">
            {errorMessage(sessions.error)}
          </Alert>
        )}
        {sessions.data && (
          <>
            {/* Phones: one day at a time. */}
            <div className="space-y-3 lg:hidden">
              <DayStrip
                weekStart={week.weekStart}
                selected={week.day}
                today={week.today}
                counts={counts}
                onSelect={week.setDay}
              />
              <h2 className="text-lg font-semibold text-slate-900">{formatLocalDate(week.day, 'EEEE d MMMM')}</h2>
              {(byDay[week.day] ?? []).length === 0 ? (
                <p className="rounded-xl border border-dashed border-slate-300 bg-white px-4 py-6 text-center text-sm text-slate-600">
                  No classes on this day.
                </p>
              ) : (
                <ul className="space-y-2">
                  {byDay[week.day]!.map((s) => (
                    <li key={s.id}>
                      <StaffSessionBlock session={s} />
                    </li>
                  ))}
                </ul>
              )}
            </div>
            {/* Wide screens: the whole week in columns. */}
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
                  <ul className="space-y-2">
                    {(byDay[day] ?? []).map((s) => (
                      <li key={s.id}>
                        <StaffSessionBlock session={s} compact />
                      </li>
                    ))}
                  </ul>
                  {(byDay[day] ?? []).length === 0 && <p className="text-center text-xs text-slate-500">No classes</p>}
                </section>
              ))}
            </div>
          </>
        )}
      </div>
    </>
  );
}
