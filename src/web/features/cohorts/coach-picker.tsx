import { useQueries } from '@tanstack/react-query';
import { useId } from 'react';
import { Alert } from '../../components/ui/alert';
import { api, errorMessage, qs } from '../../lib/api';
import { useMe } from '../auth/use-me';
import type { CoachRef } from './types';

interface StaffList {
  users: Array<{ id: string; name: string; active: boolean }>;
}

/**
 * Who can coach a cohort. Admins read the staff from the admin user list; coaches cannot, so they
 * are offered themselves and the coaches already on the cohort (see the UI report).
 */
export function useCoachOptions(known: CoachRef[]) {
  const me = useMe().data!;
  const isAdmin = me.role === 'ADMIN';
  const lists = useQueries({
    queries: (['COACH', 'ADMIN'] as const).map((role) => ({
      queryKey: ['admin', 'users', 'staff', role],
      queryFn: () => api.get<StaffList>(`/api/admin/users${qs({ role, limit: 100 })}`),
      enabled: isAdmin,
      staleTime: 60_000,
    })),
  });
  const byId = new Map<string, { id: string; name: string }>();
  if (me.role !== 'ADMIN') byId.set(me.id, { id: me.id, name: me.name });
  for (const c of known) byId.set(c.id, { id: c.id, name: c.name });
  for (const list of lists) for (const u of list.data?.users ?? []) if (u.active) byId.set(u.id, { id: u.id, name: u.name });
  return {
    options: [...byId.values()].sort((a, b) => a.name.localeCompare(b.name)),
    error: lists.find((l) => l.error)?.error ?? null,
  };
}

/** Tick the coaches of the cohort and pick the lead. */
export function CoachPicker(props: {
  known: CoachRef[];
  coachIds: string[];
  leadCoachId: string;
  error?: string | null;
  onChange: (next: { coachIds: string[]; leadCoachId: string }) => void;
}) {
  const { options, error } = useCoachOptions(props.known);
  const name = useId();
  const toggle = (id: string, on: boolean) => {
    const coachIds = on ? [...props.coachIds, id] : props.coachIds.filter((c) => c !== id);
    const leadCoachId = coachIds.includes(props.leadCoachId) ? props.leadCoachId : (coachIds[0] ?? '');
    props.onChange({ coachIds, leadCoachId });
  };
  return (
    <fieldset>
      <legend className="mb-2 text-sm font-medium text-slate-800">Coaches</legend>
      {error !== null && <Alert tone="error">{errorMessage(error)}</Alert>}
      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200">
        {options.map((c) => {
          const on = props.coachIds.includes(c.id);
          return (
            <li key={c.id} className="flex items-center justify-between gap-3 px-3">
              <label className="flex min-h-11 flex-1 items-center gap-2 text-sm text-slate-900">
                <input type="checkbox" className="size-5 accent-brand-700" checked={on} onChange={(e) => toggle(c.id, e.target.checked)} />
                {c.name}
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
