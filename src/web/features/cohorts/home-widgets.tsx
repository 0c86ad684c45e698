import { CircleCheck, ClipboardList } from 'lucide-react';
import { Link } from 'react-router';
import { Badge } from '../../components/ui/badge';
import { Card, CardBody, CardHeader } from '../../components/ui/card';
import { errorMessage } from '../../lib/api';
import { cohortProgress } from './cohort-text';
import { formatRate } from './format';
import { useCohorts } from './use-cohorts';
import { useMyCohort } from './use-my-cohort';

const primaryLink =
  'inline-flex h-11 w-full items-center justify-center gap-2 rounded-lg bg-brand-700 px-4 text-sm font-medium text-white hover:bg-brand-800 sm:w-auto';
const secondaryLink =
  'inline-flex h-11 items-center justify-center gap-2 rounded-lg border border-slate-300 bg-white px-4 text-sm font-medium text-slate-900 hover:bg-slate-50';

/** Client home: where they are in their cohort and whether today's check-in is done. */
export function MyCohortWidget() {
  const query = useMyCohort();
  const data = query.data;
  // A client outside any cohort sees nothing here: the cohort page explains it if they look.
  if (query.isPending || data === null) return null;
  if (query.error || !data) {
    return (
      <Card>
        <CardHeader title="My cohort" />
        <CardBody>
          <p className="text-sm text-red-700">{errorMessage(query.error)}</p>
        </CardBody>
      </Card>
    );
  }
  const checkedIn = data.today.checkIn !== null;
  const q = data.questionnaire;
  return (
    <Card>
      <CardHeader
        title={data.cohort.name}
        description={cohortProgress({ phase: data.phase, currentWeek: data.currentWeek, weeks: data.cohort.weeks })}
      />
      <CardBody className="space-y-3">
        {data.phase === 'RUNNING' &&
          (checkedIn ? (
            <p className="flex items-center gap-2 text-sm font-medium text-green-800">
              <CircleCheck className="size-5" aria-hidden /> Checked in today.{' '}
              {data.streak > 1 && `${data.streak} in a row.`}
            </p>
          ) : (
            <p className="text-sm text-slate-700">You have not checked in today.</p>
          ))}
        {q.status === 'OPEN' && (
          <p className="flex items-center gap-2 text-sm text-slate-800">
            <ClipboardList className="size-5 text-brand-700" aria-hidden /> Week {q.week} questionnaire is open.
          </p>
        )}
        <div className="flex flex-wrap gap-2">
          {data.phase === 'RUNNING' && !checkedIn ? (
            <Link to="/cohort" className={primaryLink}>
              Check in now
            </Link>
          ) : q.status === 'OPEN' ? (
            <Link to={`/cohort/questionnaire/${q.week}`} className={primaryLink}>
              Answer the questionnaire
            </Link>
          ) : (
            <Link to="/cohort" className={secondaryLink}>
              Open my cohort
            </Link>
          )}
        </div>
      </CardBody>
    </Card>
  );
}

/** Coach/admin home: questionnaires waiting for feedback, per cohort. */
export function ReviewsWaitingWidget() {
  const query = useCohorts();
  if (query.isPending) return null;
  const running = (query.data?.cohorts ?? []).filter((c) => c.status === 'ACTIVE' || c.questionnairesWaiting > 0);
  if (!query.error && running.length === 0) return null;
  const total = running.reduce((n, c) => n + c.questionnairesWaiting, 0);
  return (
    <Card>
      <CardHeader
        title="Cohort reviews"
        description={
          query.error
            ? undefined
            : total === 0
              ? 'Nothing waiting for your feedback.'
              : `${total} ${total === 1 ? 'questionnaire waits' : 'questionnaires wait'} for your feedback.`
        }
        action={
          <Link to="/cohorts" className="text-sm font-medium text-brand-700 underline">
            Cohorts
          </Link>
        }
      />
      <CardBody>
        {query.error ? (
          <p className="text-sm text-red-700">{errorMessage(query.error)}</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {running.map((c) => (
              <li key={c.id} className="flex items-center justify-between gap-3 py-2">
                <div className="min-w-0">
                  <p className="truncate text-sm font-medium text-slate-900">{c.name}</p>
                  <p className="text-xs text-slate-600">
                    {cohortProgress(c)} · check-ins (last 7 days) {formatRate(c.checkInRateThisWeek)}
                  </p>
                </div>
                <Link
                  to={`/cohorts/${c.id}/reviews`}
                  className="inline-flex min-h-11 shrink-0 items-center gap-1.5 text-sm font-medium text-brand-700"
                >
                  {c.questionnairesWaiting > 0 ? (
                    <Badge tone="warning">{c.questionnairesWaiting} to review</Badge>
                  ) : (
                    'Review queue'
                  )}
                  <span className="sr-only"> of {c.name}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </CardBody>
    </Card>
  );
}
