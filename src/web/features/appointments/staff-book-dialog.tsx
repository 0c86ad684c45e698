import { useState } from 'react';
import { toast } from 'sonner';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { Field } from '../../components/ui/field';
import { Input, Select } from '../../components/ui/input';
import { Spinner } from '../../components/ui/page';
import { errorMessage } from '../../lib/api';
import { formatInZone } from '../../lib/format';
import { localDateOf } from '../sessions/studio-time';
import { useStudio } from '../studio/use-studio';
import { ClientSearchField, type ClientChoice } from './client-search-field';
import { CreditsNote } from './credits-note';
import { useBookAppointment, useServices, useSlots } from './queries';
import { SlotList, slotsOfDay, type PickedSlot } from './slot-list';

/**
 * Staff book a 1-on-1 for a client (any active service, staff-only ones too), with the client's
 * credits, or as a complimentary session with a reason written in the ledger.
 */
export function StaffBookDialog(props: { coachId?: string; client?: ClientChoice; onClose: () => void }) {
  const { timezone } = useStudio();
  const services = useServices();
  const active = (services.data ?? []).filter((s) => s.active && s.coaches.length > 0);
  const [client, setClient] = useState<ClientChoice | null>(props.client ?? null);
  const [serviceId, setServiceId] = useState('');
  const service = active.find((s) => s.id === serviceId) ?? active[0];
  const [coachId, setCoachId] = useState(props.coachId ?? '');
  const offered = service?.coaches.some((c) => c.id === coachId) ? coachId : '';
  const [day, setDay] = useState(() => localDateOf(new Date(), timezone));
  const [picked, setPicked] = useState<PickedSlot | null>(null);
  const [comp, setComp] = useState(false);
  const [compReason, setCompReason] = useState('');
  const slots = useSlots({
    serviceId: service?.id,
    from: day,
    to: day,
    coachId: offered || undefined,
    clientId: client?.id,
  });
  const book = useBookAppointment();
  const daySlots = slots.data && !slots.isPlaceholderData ? slotsOfDay(slots.data, day, timezone) : [];
  const reset = () => setPicked(null);
  const submit = () => {
    if (!client || !service || !picked) return;
    book.mutate(
      {
        serviceId: service.id,
        // "Any coach": the server picks the free one with the fewest 1-on-1s that day.
        coachId: offered || undefined,
        startTime: picked.startTime,
        clientId: client.id,
        compReason: comp ? compReason.trim() : undefined,
      },
      {
        onSuccess: (booked) => {
          toast.success(
            `${client.name} is booked: ${service.name} with ${booked.coach.name}, ${formatInZone(picked.startTime, timezone, "EEE d MMM 'at' HH:mm")}.`,
          );
          props.onClose();
        },
      },
    );
  };
  return (
    <Dialog open onOpenChange={(open) => !open && props.onClose()} title="Book a 1-on-1 for a client">
      {services.isPending && <Spinner />}
      {services.error && <Alert tone="error">{errorMessage(services.error)}</Alert>}
      {services.data && !service && <Alert tone="info">No active service with a coach yet.</Alert>}
      {service && (
        <div className="space-y-4">
          <ClientSearchField value={client} onChange={(c) => (setClient(c), reset())} />
          <div className="grid gap-3 sm:grid-cols-2">
            <Field label="Service">
              <Select value={service.id} onChange={(e) => (setServiceId(e.target.value), reset())}>
                {active.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                    {s.selfBookable ? '' : ' (staff only)'}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label="Coach">
              <Select value={offered} onChange={(e) => (setCoachId(e.target.value), reset())}>
                <option value="">Any coach</option>
                {service.coaches.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
          <Field label="Day">
            <Input type="date" value={day} onChange={(e) => e.target.value && (setDay(e.target.value), reset())} />
          </Field>
          {slots.isFetching && <Spinner label="Finding free times…" />}
          {slots.error && <Alert tone="error">{errorMessage(slots.error)}</Alert>}
          {slots.data && !slots.isFetching && daySlots.length === 0 && (
            <p className="text-sm text-slate-600">No free times on this day.</p>
          )}
          {daySlots.length > 0 && (
            <SlotList
              slots={daySlots}
              showCoach={false}
              selected={picked?.startTime ?? null}
              onPick={setPicked}
              timeZone={timezone}
            />
          )}
          {client && slots.data?.credits && !comp && (
            <CreditsNote credits={slots.data.credits} timeZone={timezone} self={false} />
          )}
          <label className="flex min-h-11 items-center gap-3 text-sm font-medium text-slate-900">
            <input
              type="checkbox"
              className="size-5 accent-brand-700"
              checked={comp}
              onChange={(e) => setComp(e.target.checked)}
            />
            Complimentary (no credit used)
          </label>
          {comp && (
            <Field label="Reason" hint="Written in the client’s credit history.">
              <Input maxLength={200} value={compReason} onChange={(e) => setCompReason(e.target.value)} />
            </Field>
          )}
          {book.error && <Alert tone="error">{errorMessage(book.error)}</Alert>}
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button variant="secondary" onClick={props.onClose}>
              Close
            </Button>
            <Button
              disabled={!client || !picked || (comp && !compReason.trim())}
              loading={book.isPending}
              onClick={submit}
            >
              Book
            </Button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
