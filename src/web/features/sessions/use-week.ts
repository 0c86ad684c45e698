import { useSearchParams } from 'react-router';
import { useStudio } from '../studio/use-studio';
import { addLocalDays, instantRange, localDateOf, weekStartIndex, weekStartOf, type LocalDate } from './studio-time';
import { useNow } from './use-now';

const isLocalDate = (v: string | null): v is LocalDate =>
  !!v && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`));

/**
 * The week (and day) a page shows, kept in the address (`?day=2026-03-24`) so back, reload and
 * shared links keep it. Days are studio days; the week starts on the studio's chosen weekday.
 */
export function useWeek() {
  const { timezone, weekStartsOn } = useStudio();
  const now = useNow(60_000);
  const [params, setParams] = useSearchParams();
  const startIndex = weekStartIndex(weekStartsOn);
  const today = localDateOf(now, timezone);
  const raw = params.get('day');
  const day = isLocalDate(raw) ? raw : today;
  const weekStart = weekStartOf(day, startIndex);
  const range = instantRange(weekStart, addLocalDays(weekStart, 6), timezone);

  const setDay = (next: LocalDate) =>
    setParams(
      (p) => {
        const copy = new URLSearchParams(p);
        if (next === today) copy.delete('day');
        else copy.set('day', next);
        return copy;
      },
      { replace: true },
    );
  /** -1 / +1 week keeps the weekday; 0 goes back to today. */
  const moveWeek = (direction: -1 | 0 | 1) => setDay(direction === 0 ? today : addLocalDays(day, 7 * direction));
  /** Sets (or, with '', removes) several address parameters at once. */
  const setFilters = (values: Record<string, string>) =>
    setParams(
      (p) => {
        const copy = new URLSearchParams(p);
        for (const [key, value] of Object.entries(values)) {
          if (value) copy.set(key, value);
          else copy.delete(key);
        }
        return copy;
      },
      { replace: true },
    );

  return {
    now,
    today,
    day,
    weekStart,
    range,
    startIndex,
    isThisWeek: weekStart === weekStartOf(today, startIndex),
    setDay,
    moveWeek,
    params,
    setFilters,
  };
}
