import { Flame } from 'lucide-react';
import { Link } from 'react-router';
import { Badge } from '../../components/ui/badge';
import { useStudio } from '../studio/use-studio';
import { MEMBER_STATUS_LABELS } from './cohort-text';
import { daysAgo, formatRate, studioToday } from './format';
import type { QuestionnaireStatus } from './types';
import type { CohortDetail, CohortMemberRow } from './use-cohorts';
import { WithdrawButton } from './withdraw-button';
import { NudgeButton } from './nudge-dialog';

const Q_LABELS: Record<QuestionnaireStatus, { label: string; tone: 'neutral' | 'success' | 'warning' | 'brand' }> = {
  NOT_OPEN: { label: 'not open yet', tone: 'neutral' },
  OPEN: { label: 'open, not submitted', tone: 'brand' },
  SUBMITTED: { label: 'submitted', tone: 'success' },
  MISSED: { label: 'missed', tone: 'warning' },
};

function MemberItem(props: { cohort: CohortDetail; member: CohortMemberRow; today: string }) {
  const m = props.member;
  const current = m.status === 'ACTIVE' || m.status === 'PAUSED';
  const q = Q_LABELS[m.questionnaire.status];
  const lastCheckIn = m.lastCheckInDate ? daysAgo(m.lastCheckInDate, props.today) : 'never';
  const stale = !m.lastCheckInDate || m.lastCheckInDate < props.today;
  return (
    <li className="grid gap-3 px-4 py-3 sm:px-5 md:grid-cols-[minmax(0,1.4fr)_minmax(0,2fr)_auto] md:items-center">
      <div className="min-w-0">
        <p className="font-medium text-slate-900">
          <Link to={`/cohorts/${props.cohort.id}/members/${m.userId}`} className="hover:underline">
            {m.name}
          </Link>{' '}
          {m.status !== 'ACTIVE' && (
            <Badge tone={m.status === 'WITHDRAWN' ? 'danger' : 'neutral'}>{MEMBER_STATUS_LABELS[m.status]}</Badge>
          )}
        </p>
        <p className="mt-0.5 text-sm text-slate-600">
          Week {m.questionnaire.week} questionnaire <Badge tone={q.tone}>{q.label}</Badge>
        </p>
      </div>
      <dl className="grid grid-cols-3 gap-2 text-sm">
        <div>
          <dt className="text-xs text-slate-600">Last check-in</dt>
          <dd className={stale && current ? 'font-semibold text-amber-800' : 'font-semibold text-slate-900'}>
            {lastCheckIn}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-600">Streak</dt>
          <dd className="flex items-center gap-1 font-semibold text-slate-900">
            {m.streak > 0 && <Flame className="size-4 text-amber-600" aria-hidden />}
            {m.streak}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-600">Last 7 days / overall</dt>
          <dd className="font-semibold text-slate-900">
            {formatRate(m.complianceThisWeek)} / {formatRate(m.complianceOverall)}
          </dd>
        </div>
      </dl>
      {current && (
        <div className="flex gap-1 md:justify-end">
          <NudgeButton cohortId={props.cohort.id} member={m} />
          <WithdrawButton cohortId={props.cohort.id} cohortName={props.cohort.name} member={m} />
        </div>
      )}
    </li>
  );
}

/** The cohort's members with their last check-in, streak and compliance; those who left at the end. */
export function MemberList(props: { cohort: CohortDetail }) {
  const { timezone } = useStudio();
  const today = studioToday(timezone);
  const order = (m: CohortMemberRow) => (m.status === 'ACTIVE' || m.status === 'PAUSED' ? 0 : 1);
  const members = [...props.cohort.members].sort((a, b) => order(a) - order(b) || a.name.localeCompare(b.name));
  return (
    <ul className="divide-y divide-slate-100">
      {members.map((m) => (
        <MemberItem key={m.userId} cohort={props.cohort} member={m} today={today} />
      ))}
    </ul>
  );
}
