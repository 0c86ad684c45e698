import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { createCohortBody } from '../../../contracts/cohorts';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { Card, CardBody, CardHeader } from '../../components/ui/card';
import { Field } from '../../components/ui/field';
import { Input, Select } from '../../components/ui/input';
import { errorMessage } from '../../lib/api';
import { describeFieldError, fieldErrorsOf } from '../../lib/field-errors';
import { useServerFieldErrors } from '../../lib/server-field-errors';
import { useMe } from '../auth/use-me';
import { CoachPicker, type CoachOption } from './coach-picker';
import { PromptPicker, promptsPayload, type PromptChoice } from './prompt-picker';
import {
  QuestionnaireEditor,
  questionnaireDraft,
  questionnairePayload,
  type QuestionnaireDraft,
} from './questionnaire-editor';
import type { CatalogueEntry, CohortDetail, CohortType, CreateCohortBody, PatchCohortBody } from './use-cohorts';

const LENGTHS = ['6', '8', 'custom', 'open'] as const;
type Length = (typeof LENGTHS)[number];

/**
 * The form's schema is the API's own (`createCohortBody` of src/contracts): the length asked as a
 * choice plus a number of weeks, blank numbers meaning "the default", and the prompts and
 * questionnaire as their editors hold them (the server checks their content).
 */
const api = createCohortBody.shape;
const optionalNumber = <T extends z.ZodType<number>>(rule: T) => rule.nullable();
const cohortForm = z
  .object({
    typeId: z.string(),
    name: api.name,
    startDate: z.string().min(1, 'Pick the day week 1 starts').pipe(api.startDate),
    length: z.enum(LENGTHS),
    weeks: z.number().nullable(),
    capacity: api.capacity.unwrap(),
    coachIds: api.coachIds,
    leadCoachId: z.string(),
    prompts: z.array(z.custom<PromptChoice>()),
    checkInCadenceDays: optionalNumber(api.checkInCadenceDays.unwrap()),
    checkInBackfillDays: optionalNumber(api.checkInBackfillDays.unwrap()),
    questionnaireOpensDaysBeforeWeekEnd: optionalNumber(api.questionnaireOpensDaysBeforeWeekEnd.unwrap()),
    checkInReminderTime: api.checkInReminderTime.unwrap(),
    defaultQuestionnaire: z.custom<QuestionnaireDraft>(),
  })
  .superRefine(
    (values, ctx) => {
      if (values.length !== 'custom') return;
      const problem = api.weeks.unwrap().unwrap().safeParse(values.weeks).error?.issues[0];
      if (problem) ctx.addIssue({ code: 'custom', path: ['weeks'], message: problem.message });
    },
    // Also while another field is wrong, so every problem shows at once; it reads only the
    // length (a select) and the weeks (a number input gives a number or null).
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  );
type CohortFormValues = z.input<typeof cohortForm>;
type CohortFormOutput = z.output<typeof cohortForm>;

const lengthOf = (weeks: number | null): Pick<CohortFormValues, 'length' | 'weeks'> =>
  weeks === null
    ? { length: 'open', weeks: null }
    : weeks === 6 || weeks === 8
      ? { length: String(weeks) as Length, weeks: null }
      : { length: 'custom', weeks };

/** A new cohort starts from the studio's first cohort type (its length, prompts and questionnaire). */
function initialState(cohort: CohortDetail | undefined, me: { id: string }, firstType?: CohortType): CohortFormValues {
  if (!cohort) {
    return {
      typeId: firstType?.id ?? '',
      name: '',
      startDate: '',
      ...lengthOf(firstType ? firstType.defaultWeeks : 6),
      capacity: null,
      coachIds: [me.id],
      leadCoachId: me.id,
      prompts: firstType ? firstType.prompts.map((p) => ({ ...p })) : [],
      checkInCadenceDays: 1,
      checkInBackfillDays: 2,
      questionnaireOpensDaysBeforeWeekEnd: 1,
      checkInReminderTime: '19:00',
      defaultQuestionnaire: firstType ? questionnaireDraft(firstType.questionnaire) : { intro: '', questions: [] },
    };
  }
  return {
    typeId: cohort.type?.id ?? '',
    name: cohort.name,
    startDate: cohort.startDate,
    ...lengthOf(cohort.weeks),
    capacity: cohort.capacity,
    coachIds: cohort.coaches.map((c) => c.id),
    leadCoachId: cohort.coaches.find((c) => c.isLead)?.id ?? cohort.coaches[0]?.id ?? '',
    prompts: cohort.prompts.map((p) => ({ key: p.key, required: p.required })),
    checkInCadenceDays: cohort.checkInCadenceDays,
    checkInBackfillDays: cohort.checkInBackfillDays,
    questionnaireOpensDaysBeforeWeekEnd: cohort.questionnaireOpensDaysBeforeWeekEnd,
    checkInReminderTime: cohort.checkInReminderTime,
    defaultQuestionnaire: questionnaireDraft(cohort.defaultQuestionnaire),
  };
}

/** The body for POST /api/cohorts (blank numbers are left to the server's defaults). */
function createBodyOf(v: CohortFormOutput, catalogue: CatalogueEntry[]): CreateCohortBody {
  return {
    name: v.name,
    startDate: v.startDate,
    weeks: v.length === 'open' ? null : v.length === 'custom' ? v.weeks : Number(v.length),
    capacity: v.capacity,
    coachIds: v.coachIds,
    leadCoachId: v.leadCoachId || undefined,
    prompts: promptsPayload(v.prompts, catalogue),
    checkInCadenceDays: v.checkInCadenceDays ?? undefined,
    checkInBackfillDays: v.checkInBackfillDays ?? undefined,
    questionnaireOpensDaysBeforeWeekEnd: v.questionnaireOpensDaysBeforeWeekEnd ?? undefined,
    checkInReminderTime: v.checkInReminderTime,
    defaultQuestionnaire: questionnairePayload(v.defaultQuestionnaire),
    ...(v.typeId ? { typeId: v.typeId } : {}),
  };
}

/** Editing sends what changed only (a finished cohort accepts its name and status alone). */
function changesOf(body: CreateCohortBody, before: CreateCohortBody): PatchCohortBody {
  const changed: Partial<CreateCohortBody> = {};
  const keep = <K extends keyof CreateCohortBody>(key: K) => {
    if (JSON.stringify(body[key]) !== JSON.stringify(before[key])) changed[key] = body[key];
  };
  for (const key of Object.keys(body) as Array<keyof CreateCohortBody>) if (key !== 'typeId') keep(key);
  if ('coachIds' in changed || 'leadCoachId' in changed) {
    changed.coachIds = body.coachIds;
    changed.leadCoachId = body.leadCoachId;
  }
  return changed;
}

/** A number input's value for the form: empty is "not given" (null), not zero. */
const asNumber = (value: unknown) => (value === '' || value === null || value === undefined ? null : Number(value));

const FORM_FIELDS = [
  'name',
  'startDate',
  'weeks',
  'capacity',
  'coachIds',
  'leadCoachId',
  'prompts',
  'checkInCadenceDays',
  'checkInBackfillDays',
  'questionnaireOpensDaysBeforeWeekEnd',
  'checkInReminderTime',
] as const satisfies ReadonlyArray<keyof CohortFormValues>;

/** Create or edit a cohort: type, dates, coaches, prompts, rhythm and the weekly questionnaire. */
export function CohortForm(props: {
  cohort?: CohortDetail;
  types: CohortType[];
  catalogue: CatalogueEntry[];
  coaches: CoachOption[];
  saving: boolean;
  error: unknown;
  /** New cohort (no `cohort` given): the body to create it. */
  onCreate?: (body: CreateCohortBody) => void;
  /** Editing: the changed fields only (empty when nothing changed). */
  onSave?: (body: PatchCohortBody) => void;
  onCancel: () => void;
}) {
  const me = useMe().data!;
  const form = useForm<CohortFormValues, unknown, CohortFormOutput>({
    resolver: zodResolver(cohortForm),
    defaultValues: initialState(props.cohort, me, props.types[0]),
  });
  const { errors } = form.formState;
  const s = form.watch();
  const set = (patch: Partial<CohortFormValues>) => {
    for (const [key, value] of Object.entries(patch))
      form.setValue(key as keyof CohortFormValues, value, { shouldDirty: true });
  };
  // Prompt and question problems are told with their place ("Check-in prompt 2: …").
  const unplaced = useServerFieldErrors(form, props.error, FORM_FIELDS);
  const promptProblem = fieldErrorsOf(props.error).find((f) => f.path.startsWith('prompts'));
  const errorFor = (...paths: Array<keyof typeof errors>) => paths.map((p) => errors[p]?.message).find(Boolean) ?? null;
  const formError =
    Object.keys(errors).length > 0
      ? 'Some fields need a look: see the messages below them.'
      : props.error && !fieldErrorsOf(props.error).length
        ? errorMessage(props.error)
        : null;
  const started = props.cohort ? props.cohort.phase !== 'UPCOMING' : false;
  const finished = props.cohort ? props.cohort.status === 'COMPLETED' || props.cohort.status === 'ARCHIVED' : false;

  const chooseType = (typeId: string) => {
    const type = props.types.find((t) => t.id === typeId);
    // Without a type, clients are asked the studio's default prompts; the questions stay as they are.
    if (!type)
      return set({
        typeId,
        prompts: props.catalogue.filter((p) => p.studioDefault).map((p) => ({ key: p.key, required: false })),
      });
    set({
      typeId,
      ...lengthOf(type.defaultWeeks),
      prompts: type.prompts.map((p) => ({ ...p })),
      defaultQuestionnaire: questionnaireDraft(type.questionnaire),
    });
  };
  const submit = (status?: 'DRAFT' | 'ACTIVE') =>
    form.handleSubmit((values) => {
      const body = createBodyOf(values, props.catalogue);
      if (!props.cohort) return props.onCreate?.({ ...body, status });
      // Stored values a newer rule would refuse cannot be compared: then everything is sent.
      const stored = cohortForm.safeParse(initialState(props.cohort, me));
      props.onSave?.(stored.success ? changesOf(body, createBodyOf(stored.data, props.catalogue)) : body);
    });

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
      <Card>
        <CardHeader title="The cohort" />
        <CardBody className="space-y-4">
          {!props.cohort && (
            <Field
              label="Type"
              hint="A type fills in the length, prompts and questionnaire; you can change them below."
            >
              <Select value={s.typeId} onChange={(e) => chooseType(e.target.value)}>
                <option value="">No type</option>
                {props.types.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </Select>
            </Field>
          )}
          <Field label="Name" error={errorFor('name')}>
            <Input placeholder="e.g. Spring 6-Week Challenge" {...form.register('name')} />
          </Field>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field
              label="Start date"
              hint={started ? 'Fixed: the cohort has started.' : 'Week 1 starts on this day.'}
              error={errorFor('startDate')}
            >
              <Input type="date" readOnly={started || finished} {...form.register('startDate')} />
            </Field>
            <Field label="Length" error={s.length === 'custom' ? null : errorFor('weeks')}>
              {/* A finished cohort shows its length without registering it: a disabled input has no value. */}
              <Select
                disabled={finished}
                {...(finished ? { value: s.length, onChange: () => undefined } : form.register('length'))}
              >
                <option value="6">6 weeks</option>
                <option value="8">8 weeks</option>
                <option value="custom">Another number of weeks</option>
                <option value="open">Open-ended</option>
              </Select>
            </Field>
            {s.length === 'custom' && (
              <Field label="Weeks" hint="1 to 52." error={errorFor('weeks')}>
                <Input
                  type="number"
                  inputMode="numeric"
                  readOnly={finished}
                  {...form.register('weeks', { setValueAs: asNumber })}
                />
              </Field>
            )}
            <Field label="Places (optional)" hint="Leave empty for no limit." error={errorFor('capacity')}>
              <Input
                type="number"
                inputMode="numeric"
                readOnly={finished}
                {...form.register('capacity', { setValueAs: asNumber })}
              />
            </Field>
          </div>
          {!finished && (
            <CoachPicker
              options={props.coaches}
              known={props.cohort?.coaches ?? []}
              coachIds={s.coachIds}
              leadCoachId={s.leadCoachId}
              error={errorFor('coachIds', 'leadCoachId')}
              onChange={(next) => set(next)}
            />
          )}
        </CardBody>
      </Card>
      {!finished && (
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
      )}
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
