import { BellRing } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { Field } from '../../components/ui/field';
import { Input, Textarea } from '../../components/ui/input';
import { api, errorMessage, type ApiResponse } from '../../lib/api';
import { splitFieldError } from '../../lib/field-errors';
import { useCohortMutation } from './use-cohorts';

type NudgeResult = ApiResponse<'POST /api/cohorts/:id/nudges'>;
const SKIP_REASONS: Record<NudgeResult['skipped'][number]['reason'], string> = {
  ALREADY_NUDGED_TODAY: 'already nudged today',
  NOT_AN_ACTIVE_MEMBER: 'not an active member',
};

function useNudge(cohortId: string) {
  return useCohortMutation((body: { userIds?: string[]; notCheckedInForDays?: number; message?: string }) =>
    api.post('/api/cohorts/:id/nudges', { params: { id: cohortId }, body }),
  );
}

function NudgeOutcome(props: { result: NudgeResult }) {
  const { nudged, skipped } = props.result;
  return (
    <div className="space-y-3" role="status">
      <p className="font-medium text-slate-900">
        {nudged.length === 0
          ? 'Nobody was nudged.'
          : `Nudged ${nudged.length} ${nudged.length === 1 ? 'client' : 'clients'}: ${nudged.map((n) => n.name).join(', ')}.`}
      </p>
      {skipped.length > 0 && (
        <div>
          <p className="text-sm font-medium text-slate-800">Skipped {skipped.length}:</p>
          <ul className="mt-1 list-disc pl-5 text-sm text-slate-700">
            {skipped.map((s) => (
              <li key={s.userId}>
                {s.name ?? 'Unknown client'} — {SKIP_REASONS[s.reason]}
              </li>
            ))}
          </ul>
        </div>
      )}
      <p className="text-sm text-slate-600">A client gets at most one nudge a day, in the app and by email.</p>
    </div>
  );
}

function NudgeDialog(props: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  cohortId: string;
  title: string;
  description: string;
  withDays?: boolean;
  userIds?: string[];
}) {
  const nudge = useNudge(props.cohortId);
  const [days, setDays] = useState('2');
  const [message, setMessage] = useState('');
  const fieldError = splitFieldError(nudge.error);
  const close = (open: boolean) => {
    props.onOpenChange(open);
    if (!open) {
      nudge.reset();
      setMessage('');
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    nudge.mutate({
      ...(props.withDays ? { notCheckedInForDays: Number(days) } : { userIds: props.userIds }),
      ...(message.trim() ? { message: message.trim() } : {}),
    });
  };
  return (
    <Dialog
      open={props.open}
      onOpenChange={close}
      title={props.title}
      description={nudge.data ? undefined : props.description}
      footer={
        nudge.data ? (
          <Button onClick={() => close(false)}>Done</Button>
        ) : (
          <>
            <Button variant="secondary" onClick={() => close(false)}>
              Cancel
            </Button>
            <Button type="submit" form={`nudge-${props.cohortId}`} loading={nudge.isPending}>
              <BellRing className="size-4" aria-hidden /> Send nudge
            </Button>
          </>
        )
      }
    >
      {nudge.data ? (
        <NudgeOutcome result={nudge.data} />
      ) : (
        <form id={`nudge-${props.cohortId}`} onSubmit={submit} className="space-y-4" noValidate>
          {nudge.error && !fieldError && <Alert tone="error">{errorMessage(nudge.error)}</Alert>}
          {props.withDays && (
            <Field
              label="Not checked in for at least … days"
              hint="Today counts: 1 = everyone who has not checked in today."
              error={fieldError?.path === 'notCheckedInForDays' ? fieldError.message : null}
            >
              <Input inputMode="numeric" className="w-24" value={days} onChange={(e) => setDays(e.target.value)} />
            </Field>
          )}
          <Field
            label="Message (optional)"
            hint="Without one they get a friendly reminder to check in."
            error={fieldError?.path === 'message' ? fieldError.message : null}
          >
            <Textarea
              className="min-h-20"
              value={message}
              maxLength={500}
              onChange={(e) => setMessage(e.target.value)}
            />
          </Field>
        </form>
      )}
    </Dialog>
  );
}

/** "Nudge" one member to check in. */
export function NudgeButton(props: {
  cohortId: string;
  member: { userId: string; name: string };
  variant?: 'ghost' | 'secondary';
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        variant={props.variant ?? 'ghost'}
        size="sm"
        onClick={() => setOpen(true)}
        aria-label={`Nudge ${props.member.name}`}
      >
        <BellRing className="size-4" aria-hidden /> Nudge
      </Button>
      <NudgeDialog
        open={open}
        onOpenChange={setOpen}
        cohortId={props.cohortId}
        userIds={[props.member.userId]}
        title={`Nudge ${props.member.name}`}
        description="They get a notification in the app and an email asking them to check in."
      />
    </>
  );
}

/** "Nudge everyone not checked in for N days". */
export function NudgeEveryoneButton(props: { cohortId: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        <BellRing className="size-4" aria-hidden />
        <span className="sm:hidden">Nudge all late</span>
        <span className="hidden sm:inline">Nudge who hasn't checked in</span>
      </Button>
      <NudgeDialog
        open={open}
        onOpenChange={setOpen}
        cohortId={props.cohortId}
        withDays
        title="Nudge everyone not checked in"
        description="Every active member without a check-in in that time gets a notification and an email."
      />
    </>
  );
}
