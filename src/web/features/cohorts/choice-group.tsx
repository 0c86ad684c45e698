import { useId, type ReactNode } from 'react';
import { cn } from '../../lib/cn';

/**
 * A row of tappable choices (a radio group underneath: keyboard arrows, one tab stop, read by
 * screen readers). Used for 1–10 scales, yes/no and single-choice questions.
 */
export function ChoiceGroup(props: {
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  options: Array<{ value: string; label: string }>;
  value: string;
  onChange: (value: string) => void;
  disabled?: boolean;
  /** 'grid5' lays 1–10 out as two rows of five on a phone. */
  layout?: 'row' | 'grid5' | 'stack' | 'wrap';
}) {
  const name = useId();
  const layout = props.layout ?? 'row';
  return (
    <fieldset className="space-y-1.5" aria-invalid={props.error ? true : undefined}>
      <legend className={cn('block text-sm font-medium text-slate-800', layout !== 'wrap' && 'mb-1.5')}>
        {props.legend}
      </legend>
      {props.hint && <p className="-mt-1 text-sm text-slate-600">{props.hint}</p>}
      <div
        className={cn(
          layout === 'row' && 'grid gap-1.5 sm:flex sm:flex-wrap sm:gap-2',
          layout === 'grid5' && 'grid grid-cols-5 gap-2 sm:grid-cols-10',
          layout === 'stack' && 'grid gap-2',
          layout === 'wrap' && 'flex flex-wrap gap-2',
        )}
        // Up to 8 choices (yes/no, 0–7 days) sit on one row even on a phone.
        style={
          layout === 'row'
            ? { gridTemplateColumns: `repeat(${Math.min(props.options.length, 8)}, minmax(0, 1fr))` }
            : undefined
        }
      >
        {props.options.map((o) => (
          <label
            key={o.value}
            className={cn(
              'flex min-h-11 cursor-pointer items-center justify-center rounded-lg border px-3 text-sm font-medium transition-colors has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-600',
              layout === 'stack' && 'justify-start py-2 text-left',
              layout === 'row' && 'px-0 sm:min-w-11 sm:px-3',
              props.value === o.value
                ? 'border-brand-700 bg-brand-700 text-white'
                : 'border-slate-300 bg-white text-slate-800 hover:bg-slate-50',
              props.disabled && 'cursor-not-allowed opacity-60',
            )}
          >
            <input
              type="radio"
              className="sr-only"
              name={name}
              value={o.value}
              checked={props.value === o.value}
              disabled={props.disabled}
              onChange={() => props.onChange(o.value)}
            />
            {o.label}
          </label>
        ))}
      </div>
      {props.error && (
        <p className="text-sm text-red-700" role="alert">
          {props.error}
        </p>
      )}
    </fieldset>
  );
}
