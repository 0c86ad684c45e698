import { Check, UserMinus, X } from 'lucide-react';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { toast } from 'sonner';
import { Alert } from '../../components/ui/alert';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { Card, CardBody, CardHeader } from '../../components/ui/card';
import { Dialog } from '../../components/ui/dialog';
import { errorMessage } from '../../lib/api';
import { cn } from '../../lib/cn';
import { formatInZone } from '../../lib/format';
import { useMe } from '../auth/use-me';
import { MarkAllAttended, RosterFacts } from '../people/roster-facts';
import { useStudio } from '../studio/use-studio';
import { describeClass } from './cancel-booking';
import { DeskPaymentStatus } from './desk-payment-status';
import { useMarkAttendance, useRemoveRegistration } from './queries';
import { REGISTRATION_LABELS, credits, ordinal } from './session-text';
import type { RosterEntry, SessionDetail } from './types';
import { useNow } from './use-now';

// The window the API states for attendance (POST /api/sessions/{id}/attendance); it decides.
const OPENS_BEFORE_START_MS = 15 * 60_000;
const CLOSES_AFTER_END_MS = 24 * 3_600_000;

export function attendanceWindow(s: SessionDetail) {
  return {
    opensAt: new Date(Date.parse(s.startTime) - OPENS_BEFORE_START_MS),
    closesAt: new Date(Date.parse(s.endTime) + CLOSES_AFTER_END_MS),
  };
}

function AttendanceToggle(props: {
  session: SessionDetail;
  entry: RosterEntry;
  open: boolean;
  onError: (m: string | null) => void;
}) {
  const mark = useMarkAttendance(props.session.id);
  const { entry } = props;
  const set = (status: 'ATTENDED' | 'NO_SHOW') =>
    mark.mutate(
      { userId: entry.user.id, status },
      { onSuccess: () => props.onError(null), onError: (e) => props.onError(`${entry.user.name}: ${errorMessage(e)}`) },
    );
  const option = (status: 'ATTENDED' | 'NO_SHOW', label: string, Icon: typeof Check, tone: string) => {
    const pressed = entry.status === status;
    return (
      <button
        type="button"
        aria-pressed={pressed}
        disabled={!props.open || mark.isPending}
        onClick={() => set(status)}
        className={cn(
          'inline-flex min-h-11 flex-1 items-center justify-center gap-1 rounded-lg border px-3 text-sm font-medium disabled:cursor-not-allowed disabled:opacity-50 sm:flex-none',
          pressed ? tone : 'border-slate-300 bg-white text-slate-800 hover:bg-slate-50',
        )}
      >
        <Icon className="size-4" aria-hidden />
        {label}
        <span className="sr-only"> — {entry.user.name}</span>
      </button>
    );
  };
  return (
    <div className="flex gap-2" role="group" aria-label={`Attendance of ${entry.user.name}`}>
      {option('ATTENDED', 'Attended', Check, 'border-green-700 bg-green-700 text-white')}
      {option('NO_SHOW', 'No-show', X, 'border-red-700 bg-red-700 text-white')}
    </div>
  );
}

function RemoveButton(props: { session: SessionDetail; entry: RosterEntry }) {
  const { timezone } = useStudio();
  const remove = useRemoveRegistration();
  const [open, setOpen] = useState(false);
  const waitlisted = props.entry.status === 'WAITLISTED';
  const name = props.entry.user.name;
  return (
    <>
      <Button
        variant="ghost"
        size="md"
        className="w-11 px-0"
        aria-label={waitlisted ? `Take ${name} off the waitlist` : `Remove ${name} from the class`}
        onClick={() => setOpen(true)}
      >
        <UserMinus className="size-5" aria-hidden />
      </Button>
      <Dialog
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          if (!next) remove.reset();
        }}
        title={waitlisted ? `Take ${name} off the waitlist?` : `Remove ${name} from this class?`}
        description={describeClass(props.session, timezone)}
        footer={
          <>
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Keep {name.split(' ')[0]}
            </Button>
            <Button
              variant="danger"
              loading={remove.isPending}
              onClick={async () => {
                // mutateAsync: the row (and this button) disappears when the roster refreshes.
                try {
                  const r = await remove.mutateAsync(props.entry.id);
                  setOpen(false);
                  toast.success(
                    waitlisted
                      ? `${name} is off the waitlist.`
                      : `${name} removed.${r.refunded > 0 ? ` ${credits(r.refunded)} given back.` : ''}`,
                  );
                } catch {
                  // Shown in the dialog from remove.error.
                }
              }}
            >
              {waitlisted ? 'Take off waitlist' : 'Remove'}
            </Button>
          </>
        }
      >
        <p className="text-sm text-slate-700">
          {waitlisted
            ? 'They lose their place in the queue; everyone behind them moves up.'
            : 'Their credit is given back. If someone is waiting, the first person on the waitlist who can pay gets the place.'}
        </p>
        {remove.error && (
          <Alert tone="error" className="mt-3">
            {errorMessage(remove.error)}
          </Alert>
        )}
      </Dialog>
    </>
  );
}

/** Who holds a place, with attendance marking inside its window and removal by hand. */
export function RosterCard(props: { session: SessionDetail; addClient?: ReactNode }) {
  const s = props.session;
  const { timezone } = useStudio();
  const now = useNow();
  const [error, setError] = useState<string | null>(null);
  const entries = s.registrations ?? [];
  const window = attendanceWindow(s);
  const isAdmin = useMe().data?.role === 'ADMIN';
  const windowOpen = s.status !== 'CANCELLED' && now >= window.opensAt && now <= window.closesAt;
  // After the window only an admin may still correct a mark (the API logs it with before and after).
  const lateCorrection = s.status !== 'CANCELLED' && isAdmin && now > window.closesAt;
  const attendanceOpen = windowOpen || lateCorrection;
  // Marking controls appear once the window opens and stay (disabled) afterwards as a record.
  const showMarking = s.status !== 'CANCELLED' && now >= window.opensAt;
  const marked = entries.filter((e) => e.status === 'ATTENDED').length;
  const noShows = entries.filter((e) => e.status === 'NO_SHOW').length;
  return (
    <Card>
      <CardHeader
        title={`Booked (${entries.length} of ${s.capacity})`}
        description={
          entries.length > 0 && showMarking
            ? `${marked} attended · ${noShows} no-show · ${entries.length - marked - noShows} not marked`
            : undefined
        }
        action={props.addClient}
      />
      <CardBody className="space-y-3">
        {s.status !== 'CANCELLED' && entries.length > 0 && (
          <p className="text-sm text-slate-600">
            {lateCorrection
              ? 'The 24 hours to mark attendance have passed. As an admin you can still correct a mark; each correction is kept in the audit log.'
              : windowOpen
                ? `Mark who came until ${formatInZone(window.closesAt, timezone, "EEE d MMM 'at' HH:mm")}.`
                : now < window.opensAt
                  ? `Attendance can be marked from ${formatInZone(window.opensAt, timezone, "EEE d MMM 'at' HH:mm")} (15 minutes before the start).`
                  : 'Attendance can no longer be changed (24 hours after the end have passed).'}
          </p>
        )}
        {attendanceOpen && (
          <MarkAllAttended
            sessionId={s.id}
            unmarked={entries.filter((e) => e.status === 'REGISTERED').map((e) => e.user.id)}
          />
        )}
        {error && <Alert tone="error">{error}</Alert>}
        {entries.length === 0 ? (
          <p className="text-sm text-slate-600">
            {s.status === 'CANCELLED' ? 'This class was cancelled; everyone was refunded.' : 'Nobody has booked yet.'}
          </p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {entries.map((e) => (
              <li key={e.id} className="flex flex-wrap items-center gap-x-2 gap-y-2 py-3">
                <div className="min-w-0 flex-1">
                  <p className="font-medium text-slate-900">
                    <Link to={`/clients/${e.user.id}`} className="hover:underline">
                      {e.user.name}
                    </Link>{' '}
                    {e.status !== 'REGISTERED' && (
                      <Badge tone={e.status === 'ATTENDED' ? 'success' : 'danger'}>
                        {REGISTRATION_LABELS[e.status]}
                      </Badge>
                    )}
                    {e.promotedAt && (
                      <Badge tone="info" className="ml-1">
                        From waitlist
                      </Badge>
                    )}
                  </p>
                  <p className="truncate text-sm text-slate-600">{e.user.email}</p>
                  <DeskPaymentStatus sessionId={s.id} entry={e} />
                  <RosterFacts sessionId={s.id} userId={e.user.id} />
                </div>
                {s.status === 'SCHEDULED' && e.status === 'REGISTERED' && (
                  <div className="sm:order-last">
                    <RemoveButton session={s} entry={e} />
                  </div>
                )}
                {showMarking && (
                  <div className="w-full sm:w-auto">
                    <AttendanceToggle session={s} entry={e} open={attendanceOpen} onError={setError} />
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </CardBody>
    </Card>
  );
}

/** The waitlist in queue order. */
export function WaitlistCard(props: { session: SessionDetail }) {
  const s = props.session;
  const list = s.waitlist ?? [];
  if (s.status === 'CANCELLED') return null;
  return (
    <Card>
      <CardHeader
        title={`Waitlist (${list.length})`}
        description={
          list.length ? 'First come, first served: a freed place goes to the first person who can pay.' : undefined
        }
      />
      <CardBody>
        {list.length === 0 ? (
          <p className="text-sm text-slate-600">Nobody is waiting.</p>
        ) : (
          <ol className="divide-y divide-slate-100">
            {list.map((e) => (
              <li key={e.id} className="flex items-center gap-3 py-2">
                <span className="w-10 shrink-0 text-sm font-semibold text-slate-700">
                  {ordinal(e.waitlistPosition ?? 0)}
                </span>
                <div className="min-w-0 flex-1">
                  <p className="font-medium text-slate-900">{e.user.name}</p>
                  <p className="truncate text-sm text-slate-600">{e.user.email}</p>
                </div>
                {s.status === 'SCHEDULED' && <RemoveButton session={s} entry={e} />}
              </li>
            ))}
          </ol>
        )}
      </CardBody>
    </Card>
  );
}
