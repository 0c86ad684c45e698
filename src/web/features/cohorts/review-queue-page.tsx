import { ArrowLeft, ChevronRight } from 'lucide-react';
import { Link, useParams } from 'react-router';
import { Alert } from '../../components/ui/alert';
import { Badge } from '../../components/ui/badge';
import { Card } from '../../components/ui/card';
import { EmptyState, PageHeader, Spinner } from '../../components/ui/page';
import { errorMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useStudio } from '../studio/use-studio';
import { AttentionFlags } from './attention-flags';
import { useCohort, useReviewQueue } from './use-cohorts';

/** Submitted questionnaires without published feedback, oldest first, with attention flags. */
export function ReviewQueuePage() {
  const { id = '' } = useParams();
  const { timezone } = useStudio();
  const cohort = useCohort(id);
  const queue = useReviewQueue(id);
  const error = cohort.error ?? queue.error;
  return (
    <>
      <Link
        to={`/cohorts/${id}`}
        className="mb-3 inline-flex min-h-11 items-center gap-1 text-sm font-medium text-brand-700"
      >
        <ArrowLeft className="size-4" aria-hidden /> {cohort.data?.name ?? 'Cohort'}
      </Link>
      <PageHeader
        title="Review queue"
        description="Submitted questionnaires waiting for your feedback, oldest first."
      />
      {queue.isPending && !error && <Spinner />}
      {error && <Alert tone="error">{errorMessage(error)}</Alert>}
      {queue.data && queue.data.items.length === 0 && (
        <EmptyState title="All caught up">Every submitted questionnaire has published feedback.</EmptyState>
      )}
      {queue.data && queue.data.items.length > 0 && (
        <Card>
          <p className="border-b border-slate-100 px-4 py-2 text-sm text-slate-600 sm:px-5" aria-live="polite">
            {queue.data.items.length} waiting
          </p>
          <ul className="divide-y divide-slate-100">
            {queue.data.items.map((item) => (
              <li key={item.responseId}>
                <Link
                  to={`/cohorts/${id}/members/${item.userId}?week=${item.week}`}
                  className="flex items-center gap-3 px-4 py-3 hover:bg-slate-50 sm:px-5"
                >
                  <div className="min-w-0 flex-1 space-y-1.5">
                    <p className="font-medium text-slate-900">
                      {item.name} · Week {item.week} {item.draftFeedback && <Badge tone="info">feedback drafted</Badge>}
                    </p>
                    <p className="text-sm text-slate-600">Submitted {formatDateTime(item.submittedAt, timezone)}</p>
                    <AttentionFlags flags={item.flags} />
                  </div>
                  <ChevronRight className="size-5 shrink-0 text-slate-400" aria-hidden />
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </>
  );
}
