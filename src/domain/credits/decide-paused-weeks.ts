import { addLocalDays, type LocalDate } from '../time/studio-week';

/** Days a membership is (or was) paused: first and last, both studio-local and inclusive. */
export interface PausedDays {
  from: LocalDate;
  until: LocalDate;
}

/**
 * A studio week (Monday to Sunday) lying wholly inside a pause. Its weekly credits are not made
 * (ADR 0007: "the job grants nothing while paused"); a week only partly paused keeps them, as
 * the resume would grant its week anyway.
 */
export function isWeekPaused(weekStart: LocalDate, pause: PausedDays | null): boolean {
  return pause !== null && pause.from <= weekStart && addLocalDays(weekStart, 6) <= pause.until;
}

/**
 * The days a pause really held when it ends `today` (a resume, early or on time): from its first
 * day to yesterday at the latest; null when it ends before it began (nothing was paused).
 */
export function pauseAsServed(pause: PausedDays | null, today: LocalDate): PausedDays | null {
  if (pause === null || pause.from >= today) return null;
  const yesterday = addLocalDays(today, -1);
  return { from: pause.from, until: pause.until < yesterday ? pause.until : yesterday };
}

export interface WeeklyGrantHeld {
  grantId: string;
  weekStart: LocalDate;
  remaining: number;
  /** Credits pauses took from this grant and have not given back (from the ledger). */
  takenByPause: number;
}

export interface PausedWeekMovement {
  grantId: string;
  /** Negative: the week's unused credits removed ("Paused"); positive: given back. */
  amount: number;
}

/**
 * Makes a membership's weekly grants agree with its pause (ADR 0026): a week wholly inside the
 * pause loses its unused credits, as if it had never been granted; a week a pause took credits
 * from that is no longer wholly inside it (the pause was changed or ended early) gets exactly
 * those credits back. Used credits are never taken (only `remaining` moves), and weeks that have
 * ended are settled: they are left as they are.
 */
export function decidePausedWeekCredits(
  grants: readonly WeeklyGrantHeld[],
  pause: PausedDays | null,
  today: LocalDate,
): PausedWeekMovement[] {
  const movements: PausedWeekMovement[] = [];
  for (const g of grants) {
    if (addLocalDays(g.weekStart, 6) < today) continue;
    if (isWeekPaused(g.weekStart, pause)) {
      if (g.remaining > 0) movements.push({ grantId: g.grantId, amount: -g.remaining });
    } else if (g.takenByPause > 0) {
      movements.push({ grantId: g.grantId, amount: g.takenByPause });
    }
  }
  return movements;
}
