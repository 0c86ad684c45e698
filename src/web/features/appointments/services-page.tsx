import { Plus } from 'lucide-react';
import { useState } from 'react';
import { toast } from 'sonner';
import { Alert } from '../../components/ui/alert';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { Card } from '../../components/ui/card';
import { EmptyState, PageHeader, Spinner } from '../../components/ui/page';
import { errorMessage } from '../../lib/api';
import { useSaveService, useServices } from './queries';
import { ServiceDialog } from './service-form';
import { costText, hoursText } from './text';
import type { Service } from './types';

function ServiceRow(props: { service: Service; onEdit: () => void }) {
  const s = props.service;
  const save = useSaveService();
  const toggle = () =>
    save.mutate(
      { id: s.id, values: { active: !s.active } },
      {
        onSuccess: () =>
          toast.success(s.active ? `${s.name} archived: no new bookings.` : `${s.name} is active again.`),
      },
    );
  return (
    <li className="flex flex-col gap-3 px-4 py-4 sm:flex-row sm:items-start sm:px-5">
      <div className="min-w-0 flex-1">
        <h2 className="flex flex-wrap items-center gap-2 font-semibold text-slate-900">
          <span className="size-3 shrink-0 rounded-sm" style={{ backgroundColor: s.color }} aria-hidden />
          {s.name} {!s.active && <Badge>Archived</Badge>}
          {!s.selfBookable && <Badge tone="info">Staff only</Badge>}
        </h2>
        {s.description && <p className="mt-0.5 text-sm text-slate-700">{s.description}</p>}
        <p className="mt-1 text-sm text-slate-600">
          {s.durationMins} min · {costText(s.creditCost)} · starts every {s.startIntervalMins} min
          {(s.bufferBeforeMins > 0 || s.bufferAfterMins > 0) &&
            ` · buffers ${s.bufferBeforeMins}/${s.bufferAfterMins} min`}
        </p>
        <p className="text-sm text-slate-600">
          Book {hoursText(s.minNoticeHours)} to {s.bookingHorizonDays} days ahead; late cancellation from{' '}
          {hoursText(s.lateCancelHoursBefore)} before.
        </p>
        <p className="text-sm text-slate-600">
          {s.coaches.length === 0 ? 'No coach offers it yet.' : `With ${s.coaches.map((c) => c.name).join(', ')}.`}
        </p>
        {save.error && (
          <Alert tone="error" className="mt-2">
            {errorMessage(save.error)}
          </Alert>
        )}
      </div>
      <div className="flex gap-2">
        <Button variant="secondary" size="sm" onClick={props.onEdit} aria-label={`Edit ${s.name}`}>
          Edit
        </Button>
        <Button
          variant="ghost"
          size="sm"
          loading={save.isPending}
          onClick={toggle}
          aria-label={`${s.active ? 'Archive' : 'Reactivate'} ${s.name}`}
        >
          {s.active ? 'Archive' : 'Reactivate'}
        </Button>
      </div>
    </li>
  );
}

/** Admins manage the 1-on-1 services: length, buffers, booking window, cost, coaches, who books. */
export function ServicesPage() {
  const services = useServices(true);
  const [editing, setEditing] = useState<Service | 'new' | null>(null);
  return (
    <>
      <PageHeader
        title="1-on-1 services"
        description="Personal training, massage and other appointments clients book with one coach."
        actions={
          <Button onClick={() => setEditing('new')}>
            <Plus className="size-4" aria-hidden /> New service
          </Button>
        }
      />
      {services.isPending && <Spinner />}
      {services.error && <Alert tone="error">{errorMessage(services.error)}</Alert>}
      {services.data?.length === 0 && (
        <EmptyState title="No services yet">Create one (e.g. Personal Training 45) to take 1-on-1 bookings.</EmptyState>
      )}
      {!!services.data?.length && (
        <Card>
          <ul className="divide-y divide-slate-100">
            {services.data.map((s) => (
              <ServiceRow key={s.id} service={s} onEdit={() => setEditing(s)} />
            ))}
          </ul>
        </Card>
      )}
      {editing && <ServiceDialog service={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
    </>
  );
}
