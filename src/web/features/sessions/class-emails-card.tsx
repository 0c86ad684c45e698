import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert } from '../../components/ui/alert';
import { Card, CardBody, CardHeader } from '../../components/ui/card';
import { Select } from '../../components/ui/input';
import { Switch } from '../../components/ui/switch';
import { api, errorMessage, type ApiBody } from '../../lib/api';

type SessionPreferencesPatch = ApiBody<'PUT /api/me/session-preferences'>;

const key = ['me', 'session-preferences'] as const;
const HOURS = [1, 2, 3, 6, 12, 24, 48];

/** Booking confirmations (opt-in) and reminders (on by default, ADR 0022); promotions and studio cancellations always come. */
export function ClassEmailsCard() {
  const queryClient = useQueryClient();
  const prefs = useQuery({ queryKey: key, queryFn: () => api.get('/api/me/session-preferences') });
  const save = useMutation({
    mutationFn: (patch: SessionPreferencesPatch) => api.put('/api/me/session-preferences', { body: patch }),
    onSuccess: (data) => queryClient.setQueryData(key, data),
  });
  const p = prefs.data;
  const row = (
    id: string,
    label: string,
    help: string,
    checked: boolean,
    patch: (v: boolean) => SessionPreferencesPatch,
  ) => (
    <li className="flex items-center justify-between gap-4 py-3">
      <div className="min-w-0">
        <label htmlFor={id} className="font-medium text-slate-900">
          {label}
        </label>
        <p id={`${id}-help`} className="text-sm text-slate-600">
          {help}
        </p>
      </div>
      <Switch
        id={id}
        aria-describedby={`${id}-help`}
        checked={checked}
        disabled={save.isPending}
        onCheckedChange={(v) => save.mutate(patch(v))}
      />
    </li>
  );
  return (
    <Card>
      <CardHeader
        title="Class emails"
        description="You are always told when you get a place from the waitlist or the studio cancels a class."
      />
      <CardBody>
        {prefs.isPending && <p className="text-sm text-slate-600">Loading…</p>}
        {prefs.error && <Alert tone="error">{errorMessage(prefs.error)}</Alert>}
        {save.error && <Alert tone="error">{errorMessage(save.error)}</Alert>}
        {p && (
          <ul className="divide-y divide-slate-100">
            {row(
              'pref-confirmations',
              'Booking confirmations',
              'A message and email each time you book or join a waitlist.',
              p.bookingConfirmations,
              (v) => ({ bookingConfirmations: v }),
            )}
            {row(
              'pref-reminders',
              'Class reminders',
              'A reminder before each class you are booked into.',
              p.reminders,
              (v) => ({ reminders: v }),
            )}
            {p.reminders && (
              <li className="flex items-center justify-between gap-4 py-3">
                <label htmlFor="pref-reminder-hours" className="font-medium text-slate-900">
                  Remind me
                </label>
                <Select
                  id="pref-reminder-hours"
                  className="w-44"
                  value={p.reminderHoursBefore}
                  disabled={save.isPending}
                  onChange={(e) => save.mutate({ reminderHoursBefore: Number(e.target.value) })}
                >
                  {[...new Set([...HOURS, p.reminderHoursBefore])]
                    .sort((a, b) => a - b)
                    .map((h) => (
                      <option key={h} value={h}>
                        {h} {h === 1 ? 'hour' : 'hours'} before
                      </option>
                    ))}
                </Select>
              </li>
            )}
          </ul>
        )}
      </CardBody>
    </Card>
  );
}
