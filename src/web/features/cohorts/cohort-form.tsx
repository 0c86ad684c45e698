import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { describeFieldError } from '../../lib/field-errors';
import { CohortBasicsCard } from './cohort-basics-card';
import { CohortRhythmCards } from './cohort-rhythm-cards';
import type { CoachOption } from './coach-picker';
import { useCohortForm, type CohortFormProps } from './use-cohort-form';

/**
 * Create or edit a cohort: type, dates, coaches, prompts, rhythm and the weekly questionnaire.
 * Its values and bodies are in cohort-form-values.ts, its state in use-cohort-form.ts.
 */
export function CohortForm(props: CohortFormProps & { coaches: CoachOption[]; onCancel: () => void }) {
  const state = useCohortForm(props);
  const { formError, unplaced, finished, submit } = state;
  return (
    <form onSubmit={submit(props.cohort ? undefined : 'ACTIVE')} className="space-y-5" noValidate>
      {formError && <Alert tone="error">{formError}</Alert>}
      {unplaced
        .filter((problem) => !problem.path.startsWith('prompts'))
        .map((problem) => (
          <Alert key={problem.path} tone="error">
            {describeFieldError(problem)}
          </Alert>
        ))}
      {finished && <Alert tone="info">This cohort has finished: only its name can change now.</Alert>}
      <CohortBasicsCard state={state} cohort={props.cohort} types={props.types} coaches={props.coaches} />
      {!finished && <CohortRhythmCards state={state} catalogue={props.catalogue} />}
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={props.onCancel}>
          Cancel
        </Button>
        {!props.cohort && (
          <Button variant="secondary" loading={props.saving} onClick={() => submit('DRAFT')()}>
            Save as draft
          </Button>
        )}
        <Button type="submit" loading={props.saving}>
          {props.cohort ? 'Save changes' : 'Create cohort'}
        </Button>
      </div>
    </form>
  );
}
