import { Alert } from '../../components/ui/alert';
import { formatInZone } from '../../lib/format';
import { useStudio } from '../studio/use-studio';
import { credits, grantSourceText } from './text';
import type { Credits, Grant } from './types';

/** "use by Sat 2 May" — a window's end is exclusive, so the last usable day is the one before. */
export function expiryText(g: Pick<Grant, 'validUntil'>, timezone: string): string {
  if (g.validUntil === null) return 'no expiry';
  return `use by ${formatInZone(new Date(new Date(g.validUntil).getTime() - 1), timezone, 'EEE d MMM')}`;
}

function Big(props: { label: string; value: number }) {
  return (
    <div className="rounded-lg bg-brand-50 px-3 py-3">
      <p className="text-sm text-slate-700">{props.label}</p>
      <p className="text-2xl font-bold text-slate-900 tabular-nums">
        {props.value}{' '}
        <span className="text-base font-medium text-slate-700">{props.value === 1 ? 'credit' : 'credits'}</span>
      </p>
    </div>
  );
}

/** Credits left this week and next, then every pack or extra grant with its expiry. */
export function CreditSummary(props: { data: Credits; who?: 'you' | 'they' }) {
  const { timezone } = useStudio();
  const { data } = props;
  const others = data.available.filter((g) => g.weekStart === null);
  const weekly = data.available.filter((g) => g.weekStart !== null);
  return (
    <div className="space-y-4">
      <div className="grid grid-cols-2 gap-3">
        <Big label="Left this week" value={data.thisWeek} />
        <Big label="Next week" value={data.nextWeek} />
      </div>
      {weekly.length > 0 && (
        <div>
          <h3 className="text-sm font-semibold text-slate-900">Weekly credits</h3>
          <ul className="mt-1 space-y-1 text-sm text-slate-700">
            {weekly.map((g) => (
              <li key={g.grantId}>
                Week of {formatInZone(g.validFrom, timezone, 'EEE d MMM')}: {g.remaining} of {g.amount} left
              </li>
            ))}
          </ul>
        </div>
      )}
      {others.length > 0 && (
        <div>
          <h3 className="text-sm font-semibold text-slate-900">Packs and extra credits</h3>
          <ul className="mt-1 space-y-1 text-sm text-slate-700">
            {others.map((g) => (
              <li key={g.grantId}>
                {grantSourceText(g)}: {credits(g.remaining)} left · {expiryText(g, timezone)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {data.onHold.length > 0 && (
        <Alert tone="warning" title="Credits on hold">
          {credits(data.onHold.reduce((s, g) => s + g.remaining, 0))} from a paused membership can be used again once
          the studio resumes it.
        </Alert>
      )}
      {data.available.length === 0 && data.onHold.length === 0 && (
        <p className="text-sm text-slate-600">
          {props.who === 'they' ? 'No credits to book with.' : 'You have no credits to book with right now.'}
        </p>
      )}
    </div>
  );
}
