import type { EditScope } from './types';

/** "Only this class" or "this and the following ones of its series" (only for a series). */
export function ScopeChoice(props: {
  name: string;
  value: EditScope;
  onChange: (scope: EditScope) => void;
  verb: string;
}) {
  const options: Array<[EditScope, string, string]> = [
    ['THIS', `${props.verb} only this class`, 'Other classes of the series stay as they are.'],
    [
      'FOLLOWING',
      `${props.verb} this and all later classes of the series`,
      'Every scheduled class of this series from this one on.',
    ],
  ];
  return (
    <fieldset className="space-y-2">
      <legend className="mb-1 text-sm font-medium text-slate-800">This class is part of a weekly series</legend>
      {options.map(([value, label, hint]) => (
        <label
          key={value}
          className="flex min-h-11 cursor-pointer items-start gap-3 rounded-lg border border-slate-200 px-3 py-2 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
        >
          <input
            type="radio"
            name={props.name}
            value={value}
            checked={props.value === value}
            onChange={() => props.onChange(value)}
            className="mt-1 size-4 accent-brand-700"
          />
          <span>
            <span className="block text-sm font-medium text-slate-900">{label}</span>
            <span className="block text-sm text-slate-600">{hint}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
