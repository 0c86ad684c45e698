import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Alert } from '../../components/ui/alert';
import { Badge } from '../../components/ui/badge';
import { Card, CardBody, CardHeader } from '../../components/ui/card';
import { api, errorMessage } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { useStudio } from '../studio/use-studio';
import { COHORT_STATUS_LABELS, MEMBER_STATUS_LABELS } from './cohort-text';
import { formatDateRange } from './format';
import type { MembershipStatus } from './types';

/** GET /api/admin/users/{id}/cohorts (service listUserCohortMemberships). */

const MEMBER_STATUS_TONES = {
  ACTIVE: 'success',
  PAUSED: 'warning',
  COMPLETED: 'info',
  WITHDRAWN: 'neutral',
} as const satisfies Record<MembershipStatus, string>;

/** The admin's user page: every cohort this person has been in, each linking to their member page. */
export function UserCohortSection(props: { userId: string }) {
  const { timezone } = useStudio();
  const query = useQuery({
    queryKey: ['admin', 'users', props.userId, 'cohorts'],
    queryFn: () => api.get('/api/admin/users/:id/cohorts', { params: { id: props.userId } }),
  });
  return (
    <Card>
      <CardHeader title="Cohort" as="h2" />
      <CardBody>
        {query.error ? (
          <Alert tone="error">{errorMessage(query.error)}</Alert>
        ) : !query.data ? (
          <p className="text-sm text-slate-600">Loading…</p>
        ) : query.data.memberships.length === 0 ? (
          <p className="text-sm text-slate-600">Not in any cohort yet.</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {query.data.memberships.map((m) => (
              <li key={m.cohort.id} className="py-3 text-sm">
                <p className="flex flex-wrap items-center gap-2 font-semibold text-slate-900">
                  <Link
                    to={`/cohorts/${m.cohort.id}/members/${props.userId}`}
                    className="text-brand-700 underline underline-offset-2"
                  >
                    {m.cohort.name}
                  </Link>
                  <Badge tone={MEMBER_STATUS_TONES[m.status]}>{MEMBER_STATUS_LABELS[m.status]}</Badge>
                  {m.cohort.status !== 'ACTIVE' && (
                    <Badge>Cohort {COHORT_STATUS_LABELS[m.cohort.status].toLowerCase()}</Badge>
                  )}
                </p>
                <p className="text-slate-700">{formatDateRange(m.cohort.startDate, m.cohort.endDate)}</p>
                <p className="text-slate-600">
                  Joined {formatDate(m.joinedAt, timezone)}
                  {m.leftAt ? ` · left ${formatDate(m.leftAt, timezone)}` : ''}
                </p>
              </li>
            ))}
          </ul>
        )}
      </CardBody>
    </Card>
  );
}
