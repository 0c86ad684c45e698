import { Button } from '../../components/ui/button';
import { Alert } from '../../components/ui/alert';
import { errorMessage } from '../../lib/api';
import { formatInZone } from '../../lib/format';
import { useStudio } from '../studio/use-studio';
import { useLedger } from './queries';
import { ledgerTone, signed } from './text';

/** A ledger in plain words ("HIIT Mon 06:30 booked  −1"), newest first, with "Show more". */
export function CreditHistory(props: {
  /** Whose ledger (admins); the signed-in person's own when left out. */
  userId?: string;
  queryKey: readonly unknown[];
  showActor?: boolean;
  headingId?: string;
}) {
  const { timezone } = useStudio();
  const ledger = useLedger(props.userId, props.queryKey);
  if (ledger.isPending) return <p className="text-sm text-slate-600">Loading the credit history…</p>;
  if (ledger.error)
    return (
      <Alert tone="error" title="The credit history could not be loaded">
        {errorMessage(ledger.error)}
      </Alert>
    );
  const entries = ledger.data.pages.flatMap((p) => p.entries);
  if (entries.length === 0) return <p className="text-sm text-slate-600">No credits have moved yet.</p>;
  return (
    <>
      <ul className="divide-y divide-slate-100" aria-labelledby={props.headingId}>
        {entries.map((e) => (
          <li key={e.id} className="flex items-start justify-between gap-3 py-2.5">
            <div className="min-w-0">
              <p className="text-sm font-medium text-slate-900">{e.label}</p>
              <p className="text-xs text-slate-600">
                {formatInZone(e.createdAt, timezone, 'EEE d MMM yyyy, HH:mm')}
                {props.showActor && e.actorName ? ` · by ${e.actorName}` : ''}
              </p>
            </div>
            <span className={`shrink-0 text-sm font-semibold tabular-nums ${ledgerTone(e)}`}>
              <span className="sr-only">{e.amount > 0 ? 'added' : 'used or removed'} </span>
              {signed(e.amount)}
            </span>
          </li>
        ))}
      </ul>
      {ledger.hasNextPage && (
        <Button
          variant="secondary"
          size="sm"
          className="mt-3"
          loading={ledger.isFetchingNextPage}
          onClick={() => void ledger.fetchNextPage()}
        >
          Show more
        </Button>
      )}
    </>
  );
}
