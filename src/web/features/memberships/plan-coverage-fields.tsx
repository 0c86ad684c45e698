import type { ReactNode } from 'react';
import { useServices } from '../appointments/queries';
import { useClassTypes } from '../sessions/queries';
import { useFeatureEnabled } from '../studio/use-studio';

/** What a plan pays for, as the plan form holds it. */
export interface PlanCoverage {
  coversAllClassTypes: boolean;
  classTypeIds: string[];
  appointmentServiceIds: string[];
}

function Ticks(props: {
  items: Array<{ id: string; name: string }>;
  value: string[];
  onChange: (ids: string[]) => void;
}) {
  return (
    <div className="mt-1 grid gap-x-4 sm:grid-cols-2">
      {props.items.map((c) => (
        <label key={c.id} className="flex min-h-11 items-center gap-3 text-sm">
          <input
            type="checkbox"
            className="size-5 accent-brand-700"
            checked={props.value.includes(c.id)}
            onChange={(e) =>
              props.onChange(e.target.checked ? [...props.value, c.id] : props.value.filter((x) => x !== c.id))
            }
          />
          {c.name}
        </label>
      ))}
    </div>
  );
}

function Group(props: { legend: string; hint: string; children: ReactNode; error?: string }) {
  return (
    <fieldset>
      <legend className="text-sm font-medium text-slate-800">{props.legend}</legend>
      <p className="text-sm text-slate-600">{props.hint}</p>
      {props.children}
      {props.error && (
        <p className="text-sm text-red-700" role="alert">
          {props.error}
        </p>
      )}
    </fieldset>
  );
}

/**
 * The class types and (while appointments are on) the 1-on-1 services a plan pays for. With
 * appointments off it reads as before: no tick = every class type.
 */
export function PlanCoverageFields(props: {
  value: PlanCoverage;
  onChange: (v: PlanCoverage) => void;
  error?: string;
}) {
  const sessionsOn = useFeatureEnabled('sessions');
  const appointmentsOn = useFeatureEnabled('appointments');
  const classTypes = useClassTypes(false);
  const services = useServices();
  const v = props.value;
  const set = (patch: Partial<PlanCoverage>) => props.onChange({ ...v, ...patch });
  const activeServices = (services.data ?? []).filter((s) => s.active || v.appointmentServiceIds.includes(s.id));
  return (
    <>
      {sessionsOn && classTypes.data && classTypes.data.length > 0 && !appointmentsOn && (
        <Group legend="Class types it pays for" hint="Tick none for every class type." error={props.error}>
          <Ticks
            items={classTypes.data}
            value={v.classTypeIds}
            onChange={(ids) => set({ classTypeIds: ids, coversAllClassTypes: ids.length === 0 })}
          />
        </Group>
      )}
      {sessionsOn && classTypes.data && appointmentsOn && (
        <Group
          legend="Classes it pays for"
          hint="Choose “only these” and tick none for a 1-on-1-only pack."
          error={props.error}
        >
          <div className="mt-1 flex flex-col gap-1 sm:flex-row sm:gap-6">
            {[true, false].map((all) => (
              <label key={String(all)} className="flex min-h-11 items-center gap-3 text-sm">
                <input
                  type="radio"
                  name="covers-all-class-types"
                  className="size-5 accent-brand-700"
                  checked={v.coversAllClassTypes === all}
                  onChange={() => set({ coversAllClassTypes: all })}
                />
                {all ? 'Every class type' : 'Only these class types'}
              </label>
            ))}
          </div>
          {!v.coversAllClassTypes && (
            <Ticks items={classTypes.data} value={v.classTypeIds} onChange={(ids) => set({ classTypeIds: ids })} />
          )}
        </Group>
      )}
      {appointmentsOn && activeServices.length > 0 && (
        <Group legend="1-on-1 services it pays for" hint="Tick none if it does not pay for 1-on-1s.">
          <Ticks
            items={activeServices}
            value={v.appointmentServiceIds}
            onChange={(ids) => set({ appointmentServiceIds: ids })}
          />
        </Group>
      )}
    </>
  );
}
