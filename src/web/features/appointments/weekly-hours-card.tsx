import { useState } from 'react';
import { toast } from 'sonner';
import { WEEKDAY_CODES, type WeekdayCode } from '../../../domain/time/wall-clock';
import { weeklyHoursBody } from '../../../contracts/appointments';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { Card, CardBody, CardHeader } from '../../components/ui/card';
import { errorMessage } from '../../lib/api';
import { fieldErrorsOf } from '../../lib/field-errors';
import { useChangeAvailability } from './queries';
import { TimeRangesInput, type TimeRange } from './time-ranges-input';
import type { Availability } from './types';

const DAY_NAMES: Record<WeekdayCode, string> = {
  MON: 'Monday',
  TUE: 'Tuesday',
  WED: 'Wednesday',
  THU: 'Thursday',
  FRI: 'Friday',
  SAT: 'Saturday',
  SUN: 'Sunday',
};

type Week = Record<WeekdayCode, TimeRange[]>;
const toWeek = (a: Availability): Week =>
  Object.fromEntries(WEEKDAY_CODES.map((d) => [d, a.weekly.find((w) => w.weekday === d)?.ranges ?? []])) as Week;

/** The coach's usual week: several ranges a day, in studio wall-clock time. Checked with the API's own schema. */
export function WeeklyHoursCard(props: { availability: Availability }) {
  const [week, setWeek] = useState<Week>(() => toWeek(props.availability));
  const save = useChangeAvailability(props.availability.coach.id);
  const [problems, setProblems] = useState<Partial<Record<WeekdayCode, string>>>({});
  const body = { days: WEEKDAY_CODES.filter((d) => week[d].length > 0).map((d) => ({ weekday: d, ranges: week[d] })) };
  const dirty = JSON.stringify(week) !== JSON.stringify(toWeek(props.availability));
  const submit = () => {
    const parsed = weeklyHoursBody.safeParse(body);
    const found: Partial<Record<WeekdayCode, string>> = {};
    for (const issue of parsed.error?.issues ?? []) {
      const day = body.days[Number(issue.path[1])]?.weekday;
      if (day) found[day] ??= issue.message;
    }
    setProblems(found);
    if (!parsed.success) return;
    save.mutate({ kind: 'weekly', body }, { onSuccess: () => toast.success('Weekly hours saved.') });
  };
  const serverProblem = save.error && !fieldErrorsOf(save.error).length ? errorMessage(save.error) : null;
  return (
    <Card>
      <CardHeader
        title="Weekly hours"
        description="When clients can book you, week after week. Leave a day empty if you don’t work."
      />
      <CardBody className="space-y-1">
        <ul className="divide-y divide-slate-100">
          {WEEKDAY_CODES.map((d) => (
            <li key={d} className="grid gap-1 py-3 sm:grid-cols-[8rem_1fr] sm:gap-4">
              <p className="pt-2 font-medium text-slate-900">{DAY_NAMES[d]}</p>
              <TimeRangesInput
                label={DAY_NAMES[d]}
                value={week[d]}
                onChange={(ranges) => setWeek({ ...week, [d]: ranges })}
                error={problems[d]}
              />
            </li>
          ))}
        </ul>
        {save.error && (
          <Alert tone="error">
            {serverProblem ??
              fieldErrorsOf(save.error)
                .map((f) => f.message)
                .join(' ')}
          </Alert>
        )}
        <div className="flex justify-end pt-2">
          <Button disabled={!dirty} loading={save.isPending} onClick={submit}>
            Save weekly hours
          </Button>
        </div>
      </CardBody>
    </Card>
  );
}
