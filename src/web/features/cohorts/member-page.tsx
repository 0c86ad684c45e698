import { ArrowLeft, Flame } from 'lucide-react';
import { useEffect } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { Alert } from '../../components/ui/alert';
import { Badge } from '../../components/ui/badge';
import { Card, CardBody, CardHeader } from '../../components/ui/card';
import { PageHeader, Spinner } from '../../components/ui/page';
import { errorMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useStudio } from '../studio/use-studio';
import { AttentionFlags } from './attention-flags';
import { CheckInHistory } from './check-in-history';
import { CoachNotes } from './coach-notes';
import { MEMBER_STATUS_LABELS } from './cohort-text';
import { MembershipSettings } from './membership-settings';
import { FeedbackForm } from './feedback-form';
import { formatDay, formatRate, studioToday } from './format';
import { NudgeButton } from './nudge-dialog';
import { PromptTrends } from './prompt-trends';
import { AnswerList } from './question-field';
import type { QuestionnaireStatus } from './types';
import { useCohort, useCohortMember, type MemberDetail, type MemberWeek } from './use-cohorts';

const Q_STATUS: Record<QuestionnaireStatus, { label: string; tone: 'neutral' | 'success' | 'warning' | 'brand' }> = {
  NOT_OPEN: { label: 'Not open yet', tone: 'neutral' },
  OPEN: { label: 'Open, not submitted', tone: 'brand' },
  SUBMITTED: { label: 'Submitted', tone: 'success' },
  MISSED: { label: 'Missed', tone: 'warning' },
};

function WeekSection(props: { cohortId: string; detail: MemberDetail; week: MemberWeek; open: boolean }) {
  const { timezone } = useStudio();
  const w = props.week;
  const q = w.questionnaire;
  const status = Q_STATUS[q.status];
  return (
    <details
      id={`week-${w.week}`}
      open={props.open}
      className="group rounded-xl border border-slate-200 bg-white shadow-sm"
    >
      <summary className="flex min-h-14 cursor-pointer list-none items-center justify-between gap-3 px-4 py-3 sm:px-5">
        <span className="min-w-0">
          <span className="block font-semibold text-slate-900">Week {w.week}</span>
          <span className="block text-sm text-slate-600">
            {formatDay(w.startDate)} – {formatDay(w.endDate)}
          </span>
        </span>
        <span className="flex flex-col items-end gap-1 sm:flex-row sm:flex-wrap sm:justify-end">
          <span className="sr-only">Questionnaire:</span>
          <Badge tone={status.tone}>{status.label}</Badge>
          {w.feedback && (
            <Badge tone={w.feedback.status === 'PUBLISHED' ? 'success' : 'info'}>
              {w.feedback.status === 'PUBLISHED' ? 'Feedback sent' : 'Feedback draft'}
            </Badge>
          )}
        </span>
      </summary>
      <div className="space-y-5 border-t border-slate-100 px-4 py-4 sm:px-5">
        {q.answers ? (
          <div>
            <h3 className="mb-2 text-sm font-semibold text-slate-900">
              Answers{' '}
              {q.submittedAt && (
                <span className="font-normal text-slate-600">
                  · submitted {formatDateTime(q.submittedAt, timezone)}
                </span>
              )}
            </h3>
            <AnswerList questions={q.questions} answers={q.answers} />
          </div>
        ) : (
          <p className="text-sm text-slate-600">
            {q.status === 'MISSED' ? 'No answers: the questionnaire closed without a submission.' : 'No answers yet.'}
          </p>
        )}
        <FeedbackForm
          key={w.feedback?.updatedAt ?? 'new'}
          cohortId={props.cohortId}
          userId={props.detail.member.userId}
          clientName={props.detail.member.name.split(' ')[0]!}
          week={w.week}
          feedback={w.feedback}
        />
      </div>
    </details>
  );
}

/** A coach's page about one member: stats, flags, check-in trends and history, each week's answers and feedback, notes. */
export function MemberPage() {
  const { id = '', userId = '' } = useParams();
  const [search] = useSearchParams();
  const { timezone } = useStudio();
  const cohort = useCohort(id);
  const query = useCohortMember(id, userId);
  const focusWeek = Number(search.get('week')) || null;

  useEffect(() => {
    if (focusWeek && query.data) document.getElementById(`week-${focusWeek}`)?.scrollIntoView({ block: 'start' });
  }, [focusWeek, query.data]);

  const back = (
    <Link
      to={`/cohorts/${id}`}
      className="mb-3 inline-flex min-h-11 items-center gap-1 text-sm font-medium text-brand-700"
    >
      <ArrowLeft className="size-4" aria-hidden /> {cohort.data?.name ?? 'Cohort'}
    </Link>
  );
  if (query.isPending) return <Spinner />;
  if (query.error) {
    return (
      <>
        {back}
        <PageHeader title="Member" />
        <Alert tone="error">{errorMessage(query.error)}</Alert>
      </>
    );
  }
  const d = query.data;
  const m = d.member;
  const current = m.status === 'ACTIVE' || m.status === 'PAUSED';
  const weeks = [...d.weeks].reverse();
  const latestAnswered = weeks.find((w) => w.questionnaire.answers)?.week ?? weeks[0]?.week;
  const from = cohort.data?.startDate ?? d.checkIns[0]?.date ?? studioToday(timezone);
  const today = studioToday(timezone);
  const to = cohort.data?.endDate && cohort.data.endDate < today ? cohort.data.endDate : today;
  return (
    <>
      {back}
      <PageHeader
        title={m.name}
        description={
          <>
            {m.email} {m.status !== 'ACTIVE' && <Badge>{MEMBER_STATUS_LABELS[m.status]}</Badge>}
            <br />
            Checks in {m.checkInCadenceDays === 1 ? 'every day' : `every ${m.checkInCadenceDays} days`}
            {m.cadenceOverridden ? ' (their own rhythm)' : ''}
          </>
        }
        actions={current ? <NudgeButton cohortId={id} member={m} variant="secondary" /> : undefined}
      />
      <div className="space-y-5">
        <dl className="grid grid-cols-3 gap-2 sm:gap-4">
          <div className="rounded-xl border border-slate-200 bg-white px-3 py-3">
            <dt className="text-xs font-medium text-slate-600 sm:text-sm">Streak</dt>
            <dd className="flex items-center gap-1 text-2xl font-bold text-slate-900">
              {d.streak > 0 && <Flame className="size-5 text-amber-600" aria-hidden />}
              {d.streak}
            </dd>
          </div>
          <div className="rounded-xl border border-slate-200 bg-white px-3 py-3">
            <dt className="text-xs font-medium text-slate-600 sm:text-sm">Check-ins, last 7 days</dt>
            <dd className="text-2xl font-bold text-slate-900">{formatRate(d.compliance.thisWeek)}</dd>
          </div>
          <div className="rounded-xl border border-slate-200 bg-white px-3 py-3">
            <dt className="text-xs font-medium text-slate-600 sm:text-sm">Overall</dt>
            <dd className="text-2xl font-bold text-slate-900">{formatRate(d.compliance.overall)}</dd>
          </div>
        </dl>
        {d.flags.length > 0 && (
          <Alert tone="warning" title="Worth a look">
            <div className="mt-1">
              <AttentionFlags flags={d.flags} />
            </div>
          </Alert>
        )}
        <section aria-labelledby="weeks-heading" className="space-y-3">
          <h2 id="weeks-heading" className="text-lg font-semibold text-slate-900">
            Weekly questionnaires and feedback
          </h2>
          {weeks.length === 0 && <p className="text-sm text-slate-600">The cohort has not started yet.</p>}
          {weeks.map((w) => (
            <WeekSection
              key={w.week}
              cohortId={id}
              detail={d}
              week={w}
              open={w.week === (focusWeek ?? latestAnswered)}
            />
          ))}
        </section>
        <Card>
          <CardHeader
            title="Trends"
            description={m.weightUnit === 'KG' ? undefined : `Weight in ${m.name.split(' ')[0]}'s unit.`}
          />
          <CardBody>
            <PromptTrends prompts={d.prompts} checkIns={d.checkIns} from={from} to={to} />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Check-in history" />
          <CardBody>
            <CheckInHistory prompts={d.prompts} checkIns={d.checkIns} />
          </CardBody>
        </Card>
        <CoachNotes cohortId={id} userId={m.userId} notes={d.notes} />
        {current && (
          <MembershipSettings
            cohortId={id}
            cohortName={cohort.data?.name ?? 'this cohort'}
            cohortCadence={cohort.data?.checkInCadenceDays ?? null}
            detail={d}
          />
        )}
      </div>
    </>
  );
}
