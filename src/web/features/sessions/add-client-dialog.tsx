import { UserPlus } from 'lucide-react';
import { useDeferredValue, useState } from 'react';
import { toast } from 'sonner';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { Field } from '../../components/ui/field';
import { Input } from '../../components/ui/input';
import { errorMessage } from '../../lib/api';
import { useStudio } from '../studio/use-studio';
import { describeClass } from './cancel-booking';
import { useClientSearch } from './people';
import { cannotPay, DeskBookingForm } from './desk-booking';
import { useBook } from './queries';
import { credits, ordinal } from './session-text';
import type { SessionDetail } from './types';

/**
 * A coach or admin adds a client by hand (the server still checks credits and clashes). When the
 * client cannot pay with credits, the sheet offers a comp or pay-at-the-desk place instead.
 */
export function AddClientDialog(props: { session: SessionDetail }) {
  const s = props.session;
  const { timezone } = useStudio();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const results = useClientSearch(deferred);
  const book = useBook();
  const [unpaid, setUnpaid] = useState<{ id: string; name: string } | null>(null);
  const close = () => {
    setOpen(false);
    setQuery('');
    setUnpaid(null);
    book.reset();
  };
  const onList = new Set([...(s.registrations ?? []), ...(s.waitlist ?? [])].map((e) => e.user.id));

  const add = (client: { id: string; name: string }) => {
    setUnpaid(null);
    book.mutate(
      { sessionId: s.id, userId: client.id },
      {
        onError: (error) => setUnpaid(cannotPay(error) && !s.isFull ? client : null),
        onSuccess: (r) => {
          close();
          toast.success(
            r.status === 'WAITLISTED'
              ? `${client.name} is ${ordinal(r.waitlistPosition ?? 0)} on the waitlist (the class is full).`
              : `${client.name} is booked in.`,
          );
        },
      },
    );
  };

  return (
    <>
      <Button variant="secondary" size="sm" className="shrink-0 whitespace-nowrap" onClick={() => setOpen(true)}>
        <UserPlus className="size-4" aria-hidden /> Add client
      </Button>
      <Dialog
        open={open}
        onOpenChange={(next) => (next ? setOpen(true) : close())}
        title="Add a client"
        description={`${describeClass(s, timezone)}. ${s.isFull ? 'The class is full: they join the end of the waitlist.' : 'Their credit is used as if they had booked.'}`}
      >
        <Field label="Search by name or email" hint="Type at least 2 letters.">
          <Input type="search" autoComplete="off" value={query} onChange={(e) => setQuery(e.target.value)} />
        </Field>
        {book.error && (
          <Alert tone="error" className="mt-3">
            {errorMessage(book.error)}
          </Alert>
        )}
        {unpaid && <DeskBookingForm key={unpaid.id} sessionId={s.id} client={unpaid} onDone={close} />}
        {results.error && (
          <Alert tone="error" className="mt-3">
            {errorMessage(results.error)}
          </Alert>
        )}
        <div className="mt-3" aria-live="polite">
          {results.isFetching && <p className="text-sm text-slate-600">Searching…</p>}
          {results.data && results.data.length === 0 && (
            <p className="text-sm text-slate-600">No client matches “{deferred}”.</p>
          )}
          {results.data && results.data.length > 0 && (
            <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200">
              {results.data.map((c) => (
                <li key={c.id} className="flex items-center gap-3 px-3 py-2">
                  <div className="min-w-0 flex-1">
                    <p className="font-medium text-slate-900">{c.name}</p>
                    <p className="truncate text-sm text-slate-600">{c.email}</p>
                    <p className="text-sm text-slate-600">
                      {c.plans.length ? c.plans.map((pl) => pl.planName).join(', ') : 'No plan'} ·{' '}
                      {credits(c.creditsThisWeek)} this week
                    </p>
                  </div>
                  {onList.has(c.id) ? (
                    <span className="text-sm text-slate-600">Already on this class</span>
                  ) : (
                    <Button
                      size="sm"
                      loading={book.isPending && book.variables?.userId === c.id}
                      disabled={book.isPending}
                      onClick={() => add(c)}
                      aria-label={`Add ${c.name}`}
                    >
                      Add
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      </Dialog>
    </>
  );
}
