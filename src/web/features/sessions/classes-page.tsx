import { useMemo } from 'react';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { Select } from '../../components/ui/input';
import { EmptyState, PageHeader, Spinner } from '../../components/ui/page';
import { errorMessage } from '../../lib/api';
import { useStudio } from '../studio/use-studio';
import { useClassTypes, useSessions } from './queries';
import { SessionCard } from './session-card';
import { formatLocalDate, localDateOf, type LocalDate } from './studio-time';
import type { ClassSession } from './types';
import { useWeek } from './use-week';
import { WeekCredits } from './week-credits';
import { DayStrip, WeekNavigator } from './week-strip';

/** Distinct coaches of the week's classes, by name (the coach filter offers only who teaches). */
function coachesOf(sessions: ClassSession[]) {
  const byId = new Map(sessions.map((s) => [s.coach.id, s.coach]));
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** The client's class browser: a week of studio days, filters, and what they can book. */
export function ClassesPage() {
  const { timezone } = useStudio();
  const week = useWeek();
  const typeFilter = week.params.get('type') ?? '';
  const coachFilter = week.params.get('coach') ?? '';
  const sessions = useSessions(week.range);
  const classTypes = useClassTypes();

  const all = sessions.data ?? [];
  const visible = all.filter(
    (s) => (!typeFilter || s.classType.id === typeFilter) && (!coachFilter || s.coach.id === coachFilter),
  );
  const counts = useMemo(() => {
    const c: Record<LocalDate, number> = {};
    for (const s of visible) {
      if (s.status === 'CANCELLED') continue;
      const d = localDateOf(s.startTime, timezone);
      c[d] = (c[d] ?? 0) + 1;
    }
    return c;
  }, [visible, timezone]);
  const ofDay = visible.filter((s) => localDateOf(s.startTime, timezone) === week.day);
  const filtering = Boolean(typeFilter || coachFilter);
  const waitlistLimits = new Map(classTypes.data?.map((t) => [t.id, t.waitlistLimit]));

  return (
    <>
      <PageHeader title="Classes" description={`Times are studio times (${timezone}).`} />
      <div className="space-y-4">
        <WeekCredits from={week.range.from} to={week.range.to} />
        <WeekNavigator weekStart={week.weekStart} isThisWeek={week.isThisWeek} onMove={week.moveWeek} />
        <DayStrip
          weekStart={week.weekStart}
          selected={week.day}
          today={week.today}
          counts={counts}
          onSelect={week.setDay}
        />
        <div className="grid grid-cols-2 gap-2">
          <label className="sr-only" htmlFor="filter-type">
            Class type
          </label>
          <Select id="filter-type" value={typeFilter} onChange={(e) => week.setFilters({ type: e.target.value })}>
            <option value="">All classes</option>
            {classTypes.data?.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </Select>
          <label className="sr-only" htmlFor="filter-coach">
            Coach
          </label>
          <Select id="filter-coach" value={coachFilter} onChange={(e) => week.setFilters({ coach: e.target.value })}>
            <option value="">All coaches</option>
            {coachesOf(all).map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </Select>
        </div>
        {classTypes.error && <Alert tone="error">{errorMessage(classTypes.error)}</Alert>}

        <section aria-labelledby="day-title" aria-busy={sessions.isFetching || undefined}>
          <h2 id="day-title" className="mb-2 text-lg font-semibold text-slate-900">
            {formatLocalDate(week.day, 'EEEE d MMMM')}
            {week.day === week.today && <span className="ml-2 text-sm font-normal text-slate-600">Today</span>}
          </h2>
          {sessions.isPending && <Spinner label="Loading classes…" />}
          {sessions.error && (
            <Alert tone="error" title="The classes could not be loaded">
              {errorMessage(sessions.error)}
            </Alert>
          )}
          {sessions.data && ofDay.length === 0 && (
            <EmptyState
              title={filtering ? 'No classes match on this day' : 'No classes on this day'}
              action={
                filtering ? (
                  <Button variant="secondary" onClick={() => week.setFilters({ type: '', coach: '' })}>
                    Show all classes
                  </Button>
                ) : undefined
              }
            >
              {Object.keys(counts).length > 0 ? 'Pick another day above.' : 'Try another week.'}
            </EmptyState>
          )}
          {ofDay.length > 0 && (
            <ul className="space-y-3">
              {ofDay.map((s) => (
                <li key={s.id}>
                  <SessionCard session={s} waitlistLimit={waitlistLimits.get(s.classType.id)} />
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}
