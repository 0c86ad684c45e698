import { formatInZone } from '../../lib/format';
import { cn } from '../../lib/cn';
import type { ScheduleOutcome } from './types';

type Slot = ScheduleOutcome['sessions'][number];

const CHIP = 'rounded-md border px-2 py-1 text-center whitespace-nowrap tabular-nums';

/**
 * What a weekly schedule will create, as a grid of date chips that never break inside a date. A
 * schedule keeps one studio time (across clock changes too), so the time is said once above the
 * dates; were they ever to differ, each chip says its own.
 */
export function SchedulePreviewList(props: { outcome: ScheduleOutcome; timezone: string }) {
  const { sessions, skipped } = props.outcome;
  const hours = (s: Slot) =>
    `${formatInZone(s.startTime, props.timezone, 'HH:mm')}–${formatInZone(s.endTime, props.timezone, 'HH:mm')}`;
  const times = new Set(sessions.map(hours));
  const oneTime = times.size === 1;
  const date = (s: Slot) => formatInZone(s.startTime, props.timezone, 'EEE d MMM yyyy');
  return (
    <div className="space-y-3">
      {sessions.length === 0 ? (
        <p className="text-sm text-slate-700">No new classes: every slot in this range already has one.</p>
      ) : (
        <>
          {oneTime && <p className="text-sm font-medium text-slate-800 tabular-nums">Each {[...times][0]}, on:</p>}
          <ul
            className={cn(
              'grid gap-2 text-sm text-slate-800',
              oneTime
                ? 'grid-cols-[repeat(auto-fill,minmax(8.5rem,1fr))]'
                : 'grid-cols-[repeat(auto-fill,minmax(13rem,1fr))]',
            )}
            aria-label="Classes that will be created"
          >
            {sessions.map((s) => (
              <li key={s.startTime} className={cn(CHIP, 'border-slate-200 bg-slate-50')}>
                {oneTime ? date(s) : `${date(s)}, ${hours(s)}`}
              </li>
            ))}
          </ul>
        </>
      )}
      {skipped.length > 0 && (
        <div>
          <p className="text-sm font-medium text-slate-800">
            Skipped — a class of this type already starts then ({skipped.length}):
          </p>
          <ul className="mt-1 grid grid-cols-[repeat(auto-fill,minmax(11rem,1fr))] gap-2 text-sm text-slate-600">
            {skipped.map((s) => (
              <li key={s.startTime} className={cn(CHIP, 'border-dashed border-slate-300')}>
                {formatInZone(s.startTime, props.timezone, 'EEE d MMM yyyy, HH:mm')}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
