import { Plus } from 'lucide-react';
import { useState } from 'react';
import { toast } from 'sonner';
import { Alert } from '../../components/ui/alert';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { Card } from '../../components/ui/card';
import { EmptyState, PageHeader, Spinner } from '../../components/ui/page';
import { errorMessage } from '../../lib/api';
import { PlanDialog } from './plan-form';
import { usePlans, useSavePlan } from './queries';
import { paysForOneOnOnes, planTerms, planTypeLabel, priceText } from './text';
import type { Plan } from './types';

function PlanRow(props: { plan: Plan; onError: (m: string | null) => void }) {
  const p = props.plan;
  const [editing, setEditing] = useState(false);
  const save = useSavePlan();
  const toggle = () =>
    save.mutate(
      { id: p.id, values: { active: !p.active } },
      {
        onSuccess: () => {
          props.onError(null);
          toast.success(
            p.active
              ? `${p.name} deactivated: it can no longer be assigned. Current members keep it.`
              : `${p.name} is offered again.`,
          );
        },
        onError: (e) => props.onError(errorMessage(e)),
      },
    );
  return (
    <li className="flex flex-col gap-3 px-4 py-4 sm:flex-row sm:items-start sm:px-5">
      <div className="min-w-0 flex-1">
        <h2 className="flex flex-wrap items-center gap-2 font-semibold text-slate-900">
          {p.name}
          <Badge tone="brand">{planTypeLabel(p)}</Badge>
          {!p.active && <Badge>Inactive</Badge>}
          {!p.purchasableByClient && <Badge tone="info">Admin only</Badge>}
        </h2>
        <p className="mt-0.5 text-sm text-slate-700">
          {priceText(p)} · {planTerms(p)}
          {/* A plan that pays for 1-on-1s already says what it covers in its terms. */}
          {!paysForOneOnOnes(p) && p.classTypes.length > 0 && ` · ${p.classTypes.map((c) => c.name).join(', ')} only`}
          {!paysForOneOnOnes(p) && !p.coversAllClassTypes && p.classTypes.length === 0 && ' · no classes'}
        </p>
        <p className="text-sm text-slate-600">
          {p.activeMembers === 1 ? '1 member' : `${p.activeMembers ?? 0} members`} now
          {!p.allowRepeatPurchase && ' · once per person'}
        </p>
      </div>
      <div className="flex gap-2">
        <Button variant="secondary" size="sm" onClick={() => setEditing(true)} aria-label={`Edit ${p.name}`}>
          Edit
        </Button>
        <Button
          variant="ghost"
          size="sm"
          loading={save.isPending}
          onClick={toggle}
          aria-label={`${p.active ? 'Deactivate' : 'Reactivate'} ${p.name}`}
        >
          {p.active ? 'Deactivate' : 'Reactivate'}
        </Button>
      </div>
      {editing && <PlanDialog plan={p} open={editing} onOpenChange={setEditing} />}
    </li>
  );
}

/** Admins create, edit and deactivate membership plans. */
export function AdminPlansPage() {
  const plans = usePlans();
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <PageHeader
        title="Plans"
        description="Memberships, prepaid programmes and class packs. Assign them to clients from a user’s page."
        actions={
          <Button onClick={() => setCreating(true)}>
            <Plus className="size-4" aria-hidden /> New plan
          </Button>
        }
      />
      {error && (
        <Alert tone="error" className="mb-4">
          {error}
        </Alert>
      )}
      {plans.isPending && <Spinner />}
      {plans.error && <Alert tone="error">{errorMessage(plans.error)}</Alert>}
      {plans.data?.length === 0 && (
        <EmptyState
          title="No plans yet"
          action={<Button onClick={() => setCreating(true)}>Create the first plan</Button>}
        />
      )}
      {plans.data && plans.data.length > 0 && (
        <Card>
          <ul className="divide-y divide-slate-100">
            {plans.data.map((p) => (
              <PlanRow key={p.id} plan={p} onError={setError} />
            ))}
          </ul>
        </Card>
      )}
      {creating && <PlanDialog open={creating} onOpenChange={setCreating} />}
    </>
  );
}
