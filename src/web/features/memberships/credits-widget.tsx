import { Coins } from 'lucide-react';
import { Link } from 'react-router';
import { Alert } from '../../components/ui/alert';
import { Card, CardBody, CardHeader } from '../../components/ui/card';
import { errorMessage } from '../../lib/api';
import { useMyCredits, useMyMemberships } from './queries';

/** Home widget for clients: credits left this week and next, and their plan. */
export function MyCreditsWidget() {
  const credits = useMyCredits();
  const memberships = useMyMemberships();
  const plan = memberships.data?.map((m) => m.planName).join(' + ');
  return (
    <Card>
      <CardHeader title="My credits" description={plan ? plan : memberships.data ? 'No plan yet' : undefined} />
      <CardBody>
        {credits.error && <Alert tone="error">{errorMessage(credits.error)}</Alert>}
        {credits.data && (
          <div className="flex items-center gap-4">
            <Coins className="size-8 shrink-0 text-brand-700" aria-hidden />
            <p className="text-sm text-slate-700">
              <span className="text-2xl font-bold text-slate-900 tabular-nums">{credits.data.thisWeek}</span> left this
              week · <span className="font-semibold text-slate-900 tabular-nums">{credits.data.nextWeek}</span> next
              week
            </p>
          </div>
        )}
        <Link
          to="/membership"
          className="mt-3 inline-flex min-h-11 items-center text-sm font-medium text-brand-700 underline"
        >
          My membership and credit history
        </Link>
      </CardBody>
    </Card>
  );
}
