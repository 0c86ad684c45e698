import { useEffect, useState } from 'react';
import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import type { FieldError } from '../../contracts/common';
import { fieldErrorsOf } from './field-errors';

/**
 * Puts the server's field errors (`error.fields`) on the form's own fields, so a message the
 * server writes ("A prepaid plan needs its length in days") shows under its input like one the
 * form's schema found. Returns the problems with no input of their own, for the form's alert.
 * `inputFor` names the input of an API field the form asks differently (the plan's `durationDays`
 * is asked as a `length` in weeks or days).
 */
export function useServerFieldErrors<T extends FieldValues, Context, Output extends FieldValues>(
  form: UseFormReturn<T, Context, Output>,
  error: unknown,
  fields: ReadonlyArray<Path<T>>,
  inputFor: Partial<Record<string, Path<T>>> = {},
): FieldError[] {
  const [unplaced, setUnplaced] = useState<FieldError[]>([]);
  useEffect(() => {
    const left: FieldError[] = [];
    for (const problem of fieldErrorsOf(error)) {
      const top = problem.path.split('.')[0]!;
      const field = inputFor[top] ?? fields.find((f) => problem.path === f || problem.path.startsWith(`${f}.`));
      if (field) form.setError(field, { type: 'server', message: problem.message }, { shouldFocus: true });
      else left.push(problem);
    }
    setUnplaced(left);
    // `fields` is a constant list per form; re-run only when a new error arrives.
  }, [error, form]);
  return unplaced;
}
