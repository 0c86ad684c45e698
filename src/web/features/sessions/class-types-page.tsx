import { ArrowLeft, Plus } from 'lucide-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { toast } from 'sonner';
import { Alert } from '../../components/ui/alert';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { Card } from '../../components/ui/card';
import { EmptyState, PageHeader, Spinner } from '../../components/ui/page';
import { errorMessage } from '../../lib/api';
import { ClassTypeDialog } from './class-type-form';
import { useClassTypes, useSaveClassType } from './queries';
import { credits } from './session-text';
import type { ClassType } from './types';

function hoursText(h: number): string {
  if (h >= 48 && h % 24 === 0) return `${h / 24} days`;
  return `${h} ${h === 1 ? 'hour' : 'hours'}`;
}

function waitlistText(limit: number | null): string {
  if (limit === null) return 'unlimited waitlist';
  if (limit === 0) return 'no waitlist';
  return `waitlist of up to ${limit}`;
}

function ClassTypeRow(props: { classType: ClassType; onError: (m: string | null) => void }) {
  const t = props.classType;
  const [editing, setEditing] = useState(false);
  const save = useSaveClassType();
  const toggleActive = () =>
    save.mutate(
      { id: t.id, values: { active: !t.active } },
      {
        onSuccess: () => {
          props.onError(null);
          toast.success(t.active ? `${t.name} archived: it can no longer be scheduled.` : `${t.name} is active again.`);
        },
        onError: (e) => props.onError(errorMessage(e)),
      },
    );
  return (
    <li className="flex flex-col gap-3 px-4 py-4 sm:flex-row sm:items-start sm:px-5">
      <span className="mt-1 hidden size-4 shrink-0 rounded sm:block" style={{ backgroundColor: t.color }} aria-hidden />
      <div className="min-w-0 flex-1">
        <h2 className="flex items-center gap-2 font-semibold text-slate-900">
          <span className="size-3 shrink-0 rounded-sm sm:hidden" style={{ backgroundColor: t.color }} aria-hidden />
          {t.name} {!t.active && <Badge>Archived</Badge>}
        </h2>
        {t.description && <p className="mt-0.5 text-sm text-slate-700">{t.description}</p>}
        <p className="mt-1 text-sm text-slate-600">
          {t.defaultCapacity} places · {t.defaultDurationMins} min ·{' '}
          {t.creditCost === 0 ? 'free' : credits(t.creditCost)} · {waitlistText(t.waitlistLimit)}
        </p>
        <p className="text-sm text-slate-600">
          Booking opens {hoursText(t.bookingOpensHoursBefore)} before, closes{' '}
          {t.bookingClosesMinutesBefore === 0 ? 'at the start' : `${t.bookingClosesMinutesBefore} min before`}; late
          cancellation from {hoursText(t.lateCancelHoursBefore)} before.
        </p>
      </div>
      <div className="flex gap-2">
        <Button variant="secondary" size="sm" onClick={() => setEditing(true)} aria-label={`Edit ${t.name}`}>
          Edit
        </Button>
        <Button
          variant="ghost"
          size="sm"
          loading={save.isPending}
          onClick={toggleActive}
          aria-label={`${t.active ? 'Archive' : 'Reactivate'} ${t.name}`}
        >
          {t.active ? 'Archive' : 'Reactivate'}
        </Button>
      </div>
      {editing && <ClassTypeDialog classType={t} open={editing} onOpenChange={setEditing} />}
    </li>
  );
}

/** Coaches and admins manage the kinds of class (HIIT, CORE…) and their booking rules. */
export function ClassTypesPage() {
  const types = useClassTypes(true);
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <Link to="/schedule" className="mb-3 inline-flex min-h-11 items-center gap-1 text-sm font-medium text-brand-700">
        <ArrowLeft className="size-4" aria-hidden /> Schedule
      </Link>
      <PageHeader
        title="Class types"
        description="Each type sets the defaults of its classes: places, length, cost, booking window, late cancellation and waitlist."
        actions={
          <Button onClick={() => setCreating(true)}>
            <Plus className="size-4" aria-hidden /> New class type
          </Button>
        }
      />
      {error && (
        <Alert tone="error" className="mb-4">
          {error}
        </Alert>
      )}
      {types.isPending && <Spinner />}
      {types.error && <Alert tone="error">{errorMessage(types.error)}</Alert>}
      {types.data && types.data.length === 0 && (
        <EmptyState title="No class types yet">Create one (e.g. HIIT) to start scheduling classes.</EmptyState>
      )}
      {types.data && types.data.length > 0 && (
        <Card>
          <ul className="divide-y divide-slate-100">
            {types.data.map((t) => (
              <ClassTypeRow key={t.id} classType={t} onError={setError} />
            ))}
          </ul>
        </Card>
      )}
      {creating && <ClassTypeDialog open={creating} onOpenChange={setCreating} />}
    </>
  );
}
