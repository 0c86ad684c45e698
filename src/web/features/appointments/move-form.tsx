import { useState } from 'react';
import { toast } from 'sonner';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { Field } from '../../components/ui/field';
import { Input } from '../../components/ui/input';
import { Spinner } from '../../components/ui/page';
import { errorMessage } from '../../lib/api';
import { formatInZone } from '../../lib/format';
import { localDateOf } from '../sessions/studio-time';
import { useStudio } from '../studio/use-studio';
import { useMoveAppointment, useSlots } from './queries';
import { SlotList, slotsOfDay, type PickedSlot } from './slot-list';
import type { Appointment } from './types';

/** Staff move an appointment: a day, then one of that day's free times (any coach of the service). */
export function MoveForm(props: { appointment: Appointment; onDone: () => void }) {
  const a = props.appointment;
  const { timezone } = useStudio();
  const [day, setDay] = useState(() => localDateOf(a.startTime, timezone));
  const [picked, setPicked] = useState<PickedSlot | null>(null);
  const slots = useSlots({ serviceId: a.service.id, from: day, to: day, clientId: a.client.id });
  const move = useMoveAppointment();
  const daySlots = slots.data && !slots.isPlaceholderData ? slotsOfDay(slots.data, day, timezone) : [];
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
