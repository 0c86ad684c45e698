import { useQuery } from '@tanstack/react-query';
import { UserPlus } from 'lucide-react';
import { useDeferredValue, useState } from 'react';
import { toast } from 'sonner';
import { Alert } from '../../components/ui/alert';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { Field } from '../../components/ui/field';
import { Input } from '../../components/ui/input';
import { api, errorMessage } from '../../lib/api';
import { useEnrol, type CohortDetail } from './use-cohorts';

/** Clients by name or email: GET /api/members (clients only; coaches and admins may read it). */
function useClientSearch(query: string) {
  const q = query.trim();
  return useQuery({
    queryKey: ['members', 'search', q],
    queryFn: () => api.get('/api/members', { query: { query: q, limit: 20 } }),
    enabled: q.length >= 2,
  });
}

/** Search the studio's clients and enrol one; the server refuses a client already in another cohort. */
export function EnrolDialog(props: { cohort: CohortDetail }) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const results = useClientSearch(deferred);
  const enrol = useEnrol(props.cohort.id);
  const current = new Map(
    props.cohort.members.filter((m) => m.status === 'ACTIVE' || m.status === 'PAUSED').map((m) => [m.userId, m]),
  );
  const full = props.cohort.capacity !== null && current.size >= props.cohort.capacity;

  return (
    <>
      <Button onClick={() => setOpen(true)}>
        <UserPlus className="size-4" aria-hidden />
        <span>
          Enrol<span className="sr-only sm:not-sr-only"> clients</span>
        </span>
      </Button>
      <Dialog
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          if (!next) enrol.reset();
        }}
        title={`Enrol into ${props.cohort.name}`}
        description={
          props.cohort.capacity !== null
            ? `${current.size} of ${props.cohort.capacity} places taken. Each client gets a welcome message with the dates.`
            : 'Each client gets a welcome message with the dates and what is expected.'
        }
        footer={
          <Button variant="secondary" onClick={() => setOpen(false)}>
            Done
          </Button>
        }
      >
        {full && (
          <Alert tone="warning" className="mb-3">
            The cohort is full.
          </Alert>
        )}
        <Field label="Find a client" hint="Type at least 2 letters of a name or email.">
          <Input type="search" autoComplete="off" value={query} onChange={(e) => setQuery(e.target.value)} />
        </Field>
        {enrol.error && (
          <Alert tone="error" className="mt-3">
            {errorMessage(enrol.error)}
          </Alert>
        )}
        {results.error && (
          <Alert tone="error" className="mt-3">
            {errorMessage(results.error)}
          </Alert>
        )}
        {results.data && (
          <ul
            className="mt-3 divide-y divide-slate-100 rounded-lg border border-slate-200"
            aria-label="Matching clients"
          >
            {results.data.members.length === 0 && (
              <li className="px-3 py-3 text-sm text-slate-600">No client matches “{deferred.trim()}”.</li>
            )}
            {results.data.members.map((c) => (
              <li key={c.id} className="flex items-center justify-between gap-3 px-3 py-2">
                <div className="min-w-0">
                  <p className="truncate text-sm font-medium text-slate-900">{c.name}</p>
                  <p className="truncate text-xs text-slate-600">{c.email}</p>
                </div>
                {current.has(c.id) ? (
                  <Badge tone="success">Enrolled</Badge>
                ) : !c.active ? (
                  <Badge>Deactivated</Badge>
                ) : (
                  <Button
                    size="sm"
                    variant="secondary"
                    disabled={enrol.isPending}
                    loading={enrol.isPending && enrol.variables === c.id}
                    onClick={() =>
                      enrol.mutate(c.id, {
                        onSuccess: () => toast.success(`${c.name} is enrolled. We sent them a welcome.`),
                      })
                    }
                    aria-label={`Enrol ${c.name}`}
                  >
                    Enrol
                  </Button>
                )}
              </li>
            ))}
          </ul>
        )}
      </Dialog>
    </>
  );
}
