import type { FieldValues, UseFormRegisterReturn, UseFormReturn } from 'react-hook-form';
import type { FieldError } from '../../contracts/common';
import { errorMessage } from '../lib/api';
import { fieldErrorsOf } from '../lib/field-errors';
import { Alert } from './ui/alert';
import { Button } from './ui/button';
import { Field } from './ui/field';
import { Input, Textarea } from './ui/input';

/*
 * What the dialogs for the things a studio offers (class types, 1-on-1 services) ask alike: a
 * name with its colour and a description, numbers with a hint, and the save errors and buttons.
 * Each dialog passes its own react-hook-form registrations, so its schema stays its own.
 */

type Named = { name: string; color: string; description: string };

/** Name and colour side by side, then the description clients see, of any form that has the three. */
export function NameColourDescriptionFields<T extends Named, Output extends FieldValues>(props: {
  form: UseFormReturn<T, unknown, Output>;
  nameMaxLength: number;
}) {
  // react-hook-form cannot name a field of a generic form; these three exist by `T extends Named`.
  const form = props.form as unknown as UseFormReturn<Named>;
  const { errors } = form.formState;
  return (
    <>
      <div className="grid grid-cols-[1fr_auto] gap-3">
        <Field label="Name" error={errors.name?.message}>
          <Input maxLength={props.nameMaxLength} {...form.register('name')} />
        </Field>
        <Field label="Colour" error={errors.color?.message}>
          <Input type="color" className="w-16 px-1" {...form.register('color')} />
        </Field>
      </div>
      <Field label="Description" hint="Shown to clients." error={errors.description?.message}>
        <Textarea maxLength={2000} {...form.register('description')} />
      </Field>
    </>
  );
}

/** A whole number of at least `min` (register it with `valueAsNumber: true`). */
export function NumberField(props: {
  label: string;
  hint?: string;
  error?: string;
  min?: number;
  registration: UseFormRegisterReturn;
}) {
  return (
    <Field label={props.label} hint={props.hint} error={props.error}>
      <Input type="number" inputMode="numeric" min={props.min ?? 0} {...props.registration} />
    </Field>
  );
}

/**
 * The end of the dialog: what the server refused that no field shows (`unplaced`, or a whole-request
 * error), then Close and Save (Create for a new one).
 */
export function DialogFormFooter(props: {
  error: unknown;
  unplaced: FieldError[];
  saving: boolean;
  editing: boolean;
  onClose: () => void;
}) {
  const formError = props.error && !fieldErrorsOf(props.error).length ? errorMessage(props.error) : null;
  return (
    <>
      {formError && <Alert tone="error">{formError}</Alert>}
      {props.unplaced.map((problem) => (
        <Alert key={problem.path} tone="error">
          {problem.message}
        </Alert>
      ))}
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={props.onClose}>
          Close
        </Button>
        <Button type="submit" loading={props.saving}>
          {props.editing ? 'Save' : 'Create'}
        </Button>
      </div>
    </>
  );
}
