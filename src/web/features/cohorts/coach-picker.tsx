import { useId } from 'react';
import type { ApiResponse } from '../../lib/api';
import type { CoachRef } from './types';

/** One of the studio's active coaches and admins, as GET /api/cohort-types lists them. */
export type CoachOption = ApiResponse<'GET /api/cohort-types'>['coaches'][number];

/** Tick the coaches of the cohort and pick the lead. Options: the studio's active coaches and admins. */
export function CoachPicker(props: {
  options: CoachOption[];
  /** Coaches already on the cohort (kept on the list even if no longer offered, e.g. deactivated). */
  known: CoachRef[];
  coachIds: string[];
  leadCoachId: string;
  error?: string | null;
  onChange: (next: { coachIds: string[]; leadCoachId: string }) => void;
}) {
  const name = useId();
  const byId = new Map<string, { id: string; name: string; admin: boolean }>();
  for (const c of props.known) byId.set(c.id, { id: c.id, name: c.name, admin: false });
  for (const c of props.options) byId.set(c.id, { id: c.id, name: c.name, admin: c.role === 'ADMIN' });
  const options = [...byId.values()].sort((a, b) => Number(a.admin) - Number(b.admin) || a.name.localeCompare(b.name));
  const toggle = (id: string, on: boolean) => {
    const coachIds = on ? [...props.coachIds, id] : props.coachIds.filter((c) => c !== id);
    const leadCoachId = coachIds.includes(props.leadCoachId) ? props.leadCoachId : (coachIds[0] ?? '');
    props.onChange({ coachIds, leadCoachId });
  };
  return (
    <fieldset>
      <legend className="mb-2 text-sm font-medium text-slate-800">Coaches</legend>
      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200">
        {options.map((c) => {
          const on = props.coachIds.includes(c.id);
          return (
            <li key={c.id} className="flex items-center justify-between gap-3 px-3">
              <label className="flex min-h-11 flex-1 items-center gap-2 text-sm text-slate-900">
                <input
                  type="checkbox"
                  className="size-5 accent-brand-700"
                  checked={on}
                  onChange={(e) => toggle(c.id, e.target.checked)}
                />
                {c.name}
                {c.admin && <span className="text-xs text-slate-600">admin</span>}
              </label>
              {on && (
                <label className="flex min-h-11 items-center gap-2 text-sm text-slate-700">
                  <input
                    type="radio"
                    name={name}
                    className="size-4 accent-brand-700"
                    checked={props.leadCoachId === c.id}
                    onChange={() => props.onChange({ coachIds: props.coachIds, leadCoachId: c.id })}
                  />
                  Lead<span className="sr-only"> coach: {c.name}</span>
                </label>
              )}
            </li>
          );
        })}
      </ul>
      {props.error && (
        <p className="mt-1.5 text-sm text-red-700" role="alert">
          {props.error}
        </p>
      )}
    </fieldset>
  );
}
