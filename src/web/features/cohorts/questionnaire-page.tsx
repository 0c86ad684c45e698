import { ArrowLeft, Lock } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { toast } from 'sonner';
import { Alert } from '../../components/ui/alert';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { Card, CardBody } from '../../components/ui/card';
import { Dialog } from '../../components/ui/dialog';
import { PageHeader, Spinner } from '../../components/ui/page';
import { errorMessage } from '../../lib/api';
import { formatDateTime, formatInZone } from '../../lib/format';
import { questionnaireAnswerProblems } from '../../../domain/cohorts/validate-questionnaire-answers';
import { useStudio } from '../studio/use-studio';
import { fieldErrorOf, formErrorOf } from '../../lib/field-errors';
import { lastOpenDay } from './questionnaire-card';
import { AnswerList, QuestionField, answersPayload, draftFromAnswers, type AnswerDraft } from './question-field';
import { useMyQuestionnaire, useSaveAnswers, type MyQuestionnaire } from './use-my-cohort';

function AnswerForm(props: { questionnaire: MyQuestionnaire }) {
  const { timezone } = useStudio();
  const q = props.questionnaire;
  const save = useSaveAnswers(q.week);
  const [draft, setDraft] = useState<AnswerDraft>(() => draftFromAnswers(q.questions, q.answers));
  const [dirty, setDirty] = useState(false);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [confirming, setConfirming] = useState(false);
  // Every problem found before "Submit and lock" is asked, shown under its question all at once.
  const [problems, setProblems] = useState<Record<string, string>>({});
  const fieldError = fieldErrorOf(save.error, 'answers');
  const problemCount = Object.keys(problems).length;
  const askToSubmit = () => {
    const found = questionnaireAnswerProblems(answersPayload(q.questions, draft), q.questions, true);
    setProblems(Object.fromEntries(found.map((p) => [p.id, p.message])));
    if (found.length === 0) return setConfirming(true);
    document.getElementById(`question-${found[0]!.id}`)?.scrollIntoView({ block: 'center' });
  };
  const formError = formErrorOf(save.error, 'answers');

  // mutateAsync, not mutate's callbacks: a submitted questionnaire replaces this form at once, and
  // callbacks of an unmounted mutate never run (the "Submitted" confirmation was silently lost).
  const send = (submit: boolean) =>
    void save
      .mutateAsync({ answers: answersPayload(q.questions, draft), submit })
      .then(
        () => {
          setDirty(false);
          if (submit) toast.success('Submitted. Your coach will read it and reply.');
          else setSavedAt(new Date());
        },
        (error: unknown) => {
          // Bring the question the server named into view (e.g. a required one left blank).
          const field = fieldErrorOf(error, 'answers');
          if (field) document.getElementById(`question-${field.key}`)?.scrollIntoView({ block: 'center' });
        },
      )
      .finally(() => setConfirming(false));
  const saveDraft = (event: FormEvent) => {
    event.preventDefault();
    send(false);
  };

  return (
    <form onSubmit={saveDraft} className="space-y-6" noValidate>
      {q.questions.map((question) => (
        <div key={question.id} id={`question-${question.id}`} className="scroll-mt-20">
          <QuestionField
            question={question}
            value={draft[question.id] ?? ''}
            error={problems[question.id] ?? (fieldError?.key === question.id ? fieldError.message : null)}
            onChange={(value) => {
              setDraft((d) => ({ ...d, [question.id]: value }));
              setProblems(({ [question.id]: _fixed, ...rest }) => rest);
              setDirty(true);
            }}
          />
        </div>
      ))}
      <div className="sticky bottom-14 -mx-4 border-t border-slate-200 bg-white/95 px-4 py-3 backdrop-blur sm:static sm:mx-0 sm:border-0 sm:bg-transparent sm:p-0 md:bottom-0">
        {problemCount > 0 && (
          <Alert tone="error" className="mb-2">
            {problemCount === 1 ? 'One answer needs' : `${problemCount} answers need`} your attention before you submit.
          </Alert>
        )}
        {/* Beside the buttons, where the person is looking (not off-screen at the top). */}
        {formError && (
          <Alert tone="error" className="mb-2">
            {formError}
          </Alert>
        )}
        <p className="mb-2 text-sm text-slate-600" aria-live="polite">
          {dirty
            ? 'You have unsaved changes.'
            : savedAt
              ? `Draft saved at ${formatInZone(savedAt, timezone, 'HH:mm')}.`
              : `Open until the end of ${lastOpenDay(q.closesAt, timezone)}.`}
        </p>
        <div className="flex gap-2">
          <Button
            type="submit"
            variant="secondary"
            loading={save.isPending && !confirming}
            disabled={save.isPending}
            className="flex-1 sm:flex-none"
          >
            Save draft
          </Button>
          <Button type="button" onClick={askToSubmit} disabled={save.isPending} className="flex-1 sm:flex-none">
            Submit
          </Button>
        </div>
      </div>
      <Dialog
        open={confirming}
        onOpenChange={setConfirming}
        title={`Submit week ${q.week}?`}
        description="Once you submit, your answers are locked: you will not be able to change them. Your coach will read them and reply."
        footer={
          <>
            <Button variant="secondary" onClick={() => setConfirming(false)}>
              Keep editing
            </Button>
            <Button loading={save.isPending} onClick={() => send(true)}>
              Submit and lock
            </Button>
          </>
        }
      />
    </form>
  );
}

/** One week's questionnaire for the client: answer it while open, read it after. */
export function QuestionnairePage() {
  const { timezone } = useStudio();
  const week = Number(useParams().week);
  const query = useMyQuestionnaire(week);
  const back = (
    <Link to="/cohort" className="mb-3 inline-flex min-h-11 items-center gap-1 text-sm font-medium text-brand-700">
      <ArrowLeft className="size-4" aria-hidden /> My cohort
    </Link>
  );
  if (query.isPending) return <Spinner />;
  if (query.error) {
    return (
      <>
        {back}
        <PageHeader title={`Week ${week} questionnaire`} />
        <Alert tone="error">{errorMessage(query.error)}</Alert>
      </>
    );
  }
  const q = query.data;
  return (
    <div className="mx-auto max-w-2xl">
      {back}
      <PageHeader
        title={`Week ${q.week} questionnaire`}
        description={
          q.status === 'SUBMITTED' ? (
            <span className="inline-flex items-center gap-1.5">
              <Lock className="size-4" aria-hidden /> Submitted{' '}
              {q.submittedAt ? formatDateTime(q.submittedAt, timezone) : ''} · locked
            </span>
          ) : undefined
        }
      />
      {q.intro && q.status === 'OPEN' && <p className="mb-5 whitespace-pre-wrap text-slate-700">{q.intro}</p>}
      {q.status === 'OPEN' && <AnswerForm questionnaire={q} />}
      {q.status === 'NOT_OPEN' && (
        <Alert tone="info">This questionnaire opens {formatInZone(q.opensAt, timezone, 'EEEE d MMMM')}.</Alert>
      )}
      {q.status === 'MISSED' && (
        <Alert tone="warning" className="mb-4">
          This questionnaire closed at the end of {lastOpenDay(q.closesAt, timezone)} without being submitted.
        </Alert>
      )}
      {(q.status === 'SUBMITTED' || (q.status === 'MISSED' && Object.keys(q.answers).length > 0)) && (
        <Card>
          <CardBody>
            {q.status === 'MISSED' && (
              <p className="mb-3">
                <Badge>Draft, not submitted</Badge>
              </p>
            )}
            <AnswerList questions={q.questions} answers={q.answers} />
          </CardBody>
        </Card>
      )}
    </div>
  );
}
