import { z } from 'zod';
import { createCohortBody } from '../../../contracts/cohorts';
import { promptsPayload, type PromptChoice } from './prompt-picker';
import { questionnaireDraft, questionnairePayload, type QuestionnaireDraft } from './questionnaire-editor';
import type { CatalogueEntry, CohortDetail, CohortType, CreateCohortBody, PatchCohortBody } from './use-cohorts';

/*
 * The cohort form's values and what it sends: its schema, its starting values for a new or an
 * existing cohort, and the create body and the edit's changes built from what was entered.
 */

const LENGTHS = ['6', '8', 'custom', 'open'] as const;
type Length = (typeof LENGTHS)[number];

/**
 * The form's schema is the API's own (`createCohortBody` of src/contracts): the length asked as a
 * choice plus a number of weeks, blank numbers meaning "the default", and the prompts and
 * questionnaire as their editors hold them (the server checks their content).
 */
const api = createCohortBody.shape;
const optionalNumber = <T extends z.ZodType<number>>(rule: T) => rule.nullable();
export const cohortForm = z
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
export type CohortFormValues = z.input<typeof cohortForm>;
export type CohortFormOutput = z.output<typeof cohortForm>;

export const lengthOf = (weeks: number | null): Pick<CohortFormValues, 'length' | 'weeks'> =>
  weeks === null
    ? { length: 'open', weeks: null }
    : weeks === 6 || weeks === 8
      ? { length: String(weeks) as Length, weeks: null }
      : { length: 'custom', weeks };

/** A new cohort starts from the studio's first cohort type (its length, prompts and questionnaire). */
export function initialState(
  cohort: CohortDetail | undefined,
  me: { id: string },
  firstType?: CohortType,
): CohortFormValues {
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
export function createBodyOf(v: CohortFormOutput, catalogue: CatalogueEntry[]): CreateCohortBody {
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
export function changesOf(body: CreateCohortBody, before: CreateCohortBody): PatchCohortBody {
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
export const asNumber = (value: unknown) =>
  value === '' || value === null || value === undefined ? null : Number(value);

export const FORM_FIELDS = [
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
