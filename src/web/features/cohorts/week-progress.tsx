import { cn } from '../../lib/cn';
import { formatDateRange, weekOf } from './format';

/** "Week 3 of 6" with the cohort's dates and a strip of its weeks (week numbers come from the server). */
export function WeekProgress(props: {
  week: number | null;
  weeks: number | null;
  startDate: string;
  endDate: string | null;
  today: string;
}) {
  const status =
    props.week !== null
      ? weekOf(props.week, props.weeks)
      : props.today < props.startDate
        ? 'Starting soon'
        : 'Finished';
  return (
    <div className="rounded-xl bg-brand-800 px-4 py-4 text-white sm:px-5">
      <p className="text-2xl font-bold">{status}</p>
      <p className="mt-0.5 text-sm text-brand-50">{formatDateRange(props.startDate, props.endDate)}</p>
      {props.weeks !== null && props.weeks <= 52 && (
        <ol className="mt-3 flex gap-1" aria-hidden>
          {Array.from({ length: props.weeks }, (_, i) => i + 1).map((n) => (
            <li
              key={n}
              className={cn(
                'h-2 flex-1 rounded-full',
                props.week === null
                  ? props.today < props.startDate
                    ? 'bg-white/25'
                    : 'bg-white'
                  : n < props.week
                    ? 'bg-white'
                    : n === props.week
                      ? 'bg-amber-300'
                      : 'bg-white/25',
              )}
            />
          ))}
        </ol>
      )}
    </div>
  );
}
