import { cn } from '../../lib/cn';
import { costText } from './text';
import type { Service } from './types';

/** The services to choose from, as large radio cards (name, length, cost, description). */
export function ServicePicker(props: { services: Service[]; value: string; onChange: (id: string) => void }) {
  return (
    <fieldset>
      <legend className="mb-2 text-base font-semibold text-slate-900">Service</legend>
      <div className="grid gap-2 sm:grid-cols-2">
        {props.services.map((s) => (
          <label
            key={s.id}
            className={cn(
              'flex cursor-pointer gap-3 rounded-xl border bg-white p-3',
              props.value === s.id ? 'border-brand-700 ring-2 ring-brand-700/30' : 'border-slate-200',
            )}
          >
            <input
              type="radio"
              name="service"
              className="mt-1 size-5 shrink-0 accent-brand-700"
              checked={props.value === s.id}
              onChange={() => props.onChange(s.id)}
            />
            <span className="min-w-0">
              <span className="flex items-center gap-2 font-medium text-slate-900">
                <span className="size-3 shrink-0 rounded-sm" style={{ backgroundColor: s.color }} aria-hidden />
                {s.name}
              </span>
              <span className="block text-sm text-slate-600">
                {s.durationMins} min · {costText(s.creditCost)}
              </span>
              {s.description && <span className="mt-0.5 block text-sm text-slate-700">{s.description}</span>}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
