import type { FieldErrors, FieldValues, Path, UseFormRegister } from 'react-hook-form';
import { Field } from '../../components/ui/field';
import { Input, Textarea } from '../../components/ui/input';

/** The profile fields staff and the client both edit (the contract's clientProfileBody). */
interface ContactAndHealth {
  emergencyContactName?: string | null;
  emergencyContactPhone?: string | null;
  dateOfBirth?: string | null;
  healthNotes?: string | null;
}

/**
 * Emergency contact, date of birth and health notes, with their errors under each field: the same
 * inputs in the staff dialog and on the client's own profile, so the two never drift apart.
 */
export function ContactAndHealthFields<T extends FieldValues & ContactAndHealth>(props: {
  register: UseFormRegister<T>;
  errors: FieldErrors<T>;
  healthHint: string;
  /** `bday` when the person fills in their own date of birth (the browser may offer it). */
  dateOfBirthAutoComplete: 'bday' | 'off';
}) {
  const field = (name: keyof ContactAndHealth) => props.register(name as Path<T>);
  const error = (name: keyof ContactAndHealth) => {
    const problem = props.errors[name]?.message;
    return typeof problem === 'string' ? problem : undefined;
  };
  return (
    <>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Emergency contact" error={error('emergencyContactName')}>
          <Input autoComplete="off" maxLength={100} {...field('emergencyContactName')} />
        </Field>
        <Field label="Their phone" error={error('emergencyContactPhone')}>
          <Input type="tel" autoComplete="off" maxLength={40} {...field('emergencyContactPhone')} />
        </Field>
      </div>
      <Field label="Date of birth" error={error('dateOfBirth')}>
        <Input type="date" autoComplete={props.dateOfBirthAutoComplete} className="sm:w-48" {...field('dateOfBirth')} />
      </Field>
      <Field label="Health notes and injuries" hint={props.healthHint} error={error('healthNotes')}>
        <Textarea rows={4} maxLength={4000} {...field('healthNotes')} />
      </Field>
    </>
  );
}
