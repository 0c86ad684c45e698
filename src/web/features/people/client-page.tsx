import { useQuery } from '@tanstack/react-query';
import { ArrowLeft, HeartPulse } from 'lucide-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert } from '../../components/ui/alert';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { Card, CardBody, CardHeader } from '../../components/ui/card';
import { PageHeader, Spinner } from '../../components/ui/page';
import { api, errorMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { isPlaceholderEmail } from '../../../domain/users/placeholder-email';
import { useMe } from '../auth/use-me';
import { useStudio } from '../studio/use-studio';
import { ClientProfileDialog } from './client-profile-dialog';

/** A client as a coach or admin needs them: how to reach them, who to call, what to watch for. */
export function ClientPage() {
  const { id = '' } = useParams();
  const me = useMe().data;
  const { timezone } = useStudio();
  const [editing, setEditing] = useState(false);
  const profile = useQuery({
    queryKey: ['clients', id, 'profile'],
    queryFn: () => api.get('/api/clients/:id/profile', { params: { id } }),
  });
  if (profile.isPending) return <Spinner />;
  if (profile.error) return <Alert tone="error">{errorMessage(profile.error)}</Alert>;
  const p = profile.data;
  const waiver = p.waiverAccepted;
  return (
    <>
      <Link to="/members" className="mb-3 inline-flex items-center gap-1 text-sm font-medium text-brand-700">
        <ArrowLeft className="size-4" aria-hidden /> Members
      </Link>
      <PageHeader
        title={p.name}
        description={isPlaceholderEmail(p.email) ? 'No email yet' : p.email}
        actions={
          <>
            {me?.role === 'ADMIN' && (
              <Link
                to={`/admin/users/${p.id}`}
                className="inline-flex h-10 items-center rounded-lg px-3 text-sm font-medium text-brand-700 hover:underline"
              >
                Account, plans and credits
              </Link>
            )}
            <Button onClick={() => setEditing(true)}>Edit profile</Button>
          </>
        }
      />
      <div className="space-y-5">
        <Card>
          <CardHeader title="Health notes and injuries" as="h2" />
          <CardBody>
            {p.healthNotes ? (
              <p className="flex gap-2 whitespace-pre-wrap text-sm text-slate-900">
                <HeartPulse className="mt-0.5 size-4 shrink-0 text-red-700" aria-hidden />
                {p.healthNotes}
              </p>
            ) : (
              <p className="text-sm text-slate-600">None written down.</p>
            )}
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Contact" as="h2" />
          <CardBody>
            <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
              <dt className="text-slate-600">Phone</dt>
              <dd>
                {p.phone ? (
                  <a className="text-brand-700 underline" href={`tel:${p.phone}`}>
                    {p.phone}
                  </a>
                ) : (
                  'Not given'
                )}
              </dd>
              <dt className="text-slate-600">Emergency contact</dt>
              <dd>
                {p.emergencyContactName ?? 'Not given'}
                {p.emergencyContactPhone && (
                  <>
                    {' · '}
                    <a className="text-brand-700 underline" href={`tel:${p.emergencyContactPhone}`}>
                      {p.emergencyContactPhone}
                    </a>
                  </>
                )}
              </dd>
              <dt className="text-slate-600">Date of birth</dt>
              <dd>{p.dateOfBirth ?? 'Not given'}</dd>
              <dt className="text-slate-600">Waiver</dt>
              <dd>
                {p.currentWaiver === 0 ? (
                  'The studio asks for none'
                ) : waiver?.version === p.currentWaiver ? (
                  <>Accepted {formatDateTime(waiver.acceptedAt, timezone)}</>
                ) : (
                  <Badge tone="warning">{waiver ? 'An older version accepted' : 'Not accepted yet'}</Badge>
                )}
              </dd>
            </dl>
          </CardBody>
        </Card>
      </div>
      {editing && <ClientProfileDialog profile={p} onClose={() => setEditing(false)} />}
    </>
  );
}
