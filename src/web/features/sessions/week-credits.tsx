import { useQuery } from '@tanstack/react-query';
import { Coins } from 'lucide-react';
import { Link } from 'react-router';
import { Alert } from '../../components/ui/alert';
import { api, errorMessage, type ApiResponse } from '../../lib/api';
import { formatInZone } from '../../lib/format';
import { useStudio } from '../studio/use-studio';
import { sessionKeys } from './queries';
import { credits } from './session-text';

/** GET /api/me/credits (memberships and credits area). */
export type CreditGrant = ApiResponse<'GET /api/me/credits'>['available'][number];

export function useMyCredits() {
  return useQuery({
    queryKey: sessionKeys.credits,
    queryFn: () => api.get('/api/me/credits'),
  });
}

/** Grants that can pay for a class starting inside [from, to): their window overlaps it (as the credits API counts "this week"). */
export function grantsForRange(grants: CreditGrant[], from: Date, to: Date): CreditGrant[] {
  return grants.filter(
    (g) => g.remaining > 0 && new Date(g.validFrom) < to && (g.validUntil === null || new Date(g.validUntil) > from),
  );
}

function grantName(g: CreditGrant): string {
  if (g.planName) return g.planName;
  if (g.source === 'ADJUSTMENT') return 'Added by the studio';
  if (g.source === 'PACK_PURCHASE') return 'Pack';
  return 'Credits';
}

/** The client's credits usable for classes in the week shown, with where they come from. */
export function WeekCredits(props: { from: Date; to: Date }) {
  const { timezone } = useStudio();
  const query = useMyCredits();
  if (query.isPending) return <p className="text-sm text-slate-600">Loading your credits…</p>;
  if (query.error)
    return (
      <Alert tone="error" title="Your credits could not be loaded">
        {errorMessage(query.error)}
      </Alert>
    );
  const grants = grantsForRange(query.data.available, props.from, props.to);
  const total = grants.reduce((sum, g) => sum + g.remaining, 0);
  const onHold = grantsForRange(query.data.onHold ?? [], props.from, props.to).reduce((sum, g) => sum + g.remaining, 0);
  const until = (g: CreditGrant) => {
    if (g.validUntil === null) return 'no expiry';
    // validUntil is exclusive: the last day the credit can be used is the day before.
    const last = new Date(new Date(g.validUntil).getTime() - 1);
    return `for classes until ${formatInZone(last, timezone, 'EEE d MMM')}`;
  };
  return (
    <section aria-labelledby="week-credits-title" className="rounded-xl border border-slate-200 bg-white px-4 py-3">
      <div className="flex items-center gap-3">
        <Coins className="size-5 shrink-0 text-brand-700" aria-hidden />
        <h2 id="week-credits-title" className="text-sm text-slate-800">
          <span className="text-lg font-bold text-slate-900">{total}</span> {total === 1 ? 'credit' : 'credits'} you can
          use this week
        </h2>
      </div>
      {grants.length > 0 ? (
        <ul className="mt-1 space-y-0.5 pl-8 text-sm text-slate-600">
          {grants.map((g) => (
            <li key={g.grantId}>
              {credits(g.remaining)} · {grantName(g)} · {until(g)}
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-1 pl-8 text-sm text-slate-600">
          No credits left for classes this week. You need one to book or to join a waitlist.{' '}
          <Link to="/plans" className="font-medium text-brand-700 underline">
            See plans and packs
          </Link>
        </p>
      )}
      {onHold > 0 && (
        <p className="mt-1 pl-8 text-sm text-amber-900">{credits(onHold)} on hold while your membership is paused.</p>
      )}
    </section>
  );
}
