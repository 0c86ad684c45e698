import { ChevronLeft, ChevronRight } from 'lucide-react';
import { Button } from '../../components/ui/button';
import { cn } from '../../lib/cn';
import { formatLocalDate, weekDays, weekLabel, type LocalDate } from './studio-time';

/** Previous / next week with the week's dates, and a way back to this week. */
export function WeekNavigator(props: {
  weekStart: LocalDate;
  isThisWeek: boolean;
  onMove: (direction: -1 | 0 | 1) => void;
}) {
  return (
    <div className="flex items-center gap-2">
      <Button
        variant="secondary"
        size="md"
        className="w-11 px-0"
        aria-label="Previous week"
        onClick={() => props.onMove(-1)}
      >
        <ChevronLeft className="size-5" aria-hidden />
      </Button>
      <p
        className="min-w-0 flex-1 text-center text-sm font-semibold text-slate-900 sm:flex-none sm:px-2"
        aria-live="polite"
      >
        <span className="sr-only">Week of </span>
        {weekLabel(props.weekStart)}
      </p>
      <Button
        variant="secondary"
        size="md"
        className="w-11 px-0"
        aria-label="Next week"
        onClick={() => props.onMove(1)}
      >
        <ChevronRight className="size-5" aria-hidden />
      </Button>
      {!props.isThisWeek && (
        <Button variant="ghost" size="md" className="px-3" onClick={() => props.onMove(0)}>
          Today
        </Button>
      )}
    </div>
  );
}

/** Seven day buttons (studio days); each says how many classes (or other `noun`s) it has. */
export function DayStrip(props: {
  weekStart: LocalDate;
  /** Singular and plural of what is counted (default class / classes). */
  noun?: [string, string];
  selected: LocalDate;
  today: LocalDate;
  counts: Record<LocalDate, number>;
  onSelect: (day: LocalDate) => void;
}) {
  const noun = props.noun ?? ['class', 'classes'];
  return (
    <ul className="grid grid-cols-7 gap-1" aria-label="Days of the week">
      {weekDays(props.weekStart).map((day) => {
        const count = props.counts[day] ?? 0;
        const selected = day === props.selected;
        const past = day < props.today;
        return (
          <li key={day}>
            <button
              type="button"
              aria-pressed={selected}
              aria-current={day === props.today ? 'date' : undefined}
              onClick={() => props.onSelect(day)}
              className={cn(
                'flex min-h-16 w-full flex-col items-center justify-center rounded-lg border text-sm transition-colors',
                selected
                  ? 'border-brand-700 bg-brand-700 text-white'
                  : 'border-slate-200 bg-white text-slate-900 hover:bg-slate-50',
                !selected && past && 'text-slate-500',
              )}
            >
              {/* The name is the button's own words ("Mon 30 … 8 classes") plus hidden ones, in
                  the order they show, so a voice-control user can say what they see (WCAG 2.5.3). */}
              <span className="text-xs font-medium uppercase">{formatLocalDate(day, 'EEE')}</span>{' '}
              <span
                className={cn(
                  'text-lg leading-6 font-bold',
                  day === props.today && !selected && 'text-brand-700 underline underline-offset-4',
                )}
              >
                {formatLocalDate(day, 'd')}
              </span>
              <span className="sr-only">{` ${formatLocalDate(day, 'MMMM')}${day === props.today ? ', today' : ''}: `}</span>
              <span className={cn('text-[11px] leading-4', selected ? 'text-white' : 'text-slate-600')}>
                {count === 0 ? (
                  <>
                    <span aria-hidden>–</span>
                    <span className="sr-only">no {noun[1]}</span>
                  </>
                ) : (
                  <>
                    {count}
                    <span className="sr-only">{count === 1 ? ` ${noun[0]}` : ` ${noun[1]}`}</span>
                  </>
                )}
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
