import { useId, useState, type FormEvent } from 'react';
import { endKeepingLength } from '../../../domain/sessions/keep-length';
import { toast } from 'sonner';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { Field } from '../../components/ui/field';
import { Input, Textarea } from '../../components/ui/input';
import { errorMessage } from '../../lib/api';
import { formatInZone } from '../../lib/format';
import { useStudio } from '../studio/use-studio';
import { CoachField } from './coach-field';
import { useCoachOptions } from './people';
import { useEditSession } from './queries';
import type { EditScope, SessionPatch } from './types';
import { ScopeChoice } from './scope-choice';
import { localDateTimeToInstant } from './studio-time';
import type { SessionDetail } from './types';

function initialValues(s: SessionDetail, tz: string) {
  return {
    title: s.title,
    coachId: s.coach.id,
    date: formatInZone(s.startTime, tz, 'yyyy-MM-dd'),
    start: formatInZone(s.startTime, tz, 'HH:mm'),
    end: formatInZone(s.endTime, tz, 'HH:mm'),
    capacity: String(s.capacity),
    location: s.location,
    notes: s.notes ?? '',
  };
}

/** Edit one class, or the rest of its series (a new time then applies to each later class on its own date). */
export function EditSessionDialog(props: {
  session: SessionDetail;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const s = props.session;
  const { timezone } = useStudio();
  const edit = useEditSession(s.id);
  const coaches = useCoachOptions([s.coach]);
  const [values, setValues] = useState(() => initialValues(s, timezone));
  const [scope, setScope] = useState<EditScope>('THIS');
  const [formError, setFormError] = useState<string | null>(null);
  const formId = useId();
  const set = (key: keyof typeof values) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [key]: e.target.value }));
  // A new start moves the end with it, so the class keeps its length (10:00–10:25 → 10:30–10:55).
  const setStart = (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, start: e.target.value, end: endKeepingLength(v, e.target.value) }));
  const initial = initialValues(s, timezone);

  const close = () => {
    props.onOpenChange(false);
    edit.reset();
    setFormError(null);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const patch: SessionPatch = { scope };
    if (values.title.trim() !== initial.title) patch.title = values.title.trim();
    if (values.coachId !== initial.coachId) patch.coachId = values.coachId;
    if (values.capacity !== initial.capacity) {
      const capacity = Number(values.capacity);
      if (!Number.isInteger(capacity) || capacity < 0)
        return setFormError('Capacity must be a whole number of places.');
      patch.capacity = capacity;
    }
    if (values.location !== initial.location) patch.location = values.location;
    if (values.notes !== initial.notes) patch.notes = values.notes;
    if (values.date !== initial.date || values.start !== initial.start || values.end !== initial.end) {
      if (!values.date || !values.start || !values.end) return setFormError('Give the date, start and end time.');
      const start = localDateTimeToInstant(values.date, values.start, timezone);
      const end = localDateTimeToInstant(values.date, values.end, timezone);
      if (end <= start) return setFormError('The end time must be after the start time.');
      patch.startTime = start.toISOString();
      patch.endTime = end.toISOString();
    }
    if (Object.keys(patch).length === 1) return setFormError('Nothing has changed.');
    edit.mutate(patch, {
      onSuccess: () => {
        close();
        toast.success(scope === 'FOLLOWING' ? 'Saved for this and the following classes.' : 'Class saved.');
      },
    });
  };

  return (
    <Dialog
      open={props.open}
      onOpenChange={(open) => (open ? props.onOpenChange(true) : close())}
      title="Edit class"
      description="Booked clients are told if the time or place changes."
      footer={
        <>
          <Button variant="secondary" onClick={close}>
            Close
          </Button>
          <Button type="submit" form={formId} loading={edit.isPending}>
            Save
          </Button>
        </>
      }
    >
      <form id={formId} onSubmit={submit} className="space-y-4" noValidate>
        {s.scheduleId && <ScopeChoice name="edit-scope" value={scope} onChange={setScope} verb="Change" />}
        <Field label="Title">
          <Input value={values.title} maxLength={100} onChange={set('title')} />
        </Field>
        <CoachField value={values.coachId} onChange={set('coachId')} coaches={coaches} />
        <div className="grid grid-cols-2 gap-3 sm:grid-cols-3">
          <Field label="Date" className="col-span-2 sm:col-span-1">
            <Input type="date" value={values.date} onChange={set('date')} />
          </Field>
          <Field label="Starts">
            <Input type="time" value={values.start} onChange={setStart} />
          </Field>
          <Field label="Ends">
            <Input type="time" value={values.end} onChange={set('end')} />
          </Field>
        </div>
        {scope === 'FOLLOWING' && (
          <p className="text-sm text-slate-600">
            A new time applies to every later class of the series on its own day (moving this one a day later moves them
            all a day later).
          </p>
        )}
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            label="Capacity"
            hint={`${s.attendingCount} booked now. Raising it gives places to the waitlist; it cannot go below the number booked.`}
          >
            <Input type="number" inputMode="numeric" min={0} value={values.capacity} onChange={set('capacity')} />
          </Field>
          <Field label="Location">
            <Input value={values.location} maxLength={200} onChange={set('location')} />
          </Field>
        </div>
        <Field label="Notes" hint="Shown to clients on the class page.">
          <Textarea value={values.notes} maxLength={2000} onChange={set('notes')} />
        </Field>
        {(formError || edit.error) && <Alert tone="error">{formError ?? errorMessage(edit.error)}</Alert>}
      </form>
    </Dialog>
  );
}
