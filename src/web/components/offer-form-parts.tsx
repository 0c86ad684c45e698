import type { FieldValues, UseFormRegisterReturn, UseFormReturn } from 'react-hook-form';
import { Field } from './ui/field';
import { Input, Textarea } from './ui/input';

/*
 * What the dialogs for the things a studio offers (class types, 1-on-1 services) ask alike: a
 * name with its colour and a description, and numbers with a hint (their save errors and buttons: dialog-form-footer.tsx).
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
