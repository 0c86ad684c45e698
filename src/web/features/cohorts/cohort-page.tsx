import { ArrowLeft, ClipboardList, Lock, Pencil } from 'lucide-react';
import { Link, useParams } from 'react-router';
import { Alert } from '../../components/ui/alert';
import { Badge } from '../../components/ui/badge';
import { Card, CardBody, CardHeader } from '../../components/ui/card';
import { EmptyState, PageHeader, Spinner } from '../../components/ui/page';
import { errorMessage } from '../../lib/api';
import { COHORT_STATUS_LABELS, COHORT_STATUS_TONES, coachNames, cohortProgress } from './cohort-text';
import { CohortStatusAction } from './cohort-status-actions';
import { EnrolDialog } from './enrol-dialog';
import { formatDateRange, formatDay, formatRate } from './format';
import { MemberList } from './member-list';
import { NudgeEveryoneButton } from './nudge-dialog';
import { PROMPT_KIND_LABELS } from './prompt-picker';
import { useCohort, type CohortDetail } from './use-cohorts';

const linkButton =
  'inline-flex h-11 items-center justify-center gap-2 rounded-lg border border-slate-300 bg-white px-4 text-sm font-medium text-slate-900 hover:bg-slate-50';

function Stats(props: { cohort: CohortDetail }) {
  const c = props.cohort;
  const current = c.members.filter((m) => m.status === 'ACTIVE' || m.status === 'PAUSED').length;
  return (
    <dl className="grid grid-cols-3 gap-2 sm:gap-4">
      {[
        ['Members', c.capacity ? `${current} / ${c.capacity}` : String(current)],
        ['Check-ins, last 7 days', formatRate(c.checkInRateThisWeek)],
        ['To review', String(c.questionnairesWaiting)],
      ].map(([label, value]) => (
        <div key={label} className="rounded-xl border border-slate-200 bg-white px-3 py-3 sm:px-4">
          <dt className="text-xs font-medium text-slate-600 sm:text-sm">{label}</dt>
          <dd className="text-2xl font-bold text-slate-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function QuestionnaireWeeks(props: { cohort: CohortDetail }) {
  const c = props.cohort;
  const finished = c.status === 'COMPLETED' || c.status === 'ARCHIVED';
  return (
    <Card>
      <CardHeader
        title="Weekly questionnaires"
        description="Each week's questions can change until the first client submits that week."
      />
      <ul className="divide-y divide-slate-100">
        {c.questionnaires.map((w) => (
          <li key={w.week} className="flex items-center justify-between gap-3 px-4 py-3 sm:px-5">
            <div className="min-w-0">
              <p className="font-medium text-slate-900">
                Week {w.week} {c.currentWeek === w.week && <Badge tone="brand">this week</Badge>}
              </p>
              <p className="text-sm text-slate-600">
                {formatDay(w.startDate)} – {formatDay(w.endDate)} · {w.questions.length}{' '}
                {w.questions.length === 1 ? 'question' : 'questions'}
                {w.submittedCount > 0 && ` · ${w.submittedCount} submitted`}
              </p>
            </div>
            {w.locked ? (
              <Link
                to={`/cohorts/${c.id}/questionnaires/${w.week}`}
                className="inline-flex min-h-11 items-center gap-1.5 px-2 text-sm font-medium text-slate-700"
              >
                <Lock className="size-4" aria-hidden /> View<span className="sr-only"> week {w.week}</span>
              </Link>
            ) : (
              !finished && (
                <Link
                  to={`/cohorts/${c.id}/questionnaires/${w.week}`}
                  className="inline-flex min-h-11 items-center gap-1.5 px-2 text-sm font-medium text-brand-700"
                >
                  <Pencil className="size-4" aria-hidden /> Edit<span className="sr-only"> week {w.week}</span>
                </Link>
              )
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}

function CheckInSettings(props: { cohort: CohortDetail }) {
  const c = props.cohort;
  return (
    <Card>
      <CardHeader title="Check-ins" />
      <CardBody className="space-y-3 text-sm text-slate-700">
        <p>
          {c.checkInCadenceDays === 1 ? 'Every day' : `Every ${c.checkInCadenceDays} days`}; clients can catch up{' '}
          {c.checkInBackfillDays} {c.checkInBackfillDays === 1 ? 'day' : 'days'}; reminder at {c.checkInReminderTime} to
          those not checked in.
        </p>
        <ul className="flex flex-wrap gap-1.5" aria-label="Prompts">
          {c.prompts.map((p) => (
            <li key={p.key}>
              <Badge tone={p.required ? 'brand' : 'neutral'} title={PROMPT_KIND_LABELS[p.kind]}>
                {p.label}
                {p.required ? ' · required' : ''}
              </Badge>
            </li>
          ))}
        </ul>
      </CardBody>
    </Card>
  );
}

/** A coach's cohort: members with their check-ins, nudges, enrolment, questionnaires and settings. */
export function CohortPage() {
  const { id = '' } = useParams();
  const query = useCohort(id);
  const back = (
    <Link to="/cohorts" className="mb-3 inline-flex min-h-11 items-center gap-1 text-sm font-medium text-brand-700">
      <ArrowLeft className="size-4" aria-hidden /> Cohorts
    </Link>
  );
  if (query.isPending) return <Spinner />;
  if (query.error) {
    return (
      <>
        {back}
        <PageHeader title="Cohort" />
        <Alert tone="error">{errorMessage(query.error)}</Alert>
      </>
    );
  }
  const c = query.data;
  const finished = c.status === 'COMPLETED' || c.status === 'ARCHIVED';
  return (
    <>
      {back}
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-2">
            {c.name} <Badge tone={COHORT_STATUS_TONES[c.status]}>{COHORT_STATUS_LABELS[c.status]}</Badge>
          </span>
        }
        description={
          <>
            {cohortProgress(c)} · {formatDateRange(c.startDate, c.endDate)}
            {c.type && ` · ${c.type.name}`}
            <br />
            Coaches: {coachNames(c.coaches)}
          </>
        }
        actions={
          <>
            <Link to={`/cohorts/${c.id}/reviews`} className={linkButton}>
              <ClipboardList className="size-4" aria-hidden /> Review queue{' '}
              {c.questionnairesWaiting > 0 && <Badge tone="warning">{c.questionnairesWaiting}</Badge>}
            </Link>
            <Link to={`/cohorts/${c.id}/edit`} className={linkButton}>
              <Pencil className="size-4" aria-hidden /> Edit
            </Link>
            <CohortStatusAction cohort={c} />
          </>
        }
      />
      <div className="space-y-5">
        <Stats cohort={c} />
        <Card>
          <div className="flex flex-col gap-3 border-b border-slate-100 px-4 py-3 sm:flex-row sm:items-center sm:justify-between sm:px-5">
            <h2 className="text-base font-semibold text-slate-900">Members</h2>
            {!finished && (
              <div className="grid grid-cols-2 gap-2 sm:flex">
                {c.members.length > 0 && <NudgeEveryoneButton cohortId={c.id} />}
                <EnrolDialog cohort={c} />
              </div>
            )}
          </div>
          {c.members.length === 0 ? (
            <CardBody>
              <EmptyState title="No clients yet">
                Enrol clients to start: they get a welcome with the dates and what is expected.
              </EmptyState>
            </CardBody>
          ) : (
            <MemberList cohort={c} />
          )}
        </Card>
        <div className="grid gap-5 lg:grid-cols-2">
          <QuestionnaireWeeks cohort={c} />
          <CheckInSettings cohort={c} />
        </div>
      </div>
    </>
  );
}
