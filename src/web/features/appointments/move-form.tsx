import { useState } from 'react';
import { toast } from 'sonner';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { Field } from '../../components/ui/field';
import { Input, Select } from '../../components/ui/input';
import { Spinner } from '../../components/ui/page';
import { errorMessage } from '../../lib/api';
import { formatInZone } from '../../lib/format';
import { localDateOf } from '../sessions/studio-time';
import { useStudio } from '../studio/use-studio';
import { useMoveAppointment, useSlots } from './queries';
import { SlotList, slotsOfDay, type PickedSlot } from './slot-list';
import type { Appointment } from './types';

/**
 * Staff move an appointment: a coach (the appointment's own unless staff choose another, or any
 * coach of the service), a day, then one of that day's free times.
 */
export function MoveForm(props: { appointment: Appointment; onDone: () => void }) {
  const a = props.appointment;
  const { timezone } = useStudio();
  const [day, setDay] = useState(() => localDateOf(a.startTime, timezone));
  const [coachId, setCoachId] = useState(a.coach.id); // '' = any coach of the service
  const [picked, setPicked] = useState<PickedSlot | null>(null);
  const slots = useSlots({
    serviceId: a.service.id,
    from: day,
    to: day,
    coachId: coachId || undefined,
    clientId: a.client.id,
  });
  const move = useMoveAppointment();
  // With "any coach", a time the appointment's own coach is free stays with them.
  const daySlots = slots.data && !slots.isPlaceholderData ? slotsOfDay(slots.data, day, timezone, a.coach.id) : [];
  // The service's coaches, and the appointment's own even if they no longer offer it.
  const offered = slots.data?.service.coaches ?? [];
  const coaches = offered.some((c) => c.id === a.coach.id) ? offered : [a.coach, ...offered];
  const submit = () => {
    if (!picked) return;
    move.mutate(
      { id: a.id, startTime: picked.startTime, coachId: picked.coach.id },
      {
        onSuccess: () => {
          toast.success(
            `Moved to ${formatInZone(picked.startTime, timezone, "EEE d MMM 'at' HH:mm")} with ${picked.coach.name}.`,
          );
          props.onDone();
        },
      },
    );
  };
  return (
    <div className="space-y-3 rounded-lg border border-slate-200 p-3">
      {/* One above the other: side by side, the dialog is too narrow for a coach's full name. */}
      <div className="space-y-3">
        <Field label="Coach">
          <Select
            value={coachId}
            onChange={(e) => {
              setPicked(null);
              setCoachId(e.target.value);
            }}
          >
            {coaches.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
                {c.id === a.coach.id ? ' (current)' : ''}
              </option>
            ))}
            <option value="">Any coach</option>
          </Select>
        </Field>
        <Field label="Move to day">
          <Input
            type="date"
            value={day}
            onChange={(e) => {
              setPicked(null);
              if (e.target.value) setDay(e.target.value);
            }}
          />
        </Field>
      </div>
      {slots.isFetching && <Spinner label="Finding free times…" />}
      {slots.error && <Alert tone="error">{errorMessage(slots.error)}</Alert>}
      {slots.data && !slots.isFetching && daySlots.length === 0 && (
        <p className="text-sm text-slate-600">No free times on this day.</p>
      )}
      {daySlots.length > 0 && (
        <SlotList
          slots={daySlots}
          showCoach
          selected={picked?.startTime ?? null}
          onPick={setPicked}
          timeZone={timezone}
        />
      )}
      {move.error && <Alert tone="error">{errorMessage(move.error)}</Alert>}
      <div className="flex gap-2">
        <Button variant="secondary" onClick={props.onDone}>
          Back
        </Button>
        <Button disabled={!picked} loading={move.isPending} onClick={submit}>
          Move here
        </Button>
      </div>
    </div>
  );
}
