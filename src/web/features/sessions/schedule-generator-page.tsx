import { ArrowLeft } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { toast } from 'sonner';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { Card, CardBody, CardHeader } from '../../components/ui/card';
import { Field } from '../../components/ui/field';
import { Input, Select, Textarea } from '../../components/ui/input';
import { PageHeader, Spinner } from '../../components/ui/page';
import { errorMessage } from '../../lib/api';
import { cn } from '../../lib/cn';
import { useMe } from '../auth/use-me';
import { useStudio } from '../studio/use-studio';
import { CoachField } from './coach-field';
import { useCoachOptions } from './people';
import { useClassTypes, useCreateSchedule } from './queries';
import { SchedulePreviewList } from './schedule-preview-list';
import { addLocalDays, localDateOf } from './studio-time';
import { WEEKDAY_CODES, type ScheduleInput, type WeekdayCode } from './types';

const DAY_NAMES: Record<WeekdayCode, string> = {
  MON: 'Mon',
  TUE: 'Tue',
  WED: 'Wed',
  THU: 'Thu',
  FRI: 'Fri',
  SAT: 'Sat',
  SUN: 'Sun',
};

/** A weekly pattern → classes, shown first as a preview, then created. */
export function ScheduleGeneratorPage() {
  const me = useMe().data!;
  const { timezone } = useStudio();
  const navigate = useNavigate();
  const types = useClassTypes();
  const coaches = useCoachOptions();
  const preview = useCreateSchedule();
  const create = useCreateSchedule();
  const today = localDateOf(new Date(), timezone);
  const [form, setForm] = useState({
    classTypeId: '',
    coachId: me.id,
    localTime: '',
    fromDate: today,
    toDate: addLocalDays(today, 27),
    capacity: '',
    location: '',
    title: '',
    notes: '',
    durationMins: '',
  });
  const [days, setDays] = useState<WeekdayCode[]>([]);
  const [ongoing, setOngoing] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const change = () => {
    preview.reset();
    create.reset();
  };
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => {
    setForm((f) => ({ ...f, [key]: e.target.value }));
    change();
  };
  const toggleDay = (d: WeekdayCode) => {
    setDays((list) =>
      list.includes(d) ? list.filter((x) => x !== d) : WEEKDAY_CODES.filter((x) => x === d || list.includes(x)),
    );
    change();
  };

  function input(): ScheduleInput | null {
    const next: Record<string, string> = {};
    if (!form.classTypeId) next.classTypeId = 'Choose the kind of class.';
    if (days.length === 0) next.days = 'Choose at least one day.';
    if (!form.localTime) next.localTime = 'Choose the start time.';
    if (!form.fromDate) next.fromDate = 'Choose the first day.';
    if (!ongoing && !form.toDate) next.toDate = 'Choose the last day, or make it ongoing.';
    const capacity = form.capacity ? Number(form.capacity) : undefined;
    if (capacity !== undefined && (!Number.isInteger(capacity) || capacity < 1))
      next.capacity = 'Enter a whole number of places (at least 1).';
    const durationMins = form.durationMins ? Number(form.durationMins) : undefined;
    if (durationMins !== undefined && (!Number.isInteger(durationMins) || durationMins < 5 || durationMins > 24 * 60))
      next.durationMins = 'Enter the length in whole minutes, from 5.';
    setErrors(next);
    if (Object.keys(next).length) return null;
    return {
      classTypeId: form.classTypeId,
      coachId: form.coachId,
      daysOfWeek: days,
      localTime: form.localTime,
      fromDate: form.fromDate,
      toDate: ongoing ? undefined : form.toDate,
      ongoing: ongoing || undefined,
      capacity,
      location: form.location.trim() || undefined,
      title: form.title.trim() || undefined,
      notes: form.notes.trim() || undefined,
      durationMins,
    };
  }

  const showPreview = (event: FormEvent) => {
    event.preventDefault();
    const values = input();
    if (values) preview.mutate({ values, preview: true });
  };
  const confirm = () => {
    const values = input();
    if (!values) return;
    create.mutate(
      { values, preview: false },
      {
        onSuccess: (r) => {
          toast.success(`${r.sessions.length} ${r.sessions.length === 1 ? 'class' : 'classes'} created.`);
          void navigate(
            r.sessions[0] ? `/schedule?day=${localDateOf(r.sessions[0].startTime, timezone)}` : '/schedule',
          );
        },
      },
    );
  };

  if (types.isPending) return <Spinner />;
  return (
    <>
      <Link to="/schedule" className="mb-3 inline-flex min-h-11 items-center gap-1 text-sm font-medium text-brand-700">
        <ArrowLeft className="size-4" aria-hidden /> Schedule
      </Link>
      <PageHeader
        title="Weekly schedule"
        description={`The same class on chosen days at the same studio time (${timezone}), also across clock changes. Preview before creating.`}
      />
      {types.error && <Alert tone="error">{errorMessage(types.error)}</Alert>}
      <div className="grid gap-5 lg:grid-cols-2">
        <Card>
          <CardBody>
            <form onSubmit={showPreview} className="space-y-4" noValidate>
              <div className="grid gap-3 sm:grid-cols-2">
                <Field label="Class type" error={errors.classTypeId}>
                  <Select value={form.classTypeId} onChange={set('classTypeId')}>
                    <option value="">Choose…</option>
                    {types.data?.map((t) => (
                      <option key={t.id} value={t.id}>
                        {t.name}
                      </option>
                    ))}
                  </Select>
                </Field>
                <CoachField value={form.coachId} onChange={set('coachId')} coaches={coaches} />
              </div>
              <fieldset aria-describedby={errors.days ? 'days-error' : undefined}>
                <legend className="mb-1.5 text-sm font-medium text-slate-800">Days</legend>
                <div className="grid grid-cols-7 gap-1">
                  {WEEKDAY_CODES.map((d) => (
                    <label
                      key={d}
                      className={cn(
                        'flex min-h-11 cursor-pointer items-center justify-center rounded-lg border text-sm font-medium has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-600',
                        days.includes(d)
                          ? 'border-brand-700 bg-brand-700 text-white'
                          : 'border-slate-300 bg-white text-slate-800',
                      )}
                    >
                      <input
                        type="checkbox"
                        className="sr-only"
                        checked={days.includes(d)}
                        onChange={() => toggleDay(d)}
                      />
                      {DAY_NAMES[d]}
                    </label>
                  ))}
                </div>
                {errors.days && (
                  <p id="days-error" className="mt-1 text-sm text-red-700" role="alert">
                    {errors.days}
                  </p>
                )}
              </fieldset>
              {/* Never narrower than a whole date: one column on phones and beside the preview on
                  mid-size screens, two where each gets ~200px (three clipped the year at 1280px). */}
              <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-1 xl:grid-cols-2">
                <Field label="Start time" error={errors.localTime}>
                  <Input type="time" value={form.localTime} onChange={set('localTime')} />
                </Field>
                <Field label="From" error={errors.fromDate}>
                  <Input type="date" value={form.fromDate} onChange={set('fromDate')} />
                </Field>
                {!ongoing && (
                  <Field label="To (included)" error={errors.toDate}>
                    <Input type="date" value={form.toDate} onChange={set('toDate')} />
                  </Field>
                )}
              </div>
              <label className="flex min-h-11 items-center gap-3 text-sm text-slate-800">
                <input
                  type="checkbox"
                  className="size-5"
                  checked={ongoing}
                  onChange={(e) => {
                    setOngoing(e.target.checked);
                    change();
                  }}
                />
                Ongoing — no end date: classes are kept added four weeks ahead
              </label>
              <div className="grid gap-3 sm:grid-cols-2">
                <Field label="Places (optional)" error={errors.capacity} hint="Empty = the class type's default.">
                  <Input type="number" inputMode="numeric" min={1} value={form.capacity} onChange={set('capacity')} />
                </Field>
                <Field label="Location (optional)">
                  <Input value={form.location} maxLength={200} onChange={set('location')} />
                </Field>
                <Field label="Title (optional)" hint="Empty = the class type's name.">
                  <Input value={form.title} maxLength={100} onChange={set('title')} />
                </Field>
                <Field
                  label="Length in minutes (optional)"
                  error={errors.durationMins}
                  hint="Empty = the class type's."
                >
                  <Input
                    type="number"
                    inputMode="numeric"
                    min={5}
                    value={form.durationMins}
                    onChange={set('durationMins')}
                  />
                </Field>
              </div>
              <Field label="Notes (optional)" hint="Shown to clients on each class page.">
                <Textarea value={form.notes} maxLength={2000} onChange={set('notes')} />
              </Field>
              {preview.error && <Alert tone="error">{errorMessage(preview.error)}</Alert>}
              <Button type="submit" variant="secondary" loading={preview.isPending}>
                Preview
              </Button>
            </form>
          </CardBody>
        </Card>
        {preview.data && (
          <Card>
            <CardHeader
              title={`${preview.data.sessions.length} ${preview.data.sessions.length === 1 ? 'class' : 'classes'} will be created`}
              description="Nothing is saved until you confirm."
            />
            <CardBody className="space-y-4">
              <SchedulePreviewList outcome={preview.data} timezone={timezone} />
              {create.error && <Alert tone="error">{errorMessage(create.error)}</Alert>}
              {preview.data.sessions.length > 0 && (
                <Button loading={create.isPending} onClick={confirm}>
                  Create {preview.data.sessions.length} {preview.data.sessions.length === 1 ? 'class' : 'classes'}
                </Button>
              )}
            </CardBody>
          </Card>
        )}
      </div>
    </>
  );
}
