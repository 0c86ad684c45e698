import { zodResolver } from '@hookform/resolvers/zod';
import { ArrowLeft } from 'lucide-react';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { Link, useNavigate } from 'react-router';
import { toast } from 'sonner';
import { z } from 'zod';
import { createSessionBody } from '../../../contracts/sessions';
import { calendarDate } from '../../../contracts/fields';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { Card, CardBody } from '../../components/ui/card';
import { Field } from '../../components/ui/field';
import { Input, Select, Textarea } from '../../components/ui/input';
import { PageHeader, Spinner } from '../../components/ui/page';
import { errorMessage } from '../../lib/api';
import { fieldErrorsOf } from '../../lib/field-errors';
import { useServerFieldErrors } from '../../lib/server-field-errors';
import { useMe } from '../auth/use-me';
import { useStudio } from '../studio/use-studio';
import { CoachField } from './coach-field';
import { useCoachOptions } from './people';
import { useClassTypes, useCreateSession } from './queries';
import type { SessionInput } from './types';
import { localDateTimeToInstant, localDateOf } from './studio-time';

/**
 * The form's schema is the API's own (`createSessionBody` of src/contracts), with the start and
 * end asked as a studio-local date and times (turned into instants in the studio's time zone) and
 * the places as an optional number.
 */
function newSessionForm(timeZone: string) {
  const api = createSessionBody.shape;
  return createSessionBody
    .pick({ coachId: true, title: true, location: true, notes: true })
    .extend({
      classTypeId: z.string().min(1, 'Choose the kind of class').pipe(api.classTypeId),
      date: calendarDate('The date', 'Choose the day'),
      start: z.string().min(1, 'Choose the start time'),
      end: z.string(),
      capacity: api.capacity.unwrap().nullable(),
    })
    .transform((values, ctx) => {
      const { date, start, end, capacity, ...rest } = values;
      const startTime = localDateTimeToInstant(date, start, timeZone);
      const endTime = end ? localDateTimeToInstant(date, end, timeZone) : null;
      if (endTime && endTime <= startTime) {
        ctx.addIssue({ code: 'custom', path: ['end'], message: 'The end must be after the start' });
        return z.NEVER;
      }
      const input: SessionInput = { ...rest, startTime: startTime.toISOString() };
      if (endTime) input.endTime = endTime.toISOString();
      if (capacity !== null) input.capacity = capacity;
      // Empty optional texts are left out, so the class type's own values apply.
      for (const key of ['title', 'location', 'notes'] as const) if (!input[key]) delete input[key];
      return input;
    });
}
type NewSessionForm = z.input<ReturnType<typeof newSessionForm>>;

/** The API reports the start and end as instants; the form asks them as times. */
const INPUT_FOR = { startTime: 'start', endTime: 'end' } as const;
const FORM_FIELDS = [
  'classTypeId',
  'coachId',
  'title',
  'date',
  'start',
  'end',
  'capacity',
  'location',
  'notes',
] as const satisfies ReadonlyArray<keyof NewSessionForm>;

/** A number input's value for the form: empty is "not given" (null), not zero. */
const asNumber = (value: unknown) => (value === '' || value === null || value === undefined ? null : Number(value));

/** Schedule one class; anything left empty comes from its class type. */
export function NewSessionPage() {
  const me = useMe().data!;
  const { timezone } = useStudio();
  const navigate = useNavigate();
  const types = useClassTypes();
  const coaches = useCoachOptions();
  const create = useCreateSession();
  const schema = useMemo(() => newSessionForm(timezone), [timezone]);
  const form = useForm<NewSessionForm, unknown, SessionInput>({
    resolver: zodResolver(schema),
    defaultValues: {
      classTypeId: '',
      coachId: me.id,
      title: '',
      date: localDateOf(new Date(), timezone),
      start: '',
      end: '',
      capacity: null,
      location: '',
      notes: '',
    },
  });
  const { errors } = form.formState;
  const unplaced = useServerFieldErrors(form, create.error, FORM_FIELDS, INPUT_FOR);
  const type = types.data?.find((t) => t.id === form.watch('classTypeId'));
  const formError = create.error && !fieldErrorsOf(create.error).length ? errorMessage(create.error) : null;

  const submit = form.handleSubmit((input) =>
    create.mutate(input, {
      onSuccess: (s) => {
        toast.success(`${s.title} scheduled.`);
        void navigate(`/classes/${s.id}`);
      },
    }),
  );

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
                <Field label="Class type" error={errors.classTypeId?.message}>
                  <Select {...form.register('classTypeId')}>
                    <option value="">Choose…</option>
                    {types.data.map((t) => (
                      <option key={t.id} value={t.id}>
                        {t.name}
                      </option>
                    ))}
                  </Select>
                </Field>
                <CoachField
                  value={form.watch('coachId')}
                  onChange={(e) => form.setValue('coachId', e.target.value)}
                  coaches={coaches}
                />
              </div>
              <Field
                label="Title (optional)"
                hint={type ? `Empty = “${type.name}”.` : 'Empty = the class type’s name.'}
                error={errors.title?.message}
              >
                <Input maxLength={100} {...form.register('title')} />
              </Field>
              <div className="grid grid-cols-2 gap-3 sm:grid-cols-3">
                <Field label="Date" error={errors.date?.message} className="col-span-2 sm:col-span-1">
                  <Input type="date" {...form.register('date')} />
                </Field>
                <Field label="Starts" error={errors.start?.message}>
                  <Input type="time" {...form.register('start')} />
                </Field>
                <Field
                  label="Ends (optional)"
                  error={errors.end?.message}
                  hint={type ? `Empty = ${type.defaultDurationMins} min.` : undefined}
                >
                  <Input type="time" {...form.register('end')} />
                </Field>
              </div>
              <div className="grid gap-3 sm:grid-cols-2">
                <Field
                  label="Places (optional)"
                  error={errors.capacity?.message}
                  hint={type ? `Empty = ${type.defaultCapacity}.` : undefined}
                >
                  <Input
                    type="number"
                    inputMode="numeric"
                    min={1}
                    {...form.register('capacity', { setValueAs: asNumber })}
                  />
                </Field>
                <Field label="Location (optional)" error={errors.location?.message}>
                  <Input maxLength={200} {...form.register('location')} />
                </Field>
              </div>
              <Field label="Notes (optional)" hint="Shown to clients on the class page." error={errors.notes?.message}>
                <Textarea maxLength={2000} {...form.register('notes')} />
              </Field>
              {formError && <Alert tone="error">{formError}</Alert>}
              {unplaced.map((problem) => (
                <Alert key={problem.path} tone="error">
                  {problem.message}
                </Alert>
              ))}
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
