import { useDeferredValue, useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '../../components/ui/alert';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { Card } from '../../components/ui/card';
import { Field } from '../../components/ui/field';
import { Input } from '../../components/ui/input';
import { EmptyState, PageHeader, Spinner } from '../../components/ui/page';
import { errorMessage } from '../../lib/api';
import { useMembers } from './queries';
import { heldPlanText } from './text';
import type { Member } from './types';

const PAGE = 50;

function MemberRow(props: { member: Member }) {
  const m = props.member;
  return (
    <li className="flex items-center gap-3 px-4 py-3 sm:px-5">
      <div className="min-w-0 flex-1">
        <p className="font-medium text-slate-900">
          {/* The client's profile (contact, health notes); admins go on to the account from there. */}
          <Link to={`/clients/${m.id}`} className="hover:underline">
            {m.name}
          </Link>{' '}
          {!m.active && <Badge tone="danger">Deactivated</Badge>}
        </p>
        <p className="text-sm text-slate-600">
          {m.plans.length === 0 ? 'No plan' : m.plans.map(heldPlanText).join(' + ')}
        </p>
      </div>
      <div className="shrink-0 text-right">
        <p className="text-lg font-bold text-slate-900 tabular-nums">{m.creditsThisWeek}</p>
        <p className="text-xs text-slate-600">{m.creditsThisWeek === 1 ? 'credit' : 'credits'} this week</p>
      </div>
    </li>
  );
}

/** Coaches and admins: every client with their plan and what they can still book this week. */
export function MembersPage() {
  const [query, setQuery] = useState('');
  const [offset, setOffset] = useState(0);
  const deferred = useDeferredValue(query.trim());
  const members = useMembers(deferred, offset);
  const total = members.data?.total ?? 0;
  return (
    <>
      <PageHeader title="Members" description="Clients, their plan and the credits they have left this week." />
      <Field label="Search by name or email" className="mb-4 max-w-md">
        <Input
          type="search"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setOffset(0);
          }}
        />
      </Field>
      {members.isPending && <Spinner />}
      {members.error && <Alert tone="error">{errorMessage(members.error)}</Alert>}
      {members.data?.members.length === 0 && (
        <EmptyState title={deferred ? 'Nobody matches that search' : 'No clients yet'} />
      )}
      {members.data && members.data.members.length > 0 && (
        <>
          <p className="mb-2 text-sm text-slate-600" aria-live="polite">
            {total === 1 ? '1 client' : `${total} clients`}
          </p>
          <Card>
            <ul className="divide-y divide-slate-100">
              {members.data.members.map((m) => (
                <MemberRow key={m.id} member={m} />
              ))}
            </ul>
          </Card>
          {total > PAGE && (
            <div className="mt-3 flex items-center justify-between gap-2">
              <Button
                variant="secondary"
                size="sm"
                disabled={offset === 0}
                onClick={() => setOffset(Math.max(0, offset - PAGE))}
              >
                Previous
              </Button>
              <span className="text-sm text-slate-600">
                {offset + 1}–{Math.min(offset + PAGE, total)} of {total}
              </span>
              <Button
                variant="secondary"
                size="sm"
                disabled={offset + PAGE >= total}
                onClick={() => setOffset(offset + PAGE)}
              >
                Next
              </Button>
            </div>
          )}
        </>
      )}
    </>
  );
}
