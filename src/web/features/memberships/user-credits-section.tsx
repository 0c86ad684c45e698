import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { toast } from 'sonner';
import { Alert } from '../../components/ui/alert';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { Card, CardBody, CardHeader } from '../../components/ui/card';
import { Dialog } from '../../components/ui/dialog';
import { api, errorMessage } from '../../lib/api';
import { AdjustCreditsDialog } from './adjust-credits-dialog';
import { AssignMembershipDialog } from './assign-membership-dialog';
import { CreditHistory } from './credit-history';
import { CreditSummary } from './credit-summary';
import { PauseForDatesButton } from './pause-dialog';
import { membershipKeys, useChangeMembership, useUserCredits, useUserMemberships } from './queries';
import { endText, isEnding, localDateText, PLAN_TYPE_LABELS, statusLabel, statusTone } from './text';
import type { Membership } from './types';

type Target = 'ACTIVE' | 'PAUSED' | 'CANCELLED';
const ACTION_TEXT: Record<Target, { button: string; done: string }> = {
  PAUSED: { button: 'Pause', done: 'paused: no new weekly credits until you resume it' },
  ACTIVE: { button: 'Resume', done: 'resumed: this week’s credits are back' },
  CANCELLED: { button: 'Cancel membership', done: 'cancelled: it ends today' },
};

function MembershipRow(props: { membership: Membership; userId: string; onError: (m: string | null) => void }) {
  const m = props.membership;
  const change = useChangeMembership(props.userId);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const run = (status: Target) =>
    change.mutate(
      { membershipId: m.id, status },
      {
        onSuccess: () => {
          props.onError(null);
          setConfirmCancel(false);
          toast.success(`${m.planName} ${ACTION_TEXT[status].done}.`);
        },
        onError: (e) => {
          setConfirmCancel(false);
          props.onError(errorMessage(e));
        },
      },
    );
  const held = m.status === 'ACTIVE' || m.status === 'PAUSED';
  return (
    <li className="flex flex-col gap-2 py-3 sm:flex-row sm:items-start">
      <div className="min-w-0 flex-1 text-sm">
        <p className="flex flex-wrap items-center gap-2 font-semibold text-slate-900">
          {m.planName} <Badge tone={statusTone(m)}>{statusLabel(m)}</Badge>
        </p>
        <p className="text-slate-700">
          {PLAN_TYPE_LABELS[m.planType]} · from {localDateText(m.startDate, true)}
          {m.endDate && !isEnding(m) ? ` to ${localDateText(m.endDate, true)}` : ''}
          {m.status === 'PAUSED' && m.pausedOn ? ` · paused since ${localDateText(m.pausedOn)}` : ''}
        </p>
        {isEnding(m) && (
          <p className="font-medium text-amber-900">
            {endText(m)}: the client cancelled it in the billing portal, so it will not renew.
          </p>
        )}
        {m.pause && (
          <p className="text-amber-900">
            Pause booked: {localDateText(m.pause.from)} to {localDateText(m.pause.until)} ({m.pause.reason}); resumes by
            itself the day after.
          </p>
        )}
        <p className="text-slate-600">
          {m.paymentReference ? `Paid: ${m.paymentReference}` : 'No payment reference'}
          {m.assignedByName ? ` · assigned by ${m.assignedByName}` : ''}
          {m.commitmentEndsOn ? ` · commitment until ${localDateText(m.commitmentEndsOn, true)}` : ''}
        </p>
      </div>
      {held && (
        <div className="flex flex-wrap gap-2">
          {m.status === 'ACTIVE' && m.planType !== 'PACK' && (
            <Button
              size="sm"
              variant="secondary"
              loading={change.isPending && change.variables?.status === 'PAUSED'}
              onClick={() => run('PAUSED')}
              aria-label={`Pause now: ${m.planName}`}
            >
              Pause now
            </Button>
          )}
          {m.status === 'ACTIVE' && m.planType !== 'PACK' && (
            <PauseForDatesButton membership={m} userId={props.userId} />
          )}
          {m.status === 'PAUSED' && (
            <Button
              size="sm"
              variant="secondary"
              loading={change.isPending && change.variables?.status === 'ACTIVE'}
              onClick={() => run('ACTIVE')}
              aria-label={`Resume ${m.planName}`}
            >
              Resume
            </Button>
          )}
          <Button
            size="sm"
            variant="ghost"
            onClick={() => setConfirmCancel(true)}
            aria-label={`Cancel plan: ${m.planName}`}
          >
            Cancel plan
          </Button>
        </div>
      )}
      <Dialog
        open={confirmCancel}
        onOpenChange={setConfirmCancel}
        title={`Cancel ${m.planName}?`}
        description="It ends today. Credits for later days are removed; classes already booked stay booked."
        footer={
          <>
            <Button variant="secondary" onClick={() => setConfirmCancel(false)}>
              Keep it
            </Button>
            <Button variant="danger" loading={change.isPending} onClick={() => run('CANCELLED')}>
              Cancel membership
            </Button>
          </>
        }
      />
    </li>
  );
}

/** On the admin's user page: memberships (assign, pause, resume, cancel), credits, adjustments and the ledger. */
export function UserCreditsSection(props: { userId: string }) {
  const { userId } = props;
  const user = useQuery({
    queryKey: ['admin', 'users', 'one', userId],
    queryFn: () => api.get('/api/admin/users/:id', { params: { id: userId } }),
  });
  const memberships = useUserMemberships(userId);
  const credits = useUserCredits(userId);
  const [assigning, setAssigning] = useState(false);
  const [adjusting, setAdjusting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const name = user.data?.name ?? 'this person';
  return (
    <>
      <Card>
        <CardHeader
          title="Memberships"
          action={
            <Button size="sm" onClick={() => setAssigning(true)}>
              Assign a plan
            </Button>
          }
        />
        <CardBody>
          {error && (
            <Alert tone="error" className="mb-3">
              {error}
            </Alert>
          )}
          {memberships.error && <Alert tone="error">{errorMessage(memberships.error)}</Alert>}
          {memberships.data?.length === 0 && <p className="text-sm text-slate-600">No memberships yet.</p>}
          <ul className="divide-y divide-slate-100">
            {memberships.data?.map((m) => (
              <MembershipRow key={m.id} membership={m} userId={userId} onError={setError} />
            ))}
          </ul>
        </CardBody>
      </Card>
      <Card>
        <CardHeader
          title="Credits"
          action={
            <Button size="sm" variant="secondary" onClick={() => setAdjusting(true)}>
              Adjust credits
            </Button>
          }
        />
        <CardBody>
          {credits.error && <Alert tone="error">{errorMessage(credits.error)}</Alert>}
          {credits.data && <CreditSummary data={credits.data} who="they" />}
        </CardBody>
      </Card>
      <Card>
        <CardHeader title={<span id={`ledger-${userId}`}>Credit history</span>} />
        <CardBody>
          <CreditHistory
            userId={userId}
            queryKey={[...membershipKeys.user(userId), 'ledger']}
            showActor
            headingId={`ledger-${userId}`}
          />
        </CardBody>
      </Card>
      {assigning && (
        <AssignMembershipDialog userId={userId} userName={name} open={assigning} onOpenChange={setAssigning} />
      )}
      {adjusting && (
        <AdjustCreditsDialog userId={userId} userName={name} open={adjusting} onOpenChange={setAdjusting} />
      )}
    </>
  );
}
