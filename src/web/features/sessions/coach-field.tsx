import type { ChangeEventHandler } from 'react';
import { Field } from '../../components/ui/field';
import { Select } from '../../components/ui/input';
import { errorMessage } from '../../lib/api';
import type { useCoachOptions } from './people';

/** The "Coach" picker of the class forms (new class, weekly schedule, edit class). */
export function CoachField(props: {
  value: string;
  onChange: ChangeEventHandler<HTMLSelectElement>;
  coaches: ReturnType<typeof useCoachOptions>;
}) {
  return (
    <Field label="Coach" error={props.coaches.error ? errorMessage(props.coaches.error) : null}>
      <Select value={props.value} onChange={props.onChange}>
        {props.coaches.options.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </Select>
    </Field>
  );
}
