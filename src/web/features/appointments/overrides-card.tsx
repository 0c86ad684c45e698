import { useState } from 'react';
import { toast } from 'sonner';
import { overrideBody } from '../../../contracts/appointments';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { Card, CardBody, CardHeader } from '../../components/ui/card';
import { Field } from '../../components/ui/field';
import { Input } from '../../components/ui/input';
import { errorMessage } from '../../lib/api';
import { formatLocalDate } from '../sessions/studio-time';
import { useChangeAvailability } from './queries';
import { TimeRangesInput, type TimeRange } from './time-ranges-input';
import type { Availability } from './types';

const rangesText = (ranges: TimeRange[]) =>
  ranges.length === 0 ? 'Off all day' : ranges.map((r) => `${r.start}–${r.end}`).join(', ');

/** Dates with other hours than the usual week, or off; each can be removed to fall back to the week. */
export function OverridesCard(props: { availability: Availability }) {
  const change = useChangeAvailability(props.availability.coach.id);
  const [date, setDate] = useState('');
  const [ranges, setRanges] = useState<TimeRange[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const add = () => {
    if (!date) return setProblem('Choose a date.');
    const parsed = overrideBody.safeParse({ ranges });
    if (!parsed.success) return setProblem(parsed.error.issues[0]!.message);
    setProblem(null);
    change.mutate(
      { kind: 'override', date, ranges },
      {
        onSuccess: () => {
          toast.success(`${formatLocalDate(date, 'EEE d MMM')}: ${rangesText(ranges)}.`);
          setDate('');
          setRanges([]);
        },
      },
    );
  };
  return (
    <Card>
      <CardHeader title="Date overrides" description="Other hours on one date, or a day off." />
      <CardBody className="space-y-4">
        {props.availability.overrides.length === 0 ? (
          <p className="text-sm text-slate-600">No dates with other hours.</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {props.availability.overrides.map((o) => (
              <li key={o.date} className="flex items-center justify-between gap-3 py-2 text-sm">
                <span>
                  <span className="font-medium text-slate-900">{formatLocalDate(o.date, 'EEE d MMM yyyy')}</span>{' '}
                  <span className="text-slate-700">{rangesText(o.ranges)}</span>
                </span>
                <Button
                  variant="ghost"
                  size="sm"
                  aria-label={`Remove the override of ${formatLocalDate(o.date, 'd MMMM')}`}
                  onClick={() => change.mutate({ kind: 'clear-override', date: o.date })}
                >
                  Remove
                </Button>
              </li>
            ))}
          </ul>
        )}
        <div className="space-y-3 rounded-lg border border-slate-200 p-3">
          <Field label="Date">
            <Input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
          </Field>
          <TimeRangesInput label="That date" value={ranges} onChange={setRanges} emptyText="Off all day" />
          {(problem ?? change.error) && <Alert tone="error">{problem ?? errorMessage(change.error)}</Alert>}
          <Button variant="secondary" loading={change.isPending} onClick={add}>
            Save this date
          </Button>
        </div>
      </CardBody>
    </Card>
  );
}
