import { useState } from 'react';
import { toast } from 'sonner';
import { timeOffBody } from '../../../contracts/appointments';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { Card, CardBody, CardHeader } from '../../components/ui/card';
import { Field } from '../../components/ui/field';
import { Input } from '../../components/ui/input';
import { errorMessage } from '../../lib/api';
import { formatLocalDate } from '../sessions/studio-time';
import { useChangeAvailability } from './queries';
import type { Availability } from './types';

const span = (from: string, to: string) =>
  from === to
    ? formatLocalDate(from, 'EEE d MMM yyyy')
    : `${formatLocalDate(from, 'd MMM')} – ${formatLocalDate(to, 'd MMM yyyy')}`;

/** Holidays and other time off (whole days, both ends included): no slots are offered then. */
export function TimeOffCard(props: { availability: Availability }) {
  const change = useChangeAvailability(props.availability.coach.id);
  const [values, setValues] = useState({ fromDate: '', toDate: '', note: '' });
  const [problem, setProblem] = useState<string | null>(null);
  const add = () => {
    const body = { ...values, toDate: values.toDate || values.fromDate, note: values.note.trim() || undefined };
    const parsed = timeOffBody.safeParse(body);
    if (!parsed.success) return setProblem(parsed.error.issues[0]!.message);
    setProblem(null);
    change.mutate(
      { kind: 'time-off', body },
      {
        onSuccess: () => {
          toast.success(`Time off saved: ${span(body.fromDate, body.toDate)}.`);
          setValues({ fromDate: '', toDate: '', note: '' });
        },
      },
    );
  };
  return (
    <Card>
      <CardHeader title="Time off" description="Days you can’t be booked, e.g. holidays." />
      <CardBody className="space-y-4">
        {props.availability.timeOff.length === 0 ? (
          <p className="text-sm text-slate-600">No time off planned.</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {props.availability.timeOff.map((t) => (
              <li key={t.id} className="flex items-center justify-between gap-3 py-2 text-sm">
                <span>
                  <span className="font-medium text-slate-900">{span(t.fromDate, t.toDate)}</span>{' '}
                  {t.note && <span className="text-slate-700">{t.note}</span>}
                </span>
                <Button
                  variant="ghost"
                  size="sm"
                  aria-label={`Remove time off ${span(t.fromDate, t.toDate)}`}
                  onClick={() => change.mutate({ kind: 'remove-time-off', timeOffId: t.id })}
                >
                  Remove
                </Button>
              </li>
            ))}
          </ul>
        )}
        <div className="grid gap-3 rounded-lg border border-slate-200 p-3 sm:grid-cols-2">
          <Field label="From">
            <Input
              type="date"
              value={values.fromDate}
              onChange={(e) => setValues({ ...values, fromDate: e.target.value })}
            />
          </Field>
          <Field label="Until (included)">
            <Input
              type="date"
              value={values.toDate}
              onChange={(e) => setValues({ ...values, toDate: e.target.value })}
            />
          </Field>
          <Field label="Note (optional)" className="sm:col-span-2">
            <Input
              maxLength={200}
              value={values.note}
              onChange={(e) => setValues({ ...values, note: e.target.value })}
            />
          </Field>
          {(problem ?? change.error) && (
            <Alert tone="error" className="sm:col-span-2">
              {problem ?? errorMessage(change.error)}
            </Alert>
          )}
          <div className="sm:col-span-2">
            <Button variant="secondary" loading={change.isPending} onClick={add}>
              Add time off
            </Button>
          </div>
        </div>
      </CardBody>
    </Card>
  );
}
