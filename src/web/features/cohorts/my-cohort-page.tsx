import { format, parseISO, subDays } from 'date-fns';
import { Alert } from '../../components/ui/alert';
import { EmptyState, PageHeader, Spinner } from '../../components/ui/page';
import { errorMessage } from '../../lib/api';
import { CheckInCard } from './check-in-card';
import { AwaitingFeedback, FeedbackList } from './feedback-list';
import { MyProgress } from './my-progress';
import { QuestionnaireCard } from './questionnaire-card';
import { formatDay } from './format';
import { useMyCheckInPrompts, useMyCohort, type MyCohort } from './use-my-cohort';
import { WeekProgress } from './week-progress';

/** The dates "My progress" charts: the cohort so far (to its end once over), at most the 400 days the API serves at once. */
function progressRange(data: MyCohort): { from: string; to: string } {
  const to = data.cohort.endDate && data.cohort.endDate < data.today.date ? data.cohort.endDate : data.today.date;
  const earliest = format(subDays(parseISO(to), 399), 'yyyy-MM-dd');
  return { from: data.cohort.startDate > earliest ? data.cohort.startDate : earliest, to };
}

/** Outside any cohort a client can still log today, with the studio's default prompts. */
function StudioCheckIn() {
  const query = useMyCheckInPrompts();
  if (query.isPending) return <Spinner />;
  if (query.error) return <Alert tone="error">{errorMessage(query.error)}</Alert>;
  const { prompts, today, weightUnit } = query.data;
  if (prompts.length === 0) return null;
  return (
    <div className="max-w-2xl">
      <CheckInCard
        key={today.date}
        prompts={prompts}
        date={today.date}
        checkIn={today.checkIn}
        unit={weightUnit}
        description={`${formatDay(today.date, 'EEEE d MMMM')} · your own daily log`}
      />
    </div>
  );
}

/** The client's cohort, phone first: where they are, today's check-in, the questionnaire, feedback, progress. */
export function MyCohortPage() {
  const query = useMyCohort();
  if (query.isPending) return <Spinner />;
  if (query.error) return <Alert tone="error">{errorMessage(query.error)}</Alert>;
  const data = query.data;
  if (!data) {
    return (
      <>
        <PageHeader title="My cohort" />
        <div className="space-y-5">
          <EmptyState title="You are not in a cohort right now">
            Cohorts are coaching programmes of a few weeks: a daily check-in, a short questionnaire each week and
            feedback from your coach. Ask your coach about the next one.
          </EmptyState>
          <StudioCheckIn />
        </div>
      </>
    );
  }
  const unit = data.weightUnit;
  return (
    <>
      <PageHeader title={data.cohort.name} />
      <div className="space-y-5">
        <WeekProgress
          week={data.currentWeek}
          weeks={data.cohort.weeks}
          startDate={data.cohort.startDate}
          endDate={data.cohort.endDate}
          today={data.today.date}
        />
        <div className="grid gap-5 lg:grid-cols-2">
          <div className="space-y-5">
            <CheckInCard
              key={data.today.date}
              prompts={data.prompts}
              date={data.today.date}
              checkIn={data.today.checkIn}
              unit={unit}
            />
          </div>
          <div className="space-y-5">
            <QuestionnaireCard
              questionnaire={data.questionnaire}
              replied={data.feedback.some((f) => f.week === data.questionnaire.week)}
            />
            <AwaitingFeedback weeks={data.awaitingFeedback.filter((w) => w !== data.questionnaire.week)} />
            <FeedbackList feedback={data.feedback} />
          </div>
        </div>
        {data.phase !== 'UPCOMING' && (
          <MyProgress prompts={data.prompts} {...progressRange(data)} streak={data.streak} />
        )}
      </div>
    </>
  );
}
