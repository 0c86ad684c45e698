import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import { Link } from 'react-router';
import { toast } from 'sonner';
import { Alert } from '../../components/ui/alert';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { Card } from '../../components/ui/card';
import { Dialog } from '../../components/ui/dialog';
import { Input, Select } from '../../components/ui/input';
import { EmptyState, PageHeader, Spinner } from '../../components/ui/page';
import { api, errorMessage, type ApiResponse } from '../../lib/api';
import { isPlaceholderEmail } from '../../../domain/users/placeholder-email';
import { useMe, type Role } from '../auth/use-me';
import { PersonDialog } from './person-dialog';
import { ROLE_LABELS, ROLE_PLURALS } from './role-labels';

type AdminUser = ApiResponse<'GET /api/admin/users/:id'>;

function useChangeUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; role?: Role; active?: boolean }) =>
      api.patch('/api/admin/users/:id', { params: { id: input.id }, body: { role: input.role, active: input.active } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'users'] }),
  });
}

function UserRow(props: { user: AdminUser; isSelf: boolean; onError: (m: string | null) => void }) {
  const { user } = props;
  const change = useChangeUser();
  const [confirming, setConfirming] = useState(false);
  const [newRole, setNewRole] = useState<Role | null>(null);
  const run = (input: { role?: Role; active?: boolean }) =>
    change.mutate(
      { id: user.id, ...input },
      {
        onError: (e) => props.onError(errorMessage(e)),
        onSuccess: (updated) => {
          props.onError(null);
          toast.success(
            input.role
              ? `${updated.name} is now ${ROLE_LABELS[updated.role].toLowerCase()}.`
              : `${updated.name} is ${updated.active ? 'active again' : 'deactivated'}.`,
          );
        },
      },
    );
  return (
    <li className="flex flex-col gap-3 px-4 py-3 sm:flex-row sm:items-center sm:px-5">
      <div className="min-w-0 flex-1">
        <p className="font-medium text-slate-900">
          <Link to={`/admin/users/${user.id}`} className="hover:underline">
            {user.name}
          </Link>{' '}
          {!user.active && <Badge tone="danger">Deactivated</Badge>}
          {props.isSelf && <Badge tone="info">You</Badge>}
          <SignInBadge user={user} />
        </p>
        <p className="truncate text-sm text-slate-600">
          {isPlaceholderEmail(user.email) ? 'No email yet' : user.email}
        </p>
      </div>
      <div className="flex items-center gap-2">
        <label className="sr-only" htmlFor={`role-${user.id}`}>
          Role of {user.name}
        </label>
        <Select
          id={`role-${user.id}`}
          className="h-9 w-32 text-sm"
          value={user.role}
          disabled={change.isPending}
          onChange={(e) => setNewRole(e.target.value as Role)}
        >
          {Object.entries(ROLE_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
        {user.active ? (
          <Button variant="secondary" size="sm" onClick={() => setConfirming(true)} disabled={change.isPending}>
            Deactivate
          </Button>
        ) : (
          <Button variant="secondary" size="sm" onClick={() => run({ active: true })} loading={change.isPending}>
            Reactivate
          </Button>
        )}
      </div>
      <Dialog
        open={newRole !== null}
        onOpenChange={(open) => !open && setNewRole(null)}
        title={`Change the role of ${user.name}?`}
        description={newRole && `Role: ${ROLE_LABELS[user.role]} → ${ROLE_LABELS[newRole]}. ${ROLE_EFFECTS[newRole]}`}
        footer={
          <>
            <Button variant="secondary" onClick={() => setNewRole(null)}>
              Keep {ROLE_LABELS[user.role].toLowerCase()}
            </Button>
            <Button
              loading={change.isPending}
              onClick={() => {
                if (newRole) run({ role: newRole });
                setNewRole(null);
              }}
            >
              Make {newRole ? ROLE_LABELS[newRole].toLowerCase() : ''}
            </Button>
          </>
        }
      />
      <Dialog
        open={confirming}
        onOpenChange={setConfirming}
        title={`Deactivate ${user.name}?`}
        description="They are signed out at once and cannot sign in until reactivated. Their bookings, history and data stay."
        footer={
          <>
            <Button variant="secondary" onClick={() => setConfirming(false)}>
              Keep active
            </Button>
            <Button
              variant="danger"
              loading={change.isPending}
              onClick={() => {
                setConfirming(false);
                run({ active: false });
              }}
            >
              Deactivate
            </Button>
          </>
        }
      />
    </li>
  );
}

const ROLE_EFFECTS: Record<Role, string> = {
  CLIENT: 'They book classes and see only their own things.',
  COACH: 'They see the schedule, class rosters and members, and run classes.',
  ADMIN: 'They can change every setting, plan and person, including you.',
};

/** Whether the person can sign in yet: imported or invited people cannot until they choose a password. */
function SignInBadge({ user }: { user: AdminUser }) {
  if (user.hasSignIn) return null;
  if (isPlaceholderEmail(user.email)) return <Badge tone="warning">No email yet</Badge>;
  return <Badge tone="neutral">Not signed in yet</Badge>;
}

export function UsersPage() {
  const me = useMe().data!;
  const [query, setQuery] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const deferredQuery = useDeferredValue(query);
  const [actionError, setActionError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const users = useQuery({
    queryKey: ['admin', 'users', deferredQuery, role],
    queryFn: () =>
      api.get('/api/admin/users', { query: { query: deferredQuery, role: role || undefined, limit: 100 } }),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <PageHeader
        title="Users"
        description="Everyone with an account: add and invite people, change roles, deactivate or reactivate. Every change is recorded in the audit log."
        actions={
          <Button className="whitespace-nowrap" onClick={() => setAdding(true)}>
            Add a person
          </Button>
        }
      />
      <PersonDialog open={adding} onOpenChange={setAdding} />
      <div className="mb-4 flex flex-col gap-2 sm:flex-row">
        <label className="sr-only" htmlFor="user-search">
          Search users
        </label>
        <Input
          id="user-search"
          type="search"
          placeholder="Search by name or email"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <label className="sr-only" htmlFor="role-filter">
          Filter by role
        </label>
        <Select
          id="role-filter"
          className="sm:w-44"
          value={role}
          onChange={(e) => setRole(e.target.value as Role | '')}
        >
          <option value="">All roles</option>
          {Object.entries(ROLE_PLURALS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
      </div>
      {actionError && (
        <Alert tone="error" className="mb-4">
          {actionError}
        </Alert>
      )}
      {users.isPending && <Spinner />}
      {users.error && <Alert tone="error">{errorMessage(users.error)}</Alert>}
      {users.data && users.data.users.length === 0 && (
        <EmptyState title="No users match">Try another name or email.</EmptyState>
      )}
      {users.data && users.data.users.length > 0 && (
        <Card>
          <p className="border-b border-slate-100 px-4 py-2 text-sm text-slate-600 sm:px-5" aria-live="polite">
            {users.data.total} {users.data.total === 1 ? 'user' : 'users'}
          </p>
          <ul className="divide-y divide-slate-100">
            {users.data.users.map((u) => (
              <UserRow key={u.id} user={u} isSelf={u.id === me.id} onError={setActionError} />
            ))}
          </ul>
        </Card>
      )}
    </>
  );
}
