import { cloneElement, isValidElement, useId, type ReactElement, type ReactNode } from 'react';
import { cn } from '../../lib/cn';

/**
 * A labelled form control with optional hint and error. Wires up id, aria-describedby and
 * aria-invalid on its single child control.
 */
export function Field(props: {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  className?: string;
  children: ReactElement<Record<string, unknown>>;
}) {
  const id = useId();
  const hintId = props.hint ? `${id}-hint` : undefined;
  const errorId = props.error ? `${id}-error` : undefined;
  const control = isValidElement(props.children)
    ? cloneElement(props.children, {
        id,
        'aria-describedby': [hintId, errorId].filter(Boolean).join(' ') || undefined,
        'aria-invalid': props.error ? true : undefined,
      })
    : props.children;
  return (
    <div className={cn('space-y-1.5', props.className)}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {props.label}
      </label>
      {control}
      {props.hint && (
        <p id={hintId} className="text-sm text-slate-600">
          {props.hint}
        </p>
      )}
      {props.error && (
        <p id={errorId} className="text-sm text-red-700" role="alert">
          {props.error}
        </p>
      )}
    </div>
  );
}
