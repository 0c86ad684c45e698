import { Card, CardBody, CardHeader } from '../../components/ui/card';
import { Field } from '../../components/ui/field';
import { Input } from '../../components/ui/input';
import { describeFieldError } from '../../lib/field-errors';
import { asNumber } from './cohort-form-values';
import { PromptPicker } from './prompt-picker';
import { QuestionnaireEditor } from './questionnaire-editor';
import type { CohortFormState } from './use-cohort-form';
import type { CatalogueEntry } from './use-cohorts';

/** The cohort form's week-to-week cards: the daily check-in (prompts, rhythm, reminder) and the weekly questionnaire. */
export function CohortRhythmCards(props: { state: CohortFormState; catalogue: CatalogueEntry[] }) {
  const { form, values: s, set, errorFor, promptProblem } = props.state;
  return (
    <>
      <Card>
        <CardHeader title="Check-ins" />
        <CardBody className="space-y-5">
          <PromptPicker
            catalogue={props.catalogue}
            value={s.prompts}
            onChange={(prompts) => set({ prompts })}
            error={promptProblem ? describeFieldError(promptProblem) : null}
          />
          <div className="grid gap-4 sm:grid-cols-3">
            <Field label="Check in every … days" hint="1 = daily." error={errorFor('checkInCadenceDays')}>
              <Input
                type="number"
                inputMode="numeric"
                {...form.register('checkInCadenceDays', { setValueAs: asNumber })}
              />
            </Field>
            <Field
              label="Days clients may catch up"
              hint="How many past days they can still fill in."
              error={errorFor('checkInBackfillDays')}
            >
              <Input
                type="number"
                inputMode="numeric"
                {...form.register('checkInBackfillDays', { setValueAs: asNumber })}
              />
            </Field>
            <Field
              label="Daily reminder at"
              hint="Studio time, to those not checked in."
              error={errorFor('checkInReminderTime')}
            >
              <Input type="time" {...form.register('checkInReminderTime')} />
            </Field>
          </div>
        </CardBody>
      </Card>
      <Card>
        <CardHeader
          title="Weekly questionnaire"
          description="Used for every week; you can change single weeks on the cohort page."
        />
        <CardBody className="space-y-5">
          <Field
            label="Opens … days before the week ends"
            hint="1 = on the week's last day. It closes at the end of the second day of the next week."
            error={errorFor('questionnaireOpensDaysBeforeWeekEnd')}
          >
            <Input
              type="number"
              inputMode="numeric"
              className="w-24"
              {...form.register('questionnaireOpensDaysBeforeWeekEnd', { setValueAs: asNumber })}
            />
          </Field>
          <QuestionnaireEditor
            value={s.defaultQuestionnaire}
            onChange={(defaultQuestionnaire) => set({ defaultQuestionnaire })}
          />
        </CardBody>
      </Card>
    </>
  );
}
