import { cn } from '../../lib/cn';
import { formatInZone } from '../../lib/format';
import { localDateOf, type LocalDate } from '../sessions/studio-time';
import type { Slots } from './types';

export interface PickedSlot {
  startTime: string;
  coach: { id: string; name: string };
}

/**
 * Every free start on `day`, by time; with several coaches free at once, `preferCoachId` is named
 * where they are free, else the first by name (a move picks that coach; an "any coach" booking
 * leaves the choice to the server).
 */
export function slotsOfDay(data: Slots, day: LocalDate, tz: string, preferCoachId?: string): PickedSlot[] {
  const byTime = new Map<string, PickedSlot>();
  const rank = (c: Slots['coaches'][number]) => (c.coach.id === preferCoachId ? 0 : 1);
  const coaches = [...data.coaches].sort((a, b) => rank(a) - rank(b) || a.coach.name.localeCompare(b.coach.name));
  for (const c of coaches)
    for (const start of c.slots)
      if (localDateOf(start, tz) === day && !byTime.has(start)) byTime.set(start, { startTime: start, coach: c.coach });
  return [...byTime.values()].sort((a, b) => a.startTime.localeCompare(b.startTime));
}

/** Free slots per studio day of the answer (for the day buttons' counts). */
export function slotCounts(data: Slots | undefined, tz: string): Record<LocalDate, number> {
  const counts: Record<LocalDate, number> = {};
  if (!data) return counts;
  const seen = new Set<string>();
  for (const c of data.coaches)
    for (const start of c.slots) {
      if (seen.has(start)) continue;
      seen.add(start);
      const day = localDateOf(start, tz);
      counts[day] = (counts[day] ?? 0) + 1;
    }
  return counts;
}

/** The day's free start times as a grid of buttons; the chosen one is pressed. */
export function SlotList(props: {
  slots: PickedSlot[];
  showCoach: boolean;
  selected: string | null;
  onPick: (slot: PickedSlot) => void;
  timeZone: string;
}) {
  return (
    <ul className="grid grid-cols-3 gap-2 sm:grid-cols-4 lg:grid-cols-6" aria-label="Free times">
      {props.slots.map((slot) => {
        const time = formatInZone(slot.startTime, props.timeZone, 'HH:mm');
        const pressed = props.selected === slot.startTime;
        return (
          <li key={slot.startTime}>
            <button
              type="button"
              aria-pressed={pressed}
              onClick={() => props.onPick(slot)}
              className={cn(
                'flex min-h-12 w-full flex-col items-center justify-center rounded-lg border px-1 py-1 text-base font-semibold tabular-nums',
                pressed
                  ? 'border-brand-700 bg-brand-700 text-white'
                  : 'border-slate-300 bg-white text-slate-900 hover:bg-slate-50',
              )}
            >
              {time}
              {props.showCoach && (
                <span className={cn('text-xs font-normal', pressed ? 'text-white' : 'text-slate-600')}>
                  <span className="sr-only"> with </span>
                  {slot.coach.name.split(' ')[0]}
                </span>
              )}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
