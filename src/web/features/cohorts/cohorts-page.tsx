import { ClipboardList, Plus, Users } from 'lucide-react';
import { Link } from 'react-router';
import { Alert } from '../../components/ui/alert';
import { Badge } from '../../components/ui/badge';
import { Card } from '../../components/ui/card';
import { EmptyState, PageHeader, Spinner } from '../../components/ui/page';
import { errorMessage } from '../../lib/api';
import { useMe } from '../auth/use-me';
import { COHORT_STATUS_LABELS, COHORT_STATUS_TONES, coachNames, cohortProgress } from './cohort-text';
import { formatDateRange, formatRate } from './format';
import { useCohorts, type CohortSummary } from './use-cohorts';

const primaryLink = 'inline-flex h-11 items-center justify-center gap-2 rounded-lg bg-brand-700 px-4 text-sm font-medium text-white hover:bg-brand-800';

function Stat(props: { label: string; value: string; tone?: 'attention' }) {
  return (
    <div className={props.tone === 'attention' ? 'rounded-lg bg-amber-50 px-3 py-2' : 'rounded-lg bg-slate-50 px-3 py-2'}>
      <dt className="text-xs font-medium text-slate-600">{props.label}</dt>
      <dd className="text-lg font-bold text-slate-900">{props.value}</dd>
    </div>
  );
}

function CohortCard(props: { cohort: CohortSummary }) {
  const c = props.cohort;
  return (
    <Card className="flex flex-col">
      <div className="flex items-start justify-between gap-3 px-4 pt-4 sm:px-5">
        <div className="min-w-0">
          <h2 className="text-base font-semibold text-slate-900">
            <Link to={`/cohorts/${c.id}`} className="hover:underline">
              {c.name}
            </Link>
          </h2>
          <p className="text-sm text-slate-600">
            {cohortProgress(c)} · {formatDateRange(c.startDate, c.endDate)}
          </p>
          <p className="mt-0.5 truncate text-sm text-slate-600">
            {c.type ? `${c.type.name} · ` : ''}
            {coachNames(c.coaches)}
          </p>
        </div>
        <Badge tone={COHORT_STATUS_TONES[c.status]}>{COHORT_STATUS_LABELS[c.status]}</Badge>
      </div>
      <dl className="grid grid-cols-3 gap-2 px-4 py-3 sm:px-5">
        <Stat label="Members" value={c.capacity ? `${c.memberCount} / ${c.capacity}` : String(c.memberCount)} />
        <Stat label="Check-ins this week" value={formatRate(c.checkInRateThisWeek)} />
        <Stat label="To review" value={String(c.questionnairesWaiting)} tone={c.questionnairesWaiting > 0 ? 'attention' : undefined} />
      </dl>
      <div className="mt-auto flex flex-wrap gap-2 border-t border-slate-100 px-4 py-3 sm:px-5">
        <Link to={`/cohorts/${c.id}`} className="inline-flex min-h-11 items-center gap-1.5 rounded-lg px-2 text-sm font-medium text-brand-700 hover:bg-brand-50">
          <Users className="size-4" aria-hidden /> Members
          <span className="sr-only"> of {c.name}</span>
        </Link>
        <Link to={`/cohorts/${c.id}/reviews`} className="inline-flex min-h-11 items-center gap-1.5 rounded-lg px-2 text-sm font-medium text-brand-700 hover:bg-brand-50">
          <ClipboardList className="size-4" aria-hidden /> Review queue
          <span className="sr-only"> of {c.name}</span>
          {c.questionnairesWaiting > 0 && <Badge tone="warning">{c.questionnairesWaiting}</Badge>}
        </Link>
      </div>
    </Card>
  );
}

/** Coaches: the cohorts they coach; admins: every cohort. */
export function CohortsPage() {
  const me = useMe().data!;
  const query = useCohorts();
  return (
    <>
      <PageHeader
        title="Cohorts"
        description={me.role === 'ADMIN' ? 'Every cohort of the studio.' : 'The cohorts you coach.'}
        actions={
          <Link to="/cohorts/new" className={primaryLink}>
            <Plus className="size-4" aria-hidden /> New cohort
          </Link>
        }
      />
      {query.isPending && <Spinner />}
      {query.error && <Alert tone="error">{errorMessage(query.error)}</Alert>}
      {query.data && query.data.cohorts.length === 0 && (
        <EmptyState title={me.role === 'ADMIN' ? 'No cohorts yet' : 'You do not coach a cohort yet'}>
          A cohort is a coaching programme of a few weeks: daily check-ins, a weekly questionnaire and your feedback.
        </EmptyState>
      )}
      {query.data && query.data.cohorts.length > 0 && (
        <div className="grid gap-4 lg:grid-cols-2">
          {query.data.cohorts.map((c) => (
            <CohortCard key={c.id} cohort={c} />
          ))}
        </div>
      )}
    </>
  );
}
