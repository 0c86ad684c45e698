import { Alert } from '../../components/ui/alert';
import { EmptyState, PageHeader, Spinner } from '../../components/ui/page';
import { errorMessage } from '../../lib/api';
import { CheckInCard } from './check-in-card';
import { FeedbackList } from './feedback-list';
import { MyProgress } from './my-progress';
import { QuestionnaireCard } from './questionnaire-card';
import { useMyCohort } from './use-my-cohort';
import { WeekProgress } from './week-progress';

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
        <EmptyState title="You are not in a cohort right now">
          Cohorts are coaching programmes of a few weeks: a daily check-in, a short questionnaire each week and feedback from your coach. Ask your coach
          about the next one.
        </EmptyState>
      </>
    );
  }
  const unit = data.weightUnit;
  return (
    <>
      <PageHeader title={data.cohort.name} />
      <div className="space-y-5">
        <WeekProgress week={data.currentWeek} weeks={data.cohort.weeks} startDate={data.cohort.startDate} endDate={data.cohort.endDate} today={data.today.date} />
        <div className="grid gap-5 lg:grid-cols-2">
          <div className="space-y-5">
            <CheckInCard key={data.today.date} prompts={data.prompts} date={data.today.date} checkIn={data.today.checkIn} unit={unit} />
          </div>
          <div className="space-y-5">
            <QuestionnaireCard questionnaire={data.questionnaire} replied={data.feedback.some((f) => f.week === data.questionnaire.week)} />
            <FeedbackList feedback={data.feedback} />
          </div>
        </div>
        <MyProgress prompts={data.prompts} from={data.cohort.startDate} to={data.today.date} streak={data.streak} />
      </div>
    </>
  );
}
