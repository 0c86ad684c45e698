import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { toast } from 'sonner';
import { isPlaceholderEmail } from '../../../domain/users/placeholder-email';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { Card, CardBody, CardHeader } from '../../components/ui/card';
import { api, errorMessage, type ApiResponse } from '../../lib/api';
import { PersonDialog } from './person-dialog';

type AdminUser = ApiResponse<'GET /api/admin/users/:id'>;

/** Name, email and phone of a person, with the admin's edit, invite and password-reset actions. */
export function PersonDetailsCard({ person }: { person: AdminUser }) {
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const send = useMutation({
    mutationFn: (what: 'invite' | 'password-reset') =>
      what === 'invite'
        ? api.post('/api/admin/users/:id/invite', { params: { id: person.id } })
        : api.post('/api/admin/users/:id/password-reset', { params: { id: person.id } }),
    onSuccess: (sent, what) => {
      toast.success(`${what === 'invite' ? 'Invite' : 'Password reset link'} sent to ${sent.sentTo}.`);
      return queryClient.invalidateQueries({ queryKey: ['admin', 'audit-log'] });
    },
  });
  const noEmail = isPlaceholderEmail(person.email);
  return (
    <Card>
      <CardHeader
        title="Details"
        as="h2"
        action={
          <Button variant="secondary" size="sm" onClick={() => setEditing(true)}>
            Edit details
          </Button>
        }
      />
      <CardBody className="space-y-3">
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="text-slate-600">Email</dt>
          <dd className="break-all">{noEmail ? 'None yet — add one to invite them' : person.email}</dd>
          <dt className="text-slate-600">Phone</dt>
          <dd>{person.phone ? <a href={`tel:${person.phone}`}>{person.phone}</a> : 'Not given'}</dd>
          <dt className="text-slate-600">Sign-in</dt>
          <dd>{person.hasSignIn ? 'Has a password or Google sign-in' : 'Has not chosen a password yet'}</dd>
        </dl>
        {send.error && <Alert tone="error">{errorMessage(send.error)}</Alert>}
        {person.active && !noEmail && (
          <div className="flex flex-wrap gap-2">
            {person.hasSignIn ? (
              <Button
                variant="secondary"
                size="sm"
                loading={send.isPending}
                onClick={() => send.mutate('password-reset')}
              >
                Send password reset
              </Button>
            ) : (
              <Button variant="secondary" size="sm" loading={send.isPending} onClick={() => send.mutate('invite')}>
                Send invite again
              </Button>
            )}
          </div>
        )}
      </CardBody>
      {editing && <PersonDialog person={person} open={editing} onOpenChange={setEditing} />}
    </Card>
  );
}
