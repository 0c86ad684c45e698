import { ArrowLeft, Lock } from 'lucide-react';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { toast } from 'sonner';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { Card, CardBody } from '../../components/ui/card';
import { PageHeader, Spinner } from '../../components/ui/page';
import { errorMessage } from '../../lib/api';
import { describeFieldError, splitFieldError } from '../../lib/field-errors';
import { formatDay } from './format';
import {
  QUESTION_KIND_LABELS,
  QuestionnaireEditor,
  questionnaireDraft,
  questionnairePayload,
} from './questionnaire-editor';
import { useCohort, useSaveWeekQuestionnaire, type CohortDetail, type WeekQuestionnaire } from './use-cohorts';

function Editor(props: { cohort: CohortDetail; week: WeekQuestionnaire }) {
  const navigate = useNavigate();
  const save = useSaveWeekQuestionnaire(props.cohort.id);
  const [draft, setDraft] = useState(() => questionnaireDraft(props.week));
  return (
    <div className="space-y-5">
      {save.error && (
        <Alert tone="error">
          {splitFieldError(save.error) ? describeFieldError(splitFieldError(save.error)!) : errorMessage(save.error)}
        </Alert>
      )}
      <Card>
        <CardBody>
          <QuestionnaireEditor value={draft} onChange={setDraft} />
        </CardBody>
      </Card>
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={() => navigate(`/cohorts/${props.cohort.id}`)}>
          Cancel
        </Button>
        <Button
          loading={save.isPending}
          onClick={() =>
            save.mutate(
              { week: props.week.week, ...questionnairePayload(draft) },
              {
                onSuccess: () => {
                  toast.success(`Week ${props.week.week} questionnaire saved.`);
                  void navigate(`/cohorts/${props.cohort.id}`);
                },
              },
            )
          }
        >
          Save week {props.week.week}
        </Button>
      </div>
    </div>
  );
}

function ReadOnly(props: { week: WeekQuestionnaire }) {
  return (
    <Card>
      <CardBody className="space-y-4">
        {props.week.intro && <p className="whitespace-pre-wrap text-slate-700">{props.week.intro}</p>}
        <ol className="list-decimal space-y-2 pl-5">
          {props.week.questions.map((q) => (
            <li key={q.id}>
              <span className="text-slate-900">{q.label}</span>{' '}
              <span className="text-sm text-slate-600">
                ({QUESTION_KIND_LABELS[q.kind]}
                {q.options ? `: ${q.options.join(', ')}` : ''}
                {q.required ? ', required' : ''})
              </span>
            </li>
          ))}
        </ol>
      </CardBody>
    </Card>
  );
}

/** One week's questionnaire of a cohort: editable until someone submits it. */
export function WeekQuestionnairePage() {
  const { id = '', week: weekParam } = useParams();
  const query = useCohort(id);
  const weekNumber = Number(weekParam);
  const back = (
    <Link
      to={`/cohorts/${id}`}
      className="mb-3 inline-flex min-h-11 items-center gap-1 text-sm font-medium text-brand-700"
    >
      <ArrowLeft className="size-4" aria-hidden /> {query.data?.name ?? 'Cohort'}
    </Link>
  );
  if (query.isPending) return <Spinner />;
  if (query.error) {
    return (
      <>
        {back}
        <Alert tone="error">{errorMessage(query.error)}</Alert>
      </>
    );
  }
  const week = query.data.questionnaires.find((w) => w.week === weekNumber);
  return (
    <div className="mx-auto max-w-3xl">
      {back}
      {!week ? (
        <Alert tone="error">This cohort has no week {weekParam}.</Alert>
      ) : (
        <>
          <PageHeader
            title={`Week ${week.week} questionnaire`}
            description={`${formatDay(week.startDate)} – ${formatDay(week.endDate, 'EEE d MMM yyyy')}`}
          />
          {week.locked ? (
            <>
              <Alert tone="info" className="mb-4">
                <span className="inline-flex items-center gap-1.5">
                  <Lock className="size-4" aria-hidden /> {week.submittedCount}{' '}
                  {week.submittedCount === 1 ? 'client has' : 'clients have'} submitted this week, so its questions stay
                  as they are.
                </span>
              </Alert>
              <ReadOnly week={week} />
            </>
          ) : (
            <Editor key={week.week} cohort={query.data} week={week} />
          )}
        </>
      )}
    </div>
  );
}
