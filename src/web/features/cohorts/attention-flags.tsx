import { CalendarX, TrendingDown, TriangleAlert } from 'lucide-react';
import type { AttentionFlag, AttentionFlagCode } from './use-cohorts';

const ICONS: Record<AttentionFlagCode, typeof TriangleAlert> = {
  MISSED_CHECK_INS: CalendarX,
  FALLING_TREND: TrendingDown,
  LOW_SCORES: TriangleAlert,
};

/** Why a coach should look first, in words (icons are decoration only). */
export function AttentionFlags(props: { flags: AttentionFlag[] }) {
  if (props.flags.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-1.5" aria-label="Needs attention">
      {props.flags.map((f, i) => {
        const Icon = ICONS[f.code];
        return (
          <li
            key={`${f.code}-${i}`}
            className="inline-flex items-center gap-1 rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-950"
          >
            <Icon className="size-3.5 shrink-0" aria-hidden />
            {f.message}
          </li>
        );
      })}
    </ul>
  );
}
