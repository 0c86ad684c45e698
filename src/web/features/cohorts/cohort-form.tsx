import { useState, type FormEvent } from 'react';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { Card, CardBody, CardHeader } from '../../components/ui/card';
import { Field } from '../../components/ui/field';
import { Input, Select } from '../../components/ui/input';
import { errorMessage } from '../../lib/api';
import { useMe } from '../auth/use-me';
import { CoachPicker, type CoachOption } from './coach-picker';
import { describeFieldError, splitFieldError } from '../../lib/field-errors';
import { PromptPicker, promptsPayload, type PromptChoice } from './prompt-picker';
import {
  QuestionnaireEditor,
  questionnaireDraft,
  questionnairePayload,
  type QuestionnaireDraft,
} from './questionnaire-editor';
import type { CatalogueEntry, CohortDetail, CohortType, CreateCohortBody } from './use-cohorts';

type Length = '6' | '8' | 'custom' | 'open';

interface FormState {
  typeId: string;
  name: string;
  startDate: string;
  length: Length;
  customWeeks: string;
  capacity: string;
  coachIds: string[];
  leadCoachId: string;
  prompts: PromptChoice[];
  cadence: string;
  backfill: string;
  opensDays: string;
  reminderTime: string;
  questionnaire: QuestionnaireDraft;
}

const lengthOf = (weeks: number | null): Pick<FormState, 'length' | 'customWeeks'> =>
  weeks === null
    ? { length: 'open', customWeeks: '' }
    : weeks === 6 || weeks === 8
      ? { length: String(weeks) as Length, customWeeks: '' }
      : { length: 'custom', customWeeks: String(weeks) };

/** A new cohort starts from the studio's first cohort type (its length, prompts and questionnaire). */
function initialState(cohort: CohortDetail | undefined, me: { id: string }, firstType?: CohortType): FormState {
  if (!cohort) {
    return {
      typeId: firstType?.id ?? '',
      name: '',
      startDate: '',
      ...lengthOf(firstType ? firstType.defaultWeeks : 6),
      capacity: '',
      coachIds: [me.id],
      leadCoachId: me.id,
      prompts: firstType ? firstType.prompts.map((p) => ({ ...p })) : [],
      cadence: '1',
      backfill: '2',
      opensDays: '1',
      reminderTime: '19:00',
      questionnaire: firstType ? questionnaireDraft(firstType.questionnaire) : { intro: '', questions: [] },
    };
  }
  return {
    typeId: cohort.type?.id ?? '',
    name: cohort.name,
    startDate: cohort.startDate,
    ...lengthOf(cohort.weeks),
    capacity: cohort.capacity === null ? '' : String(cohort.capacity),
    coachIds: cohort.coaches.map((c) => c.id),
    leadCoachId: cohort.coaches.find((c) => c.isLead)?.id ?? cohort.coaches[0]?.id ?? '',
    prompts: cohort.prompts.map((p) => ({ key: p.key, required: p.required })),
    cadence: String(cohort.checkInCadenceDays),
    backfill: String(cohort.checkInBackfillDays),
    opensDays: String(cohort.questionnaireOpensDaysBeforeWeekEnd),
    reminderTime: cohort.checkInReminderTime,
    questionnaire: questionnaireDraft(cohort.defaultQuestionnaire),
  };
}

const num = (s: string) => (s.trim() === '' ? null : Number(s));
/** Number fields hold text; blank is "not set", anything else must read as a number. */
const notANumber = (s: string) => s.trim() !== '' && !Number.isFinite(Number(s));
const NUMBER_FIELDS = [
  ['customWeeks', 'weeks'],
  ['capacity', 'capacity'],
  ['cadence', 'checkInCadenceDays'],
  ['backfill', 'checkInBackfillDays'],
  ['opensDays', 'questionnaireOpensDaysBeforeWeekEnd'],
] as const;

/** What is missing or unreadable before asking the server (which checks every rule). */
function localErrors(s: FormState, isNew: boolean): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!s.name.trim()) errors.name = 'Give the cohort a name.';
  if (isNew && !s.startDate) errors.startDate = 'Pick the day week 1 starts.';
  if (s.length === 'custom' && !s.customWeeks.trim()) errors.weeks = 'How many weeks?';
  for (const [field, path] of NUMBER_FIELDS) if (notANumber(s[field])) errors[path] = 'Enter a number.';
  return errors;
}

/** The body for POST /api/cohorts, or the changed fields for PATCH. */
function bodyOf(s: FormState, catalogue: CatalogueEntry[], cohort: CohortDetail | undefined): CreateCohortBody {
  const weeks = s.length === 'open' ? null : s.length === 'custom' ? num(s.customWeeks) : Number(s.length);
  const full: Record<string, unknown> = {
    name: s.name,
    startDate: s.startDate,
    weeks,
    capacity: num(s.capacity),
    coachIds: s.coachIds,
    leadCoachId: s.leadCoachId || undefined,
    prompts: promptsPayload(s.prompts, catalogue),
    checkInCadenceDays: num(s.cadence) ?? undefined,
    checkInBackfillDays: num(s.backfill) ?? undefined,
    questionnaireOpensDaysBeforeWeekEnd: num(s.opensDays) ?? undefined,
    checkInReminderTime: s.reminderTime,
    defaultQuestionnaire: questionnairePayload(s.questionnaire),
  };
  // Checked field by field by validate() above; the server checks again.
  if (!cohort) return { ...full, ...(s.typeId ? { typeId: s.typeId } : {}) } as CreateCohortBody;
  // Editing: send what changed only (a finished cohort accepts its name and status alone).
  const before = bodyOf(initialState(cohort, { id: '' }), catalogue, undefined);
  const changed = Object.fromEntries(
    Object.entries(full).filter(
      ([k, v]) => JSON.stringify(v) !== JSON.stringify((before as Record<string, unknown>)[k]),
    ),
  );
  if ('coachIds' in changed || 'leadCoachId' in changed)
    Object.assign(changed, { coachIds: full.coachIds, leadCoachId: full.leadCoachId });
  return changed as CreateCohortBody;
}

/** Create or edit a cohort: type, dates, coaches, prompts, rhythm and the weekly questionnaire. */
export function CohortForm(props: {
  cohort?: CohortDetail;
  types: CohortType[];
  catalogue: CatalogueEntry[];
  coaches: CoachOption[];
  saving: boolean;
  error: unknown;
  onSubmit: (body: CreateCohortBody) => void;
  onCancel: () => void;
}) {
  const me = useMe().data!;
  const [s, setS] = useState<FormState>(() => initialState(props.cohort, me, props.types[0]));
  const set = (patch: Partial<FormState>) => setS((prev) => ({ ...prev, ...patch }));
  const [local, setLocal] = useState<Record<string, string>>({});
  const fieldError = splitFieldError(props.error);
  const errorFor = (...paths: string[]) => {
    const mine = paths.map((p) => local[p]).find(Boolean);
    if (mine) return mine;
    return fieldError && paths.some((p) => fieldError.path === p || fieldError.path.startsWith(`${p}.`))
      ? fieldError.message
      : null;
  };
  const shownInline = [
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
  ];
  const shownUnderField = fieldError !== null && shownInline.includes(fieldError.path.split('.')[0]!);
  const formError =
    Object.keys(local).length > 0
      ? 'Some fields need a look: see the messages below them.'
      : props.error && !shownUnderField
        ? fieldError
          ? describeFieldError(fieldError)
          : errorMessage(props.error)
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
      questionnaire: questionnaireDraft(type.questionnaire),
    });
  };
  const submit = (status?: 'DRAFT' | 'ACTIVE') => (event?: FormEvent) => {
    event?.preventDefault();
    const errors = localErrors(s, !props.cohort);
    setLocal(errors);
    if (Object.keys(errors).length > 0) return;
    const body = bodyOf(s, props.catalogue, props.cohort);
    props.onSubmit(status ? { ...body, status } : body);
  };

  return (
    <form onSubmit={submit(props.cohort ? undefined : 'ACTIVE')} className="space-y-5" noValidate>
      {formError && <Alert tone="error">{formError}</Alert>}
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
            <Input
              value={s.name}
              onChange={(e) => set({ name: e.target.value })}
              placeholder="e.g. Spring 6-Week Challenge"
            />
          </Field>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field
              label="Start date"
              hint={started ? 'Fixed: the cohort has started.' : 'Week 1 starts on this day.'}
              error={errorFor('startDate')}
            >
              <Input
                type="date"
                value={s.startDate}
                disabled={started || finished}
                onChange={(e) => set({ startDate: e.target.value })}
              />
            </Field>
            <Field label="Length" error={s.length === 'custom' ? null : errorFor('weeks')}>
              <Select value={s.length} disabled={finished} onChange={(e) => set({ length: e.target.value as Length })}>
                <option value="6">6 weeks</option>
                <option value="8">8 weeks</option>
                <option value="custom">Another number of weeks</option>
                <option value="open">Open-ended</option>
              </Select>
            </Field>
            {s.length === 'custom' && (
              <Field label="Weeks" hint="1 to 52." error={errorFor('weeks')}>
                <Input
                  inputMode="numeric"
                  value={s.customWeeks}
                  disabled={finished}
                  onChange={(e) => set({ customWeeks: e.target.value })}
                />
              </Field>
            )}
            <Field label="Places (optional)" hint="Leave empty for no limit." error={errorFor('capacity')}>
              <Input
                inputMode="numeric"
                value={s.capacity}
                disabled={finished}
                onChange={(e) => set({ capacity: e.target.value })}
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
                error={fieldError?.path.startsWith('prompts') ? describeFieldError(fieldError) : null}
              />
              <div className="grid gap-4 sm:grid-cols-3">
                <Field label="Check in every … days" hint="1 = daily." error={errorFor('checkInCadenceDays')}>
                  <Input inputMode="numeric" value={s.cadence} onChange={(e) => set({ cadence: e.target.value })} />
                </Field>
                <Field
                  label="Days clients may catch up"
                  hint="How many past days they can still fill in."
                  error={errorFor('checkInBackfillDays')}
                >
                  <Input inputMode="numeric" value={s.backfill} onChange={(e) => set({ backfill: e.target.value })} />
                </Field>
                <Field
                  label="Daily reminder at"
                  hint="Studio time, to those not checked in."
                  error={errorFor('checkInReminderTime')}
                >
                  <Input type="time" value={s.reminderTime} onChange={(e) => set({ reminderTime: e.target.value })} />
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
                  inputMode="numeric"
                  className="w-24"
                  value={s.opensDays}
                  onChange={(e) => set({ opensDays: e.target.value })}
                />
              </Field>
              <QuestionnaireEditor value={s.questionnaire} onChange={(questionnaire) => set({ questionnaire })} />
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
