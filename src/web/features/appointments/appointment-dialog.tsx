import { useState } from 'react';
import { toast } from 'sonner';
import { Alert } from '../../components/ui/alert';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { Field } from '../../components/ui/field';
import { Textarea } from '../../components/ui/input';
import { Spinner } from '../../components/ui/page';
import { errorMessage } from '../../lib/api';
import { formatInZone } from '../../lib/format';
import { useStudio } from '../studio/use-studio';
import { CancelAppointment } from './cancel-appointment';
import { MoveForm } from './move-form';
import { useAppointment, useMarkAppointment, useSaveAppointmentNotes } from './queries';
import { APPOINTMENT_STATUS_LABELS, STATUS_TONES, timeSpan } from './text';
import type { Appointment } from './types';

function Details(props: { appointment: Appointment }) {
  const a = props.appointment;
  const mark = useMarkAppointment();
  const saveNotes = useSaveAppointmentNotes();
  const [coachNotes, setCoachNotes] = useState(a.coachNotes ?? '');
  const [moving, setMoving] = useState(false);
  const started = new Date(a.startTime) <= new Date();
  const live = a.status === 'BOOKED' || a.status === 'ATTENDED' || a.status === 'NO_SHOW';
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
        <Badge tone={STATUS_TONES[a.status]}>{APPOINTMENT_STATUS_LABELS[a.status]}</Badge>
        <span>
          {a.creditsConsumed > 0
            ? `${a.creditsConsumed} credit used`
            : a.compReason
              ? `Complimentary: ${a.compReason}`
              : 'No credit used'}
        </span>
      </div>
      <p className="text-sm text-slate-700">
        {a.client.name} ({a.client.email}) with {a.coach.name}
        {a.bookedBy && a.bookedBy.id !== a.client.id && ` · booked by ${a.bookedBy.name}`}
      </p>
      {a.notes && (
        <p className="rounded-lg bg-slate-50 px-3 py-2 text-sm text-slate-800">
          <span className="font-medium">Client’s note:</span> {a.notes}
        </p>
      )}
      {live && started && (
        <div className="flex gap-2" role="group" aria-label="Attendance">
          {(['ATTENDED', 'NO_SHOW'] as const).map((status) => (
            <Button
              key={status}
              variant={a.status === status ? 'primary' : 'secondary'}
              aria-pressed={a.status === status}
              loading={mark.isPending && mark.variables?.status === status}
              onClick={() => mark.mutate({ id: a.id, status })}
            >
              {status === 'ATTENDED' ? 'Attended' : 'No-show'}
            </Button>
          ))}
        </div>
      )}
      {mark.error && <Alert tone="error">{errorMessage(mark.error)}</Alert>}
      <Field label="Private notes" hint="Only coaches and admins see these.">
        <Textarea maxLength={4000} value={coachNotes} onChange={(e) => setCoachNotes(e.target.value)} />
      </Field>
      <Button
        variant="secondary"
        disabled={coachNotes === (a.coachNotes ?? '')}
        loading={saveNotes.isPending}
        onClick={() => saveNotes.mutate({ id: a.id, coachNotes }, { onSuccess: () => toast.success('Notes saved.') })}
      >
        Save notes
      </Button>
      {saveNotes.error && <Alert tone="error">{errorMessage(saveNotes.error)}</Alert>}
      {a.status === 'BOOKED' && !started && (
        <div className="border-t border-slate-100 pt-4">
          {moving ? (
            <MoveForm appointment={a} onDone={() => setMoving(false)} />
          ) : (
            <div className="flex flex-wrap gap-2">
              <Button variant="secondary" onClick={() => setMoving(true)}>
                Move
              </Button>
              <CancelAppointment appointment={a} staff />
            </div>
          )}
        </div>
      )}
    </div>
  );
}

/** An appointment as the coach (or admin) sees it: attendance, private notes, move, cancel. */
export function AppointmentDialog(props: { id: string; onClose: () => void }) {
  const { timezone } = useStudio();
  const appointment = useAppointment(props.id);
  const a = appointment.data;
  return (
    <Dialog
      open
      onOpenChange={(open) => !open && props.onClose()}
      title={a ? a.service.name : '1-on-1 appointment'}
      description={a ? `${formatInZone(a.startTime, timezone, 'EEEE d MMMM')}, ${timeSpan(a, timezone)}` : undefined}
      footer={
        <Button variant="secondary" onClick={props.onClose}>
          Close
        </Button>
      }
    >
      {appointment.isPending && <Spinner />}
      {appointment.error && <Alert tone="error">{errorMessage(appointment.error)}</Alert>}
      {a && <Details appointment={a} />}
    </Dialog>
  );
}
