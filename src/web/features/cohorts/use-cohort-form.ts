import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { errorMessage } from '../../lib/api';
import { fieldErrorsOf } from '../../lib/field-errors';
import { useServerFieldErrors } from '../../lib/server-field-errors';
import { useMe } from '../auth/use-me';
import {
  FORM_FIELDS,
  changesOf,
  cohortForm,
  createBodyOf,
  initialState,
  lengthOf,
  type CohortFormOutput,
  type CohortFormValues,
} from './cohort-form-values';
import { questionnaireDraft } from './questionnaire-editor';
import type { CatalogueEntry, CohortDetail, CohortType, CreateCohortBody, PatchCohortBody } from './use-cohorts';

export interface CohortFormProps {
  cohort?: CohortDetail;
  types: CohortType[];
  catalogue: CatalogueEntry[];
  saving: boolean;
  error: unknown;
  /** New cohort (no `cohort` given): the body to create it. */
  onCreate?: (body: CreateCohortBody) => void;
  /** Editing: the changed fields only (empty when nothing changed). */
  onSave?: (body: PatchCohortBody) => void;
}

/**
 * The cohort form's state: react-hook-form on the form's schema, its problems in plain words
 * (the client's and the server's), choosing a type, and submitting as a new cohort or as changes.
 */
export function useCohortForm(props: CohortFormProps) {
  const me = useMe().data!;
  const form = useForm<CohortFormValues, unknown, CohortFormOutput>({
    resolver: zodResolver(cohortForm),
    defaultValues: initialState(props.cohort, me, props.types[0]),
  });
  const { errors } = form.formState;
  const values = form.watch();
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
    form.handleSubmit((entered) => {
      const body = createBodyOf(entered, props.catalogue);
      if (!props.cohort) return props.onCreate?.({ ...body, status });
      // Stored values a newer rule would refuse cannot be compared: then everything is sent.
      const stored = cohortForm.safeParse(initialState(props.cohort, me));
      props.onSave?.(stored.success ? changesOf(body, createBodyOf(stored.data, props.catalogue)) : body);
    });

  return { form, values, set, errorFor, formError, unplaced, promptProblem, started, finished, chooseType, submit };
}

/** What the form's sections share: the form, its current values, and how to change and check them. */
export type CohortFormState = ReturnType<typeof useCohortForm>;
