import { useState, type FormEvent } from 'react';
import { toast } from 'sonner';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { Card, CardBody, CardHeader } from '../../components/ui/card';
import { Field } from '../../components/ui/field';
import { Select } from '../../components/ui/input';
import { errorMessage } from '../../lib/api';
import { WithdrawButton } from './withdraw-button';
import { useUpdateMember, type MemberDetail } from './use-cohorts';

const CADENCES = [1, 2, 3, 7];

/** Pause or resume a member, give them their own check-in rhythm, or withdraw them. */
export function MembershipSettings(props: {
  cohortId: string;
  cohortName: string;
  cohortCadence: number | null;
  detail: MemberDetail;
}) {
  const m = props.detail.member;
  const update = useUpdateMember(props.cohortId, m.userId);
  const [cadence, setCadence] = useState(m.cadenceOverridden ? String(m.checkInCadenceDays) : '');
  const first = m.name.split(' ')[0];
  const paused = m.status === 'PAUSED';
  const options = [...new Set([...CADENCES, m.checkInCadenceDays])].sort((a, b) => a - b);
  const saveCadence = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(
      { checkInCadenceDays: cadence === '' ? null : Number(cadence) },
      { onSuccess: () => toast.success(`${first}'s check-in rhythm is saved.`) },
    );
  };
  return (
    <Card>
      <CardHeader
        title="Membership"
        description={paused ? `${first} is paused: no reminders or nudges until resumed.` : undefined}
      />
      <CardBody className="space-y-4">
        {update.error && <Alert tone="error">{errorMessage(update.error)}</Alert>}
        <form onSubmit={saveCadence} className="flex flex-wrap items-end gap-2">
          <Field label="Expected check-ins" className="w-full sm:w-80">
            <Select value={cadence} onChange={(e) => setCadence(e.target.value)}>
              <option value="">
                As the cohort
                {props.cohortCadence
                  ? ` (${props.cohortCadence === 1 ? 'daily' : `every ${props.cohortCadence} days`})`
                  : ''}
              </option>
              {options.map((n) => (
                <option key={n} value={n}>
                  {n === 1 ? 'Every day' : `Every ${n} days`}
                </option>
              ))}
            </Select>
          </Field>
          <Button
            type="submit"
            variant="secondary"
            loading={update.isPending && update.variables?.checkInCadenceDays !== undefined}
          >
            Save rhythm
          </Button>
        </form>
        <div className="flex flex-wrap gap-2 border-t border-slate-100 pt-4">
          <Button
            variant="secondary"
            loading={update.isPending && update.variables?.status !== undefined}
            onClick={() =>
              update.mutate(
                { status: paused ? 'ACTIVE' : 'PAUSED' },
                { onSuccess: () => toast.success(paused ? `${first} is active again.` : `${first} is paused.`) },
              )
            }
          >
            {paused ? `Resume ${first}` : `Pause ${first}`}
          </Button>
          <WithdrawButton cohortId={props.cohortId} cohortName={props.cohortName} member={m} />
        </div>
      </CardBody>
    </Card>
  );
}
