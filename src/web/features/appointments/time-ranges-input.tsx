import { Plus, X } from 'lucide-react';
import { Button } from '../../components/ui/button';
import { Select } from '../../components/ui/input';

// Quarter hours in 24-hour studio time ("07:15"): a select reads the same on every phone, where a
// time input would follow the device's 12/24-hour setting and clip "07:00 AM" on a narrow screen.
const QUARTERS = Array.from(
  { length: 96 },
  (_, i) => `${String(Math.floor(i / 4)).padStart(2, '0')}:${String((i % 4) * 15).padStart(2, '0')}`,
);

function TimeSelect(props: { value: string; onChange: (v: string) => void; label: string; end?: boolean }) {
  const options = props.end ? [...QUARTERS.slice(1), '24:00'] : QUARTERS;
  const all = options.includes(props.value) ? options : [props.value, ...options].sort();
  return (
    <Select
      className="w-24 px-2 tabular-nums"
      aria-label={props.label}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
    >
      {all.map((t) => (
        <option key={t} value={t}>
          {t}
        </option>
      ))}
    </Select>
  );
}

export interface TimeRange {
  start: string;
  end: string;
}

/**
 * The hours of one day as studio wall-clock ranges ("09:00–12:00, 14:00–18:00"): each a pair of
 * time inputs with a remove button, plus "Add hours". An empty list reads as `emptyText`.
 */
export function TimeRangesInput(props: {
  /** Names the inputs for assistive tech, e.g. "Monday". */
  label: string;
  value: TimeRange[];
  onChange: (next: TimeRange[]) => void;
  emptyText?: string;
  error?: string | null;
}) {
  const set = (i: number, patch: Partial<TimeRange>) =>
    props.onChange(props.value.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const add = () => {
    const last = props.value[props.value.length - 1];
    // A new range starts an hour after the last one ends (or at 09:00), so it rarely overlaps.
    const startHour = last ? Math.min(Number(last.end.slice(0, 2)) + 1, 22) : 9;
    const pad = (h: number) => `${String(h).padStart(2, '0')}:00`;
    props.onChange([...props.value, { start: pad(startHour), end: pad(Math.min(startHour + 3, 23)) }]);
  };
  return (
    <div className="space-y-2">
      {props.value.length === 0 && <p className="py-2 text-sm text-slate-600">{props.emptyText ?? 'Not working'}</p>}
      {props.value.map((range, i) => (
        <div key={i} className="flex items-center gap-2">
          <TimeSelect
            label={`${props.label}, range ${i + 1} from`}
            value={range.start}
            onChange={(start) => set(i, { start })}
          />
          <span aria-hidden>–</span>
          <TimeSelect
            label={`${props.label}, range ${i + 1} until`}
            value={range.end}
            onChange={(end) => set(i, { end })}
            end
          />
          <Button
            variant="ghost"
            className="w-11 shrink-0 px-0"
            aria-label={`Remove ${props.label} ${range.start}–${range.end}`}
            onClick={() => props.onChange(props.value.filter((_, j) => j !== i))}
          >
            <X className="size-4" aria-hidden />
          </Button>
        </div>
      ))}
      {props.error && (
        <p className="text-sm text-red-700" role="alert">
          {props.error}
        </p>
      )}
      <Button variant="ghost" size="sm" className="px-2 text-brand-700" onClick={add}>
        <Plus className="size-4" aria-hidden /> Add hours<span className="sr-only"> on {props.label}</span>
      </Button>
    </div>
  );
}
