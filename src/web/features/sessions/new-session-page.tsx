import { ArrowLeft } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { toast } from 'sonner';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { Card, CardBody } from '../../components/ui/card';
import { Field } from '../../components/ui/field';
import { Input, Select, Textarea } from '../../components/ui/input';
import { PageHeader, Spinner } from '../../components/ui/page';
import { errorMessage } from '../../lib/api';
import { useMe } from '../auth/use-me';
import { useStudio } from '../studio/use-studio';
import { CoachField } from './coach-field';
import { useCoachOptions } from './people';
import { useClassTypes, useCreateSession } from './queries';
import type { SessionInput } from './types';
import { localDateTimeToInstant, localDateOf } from './studio-time';

/** Schedule one class; anything left empty comes from its class type. */
export function NewSessionPage() {
  const me = useMe().data!;
  const { timezone } = useStudio();
  const navigate = useNavigate();
  const types = useClassTypes();
  const coaches = useCoachOptions();
  const create = useCreateSession();
  const [form, setForm] = useState({
    classTypeId: '',
    coachId: me.id,
    title: '',
    date: localDateOf(new Date(), timezone),
    start: '',
    end: '',
    capacity: '',
    location: '',
    notes: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [key]: e.target.value }));
  const type = types.data?.find((t) => t.id === form.classTypeId);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (!form.classTypeId) next.classTypeId = 'Choose the kind of class.';
    if (!form.date) next.date = 'Choose the day.';
    if (!form.start) next.start = 'Choose the start time.';
    const capacity = form.capacity ? Number(form.capacity) : undefined;
    if (capacity !== undefined && (!Number.isInteger(capacity) || capacity < 1))
      next.capacity = 'Enter a whole number of places (at least 1).';
    setErrors(next);
    if (Object.keys(next).length) return;
    const start = localDateTimeToInstant(form.date, form.start, timezone);
    const input: SessionInput = {
      classTypeId: form.classTypeId,
      coachId: form.coachId,
      startTime: start.toISOString(),
    };
    if (form.end) {
      const end = localDateTimeToInstant(form.date, form.end, timezone);
      if (end <= start) return setErrors({ end: 'The end must be after the start.' });
      input.endTime = end.toISOString();
    }
    if (form.title.trim()) input.title = form.title.trim();
    if (capacity !== undefined) input.capacity = capacity;
    if (form.location.trim()) input.location = form.location.trim();
    if (form.notes.trim()) input.notes = form.notes.trim();
    create.mutate(input, {
      onSuccess: (s) => {
        toast.success(`${s.title} scheduled.`);
        void navigate(`/classes/${s.id}`);
      },
    });
  };

  return (
    <>
      <Link to="/schedule" className="mb-3 inline-flex min-h-11 items-center gap-1 text-sm font-medium text-brand-700">
        <ArrowLeft className="size-4" aria-hidden /> Schedule
      </Link>
      <PageHeader
        title="New class"
        description={`One class on one day, in studio time (${timezone}). For a class every week, use a weekly schedule.`}
      />
      {types.isPending ? (
        <Spinner />
      ) : types.error ? (
        <Alert tone="error">{errorMessage(types.error)}</Alert>
      ) : types.data.length === 0 ? (
        <Alert tone="info" title="No class types yet">
          Create a class type first on the{' '}
          <Link to="/schedule/class-types" className="font-medium underline">
            Class types
          </Link>{' '}
          page.
        </Alert>
      ) : (
        <Card className="max-w-2xl">
          <CardBody>
            <form onSubmit={submit} className="space-y-4" noValidate>
              <div className="grid gap-3 sm:grid-cols-2">
                <Field label="Class type" error={errors.classTypeId}>
                  <Select value={form.classTypeId} onChange={set('classTypeId')}>
                    <option value="">Choose…</option>
                    {types.data.map((t) => (
                      <option key={t.id} value={t.id}>
                        {t.name}
                      </option>
                    ))}
                  </Select>
                </Field>
                <CoachField value={form.coachId} onChange={set('coachId')} coaches={coaches} />
              </div>
              <Field
                label="Title (optional)"
                hint={type ? `Empty = “${type.name}”.` : 'Empty = the class type’s name.'}
              >
                <Input value={form.title} maxLength={100} onChange={set('title')} />
              </Field>
              <div className="grid grid-cols-2 gap-3 sm:grid-cols-3">
                <Field label="Date" error={errors.date} className="col-span-2 sm:col-span-1">
                  <Input type="date" value={form.date} onChange={set('date')} />
                </Field>
                <Field label="Starts" error={errors.start}>
                  <Input type="time" value={form.start} onChange={set('start')} />
                </Field>
                <Field
                  label="Ends (optional)"
                  error={errors.end}
                  hint={type ? `Empty = ${type.defaultDurationMins} min.` : undefined}
                >
                  <Input type="time" value={form.end} onChange={set('end')} />
                </Field>
              </div>
              <div className="grid gap-3 sm:grid-cols-2">
                <Field
                  label="Places (optional)"
                  error={errors.capacity}
                  hint={type ? `Empty = ${type.defaultCapacity}.` : undefined}
                >
                  <Input type="number" inputMode="numeric" min={1} value={form.capacity} onChange={set('capacity')} />
                </Field>
                <Field label="Location (optional)">
                  <Input value={form.location} maxLength={200} onChange={set('location')} />
                </Field>
              </div>
              <Field label="Notes (optional)" hint="Shown to clients on the class page.">
                <Textarea value={form.notes} maxLength={2000} onChange={set('notes')} />
              </Field>
              {create.error && <Alert tone="error">{errorMessage(create.error)}</Alert>}
              <Button type="submit" loading={create.isPending}>
                Schedule class
              </Button>
            </form>
          </CardBody>
        </Card>
      )}
    </>
  );
}
