import { ClipboardList, Plus, Users } from 'lucide-react';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '../../components/ui/alert';
import { Badge } from '../../components/ui/badge';
import { Card } from '../../components/ui/card';
import { EmptyState, PageHeader, Spinner } from '../../components/ui/page';
import { errorMessage } from '../../lib/api';
import { useMe } from '../auth/use-me';
import { ChoiceGroup } from './choice-group';
import { COHORT_STATUS_LABELS, COHORT_STATUS_TONES, coachNames, cohortProgress } from './cohort-text';
import { formatDateRange, formatRate } from './format';
import { useCohorts, type CohortSummary } from './use-cohorts';

const primaryLink =
  'inline-flex h-11 items-center justify-center gap-2 rounded-lg bg-brand-700 px-4 text-sm font-medium text-white hover:bg-brand-800';

function Stat(props: { label: string; value: string; tone?: 'attention' }) {
  return (
    <div
      className={props.tone === 'attention' ? 'rounded-lg bg-amber-50 px-3 py-2' : 'rounded-lg bg-slate-50 px-3 py-2'}
    >
      <dt className="text-xs font-medium text-slate-600">{props.label}</dt>
      <dd className="text-lg font-bold text-slate-900">{props.value}</dd>
    </div>
  );
}

function CohortCard(props: { cohort: CohortSummary }) {
  const c = props.cohort;
  return (
    <Card className="flex min-w-0 flex-col">
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
        <Stat label="Check-ins, last 7 days" value={formatRate(c.checkInRateThisWeek)} />
        <Stat
          label="To review"
          value={String(c.questionnairesWaiting)}
          tone={c.questionnairesWaiting > 0 ? 'attention' : undefined}
        />
      </dl>
      <div className="mt-auto flex flex-wrap gap-2 border-t border-slate-100 px-4 py-3 sm:px-5">
        <Link
          to={`/cohorts/${c.id}`}
          className="inline-flex min-h-11 items-center gap-1.5 rounded-lg px-2 text-sm font-medium text-brand-700 hover:bg-brand-50"
        >
          <Users className="size-4" aria-hidden /> Members
          <span className="sr-only"> of {c.name}</span>
        </Link>
        <Link
          to={`/cohorts/${c.id}/reviews`}
          className="inline-flex min-h-11 items-center gap-1.5 rounded-lg px-2 text-sm font-medium text-brand-700 hover:bg-brand-50"
        >
          <ClipboardList className="size-4" aria-hidden /> Review queue
          <span className="sr-only"> of {c.name}</span>
          {c.questionnairesWaiting > 0 && <Badge tone="warning">{c.questionnairesWaiting}</Badge>}
        </Link>
      </div>
    </Card>
  );
}

/** Which cohorts the list shows; "Current" is every cohort but the archived ones (the API's default). */
const FILTERS = [
  { value: 'CURRENT', label: 'Current' },
  { value: 'ACTIVE', label: 'Active' },
  { value: 'DRAFT', label: 'Draft' },
  { value: 'COMPLETED', label: 'Completed' },
  { value: 'ARCHIVED', label: 'Archived' },
] as const;
type Filter = (typeof FILTERS)[number]['value'];

const isFilter = (value: string | null): value is Filter => FILTERS.some((f) => f.value === value);

function emptyTitle(filter: Filter, admin: boolean): string {
  if (filter === 'CURRENT') return admin ? 'No cohorts yet' : 'You do not coach a cohort yet';
  return `No ${FILTERS.find((f) => f.value === filter)!.label.toLowerCase()} cohorts`;
}

/** Coaches: the cohorts they coach; admins: every cohort. Filtered by status (kept in the address, so Back returns to it). */
export function CohortsPage() {
  const me = useMe().data!;
  const [search, setSearch] = useSearchParams();
  const requested = search.get('status')?.toUpperCase() ?? null;
  const filter: Filter = isFilter(requested) ? requested : 'CURRENT';
  const query = useCohorts(filter === 'CURRENT' ? undefined : filter);
  const choose = (value: string) =>
    setSearch(value === 'CURRENT' ? {} : { status: value.toLowerCase() }, { replace: true });
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
      <div className="mb-4">
        <ChoiceGroup legend="Show" options={[...FILTERS]} value={filter} onChange={choose} layout="wrap" />
      </div>
      {query.isPending && <Spinner />}
      {query.error && <Alert tone="error">{errorMessage(query.error)}</Alert>}
      {query.data && query.data.cohorts.length === 0 && (
        <EmptyState title={emptyTitle(filter, me.role === 'ADMIN')}>
          {filter === 'CURRENT'
            ? 'A cohort is a coaching programme of a few weeks: daily check-ins, a weekly questionnaire and your feedback.'
            : 'Pick another status above to see the rest.'}
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
