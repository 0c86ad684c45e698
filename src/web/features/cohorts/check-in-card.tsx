import { CircleCheck } from 'lucide-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { toast } from 'sonner';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { Card, CardBody, CardHeader } from '../../components/ui/card';
import { fieldErrorOf, formErrorOf } from '../../lib/field-errors';
import { formatDay } from './format';
import {
  PromptField,
  WEIGHT_KEY,
  draftFromValues,
  formatCheckInValue,
  payloadFromDraft,
  type CheckInDraft,
} from './prompt-field';
import type { CheckIn, Prompt, WeightUnit } from './types';
import { useSaveCheckIn, useSetWeightUnit } from './use-my-cohort';
import { draftToKg, weightDraftFromKg, weightDraftProblem } from './weight';
import { errorMessage } from '../../lib/api';

function CheckInForm(props: {
  prompts: Prompt[];
  date: string;
  checkIn: CheckIn | null;
  unit: WeightUnit;
  onDone: () => void;
  onCancel?: () => void;
}) {
  const save = useSaveCheckIn();
  const setWeightUnit = useSetWeightUnit();
  const [unit, setUnit] = useState(props.unit);
  const [draft, setDraft] = useState<CheckInDraft>(() =>
    draftFromValues(props.prompts, props.checkIn?.values, props.unit),
  );
  const changeUnit = (next: WeightUnit) => {
    // Carry what was typed over to the new unit, and remember the choice for every screen.
    setDraft((d) => {
      const weight = d[WEIGHT_KEY];
      return weight === undefined || typeof weight === 'string'
        ? d
        : { ...d, [WEIGHT_KEY]: weightDraftFromKg(draftToKg(weight, unit), next) };
    });
    setUnit(next);
    setWeightUnit.mutate(next, { onError: (error) => toast.error(errorMessage(error)) });
  };
  const [weightProblem, setWeightProblem] = useState<string | null>(null);
  const serverFieldError = fieldErrorOf(save.error, 'values');
  const fieldError = weightProblem ? { key: WEIGHT_KEY, message: weightProblem } : serverFieldError;
  const formError = formErrorOf(save.error, 'values');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const weight = draft[WEIGHT_KEY];
    const problem = weight !== undefined && typeof weight !== 'string' ? weightDraftProblem(weight, unit) : null;
    setWeightProblem(problem);
    if (problem) return document.getElementById(`prompt-${WEIGHT_KEY}`)?.scrollIntoView({ block: 'center' });
    // mutateAsync, not mutate's callbacks: the refetch after saving replaces this form with the done
    // state, and callbacks of an unmounted mutate never run (the confirmation was silently lost).
    save.mutateAsync({ date: props.date, values: payloadFromDraft(props.prompts, draft, unit) }).then(
      () => {
        toast.success(props.checkIn ? 'Check-in updated' : 'Checked in — nice work');
        props.onDone();
      },
      (error: unknown) => {
        // Bring the field the server named into view (the form may be taller than the screen).
        const field = fieldErrorOf(error, 'values');
        if (field) document.getElementById(`prompt-${field.key}`)?.scrollIntoView({ block: 'center' });
      },
    );
  };
  return (
    <form onSubmit={submit} className="space-y-5" noValidate>
      {props.prompts.map((p) => (
        <div key={p.key} id={`prompt-${p.key}`} className="scroll-mt-20">
          <PromptField
            prompt={p}
            unit={unit}
            onUnitChange={changeUnit}
            draft={draft[p.key] ?? ''}
            error={fieldError?.key === p.key ? fieldError.message : null}
            onChange={(value) => setDraft((d) => ({ ...d, [p.key]: value }))}
          />
        </div>
      ))}
      {/* Next to the button just pressed, not at the top of a form taller than the phone's screen. */}
      {formError && <Alert tone="error">{formError}</Alert>}
      <div className="flex flex-col gap-2 sm:flex-row">
        <Button type="submit" size="lg" loading={save.isPending} className="w-full sm:w-auto">
          {props.checkIn ? 'Save changes' : 'Check in'}
        </Button>
        {props.onCancel && (
          <Button variant="secondary" size="lg" onClick={props.onCancel} className="w-full sm:w-auto">
            Cancel
          </Button>
        )}
      </div>
    </form>
  );
}

/** What the client entered, shown once the check-in is done. */
export function CheckInValuesList(props: { prompts: Prompt[]; checkIn: CheckIn }) {
  const answered = props.prompts.filter((p) => props.checkIn.values[p.key] !== undefined);
  return (
    <dl className="grid grid-cols-2 gap-x-4 gap-y-3 sm:grid-cols-3">
      {answered.map((p) => (
        <div key={p.key} className={p.kind === 'text' ? 'col-span-2 sm:col-span-3' : undefined}>
          <dt className="text-xs font-medium text-slate-600">{p.label}</dt>
          <dd className="font-semibold whitespace-pre-wrap text-slate-900">{formatCheckInValue(p, props.checkIn)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Today's check-in: the form until it is entered, then a done state that can still be edited today. */
export function CheckInCard(props: {
  prompts: Prompt[];
  date: string;
  checkIn: CheckIn | null;
  unit: WeightUnit;
  description?: string;
}) {
  const [editing, setEditing] = useState(false);
  const [justSaved, setJustSaved] = useState(false);
  const done = props.checkIn !== null && !editing;
  const saved = useRef<HTMLDivElement>(null);
  // The button pressed was at the bottom of a tall form: bring the confirmation to where the eyes are.
  useEffect(() => {
    if (done && justSaved) saved.current?.scrollIntoView({ block: 'center' });
  }, [done, justSaved]);
  return (
    <Card>
      <CardHeader
        title={done ? 'Checked in today' : "Today's check-in"}
        description={props.description ?? formatDay(props.date, 'EEEE d MMMM')}
        action={done ? <CircleCheck className="size-7 shrink-0 text-green-700" aria-label="Done" /> : undefined}
      />
      <CardBody>
        {done ? (
          <div className="space-y-4">
            {justSaved && (
              <div ref={saved}>
                <Alert tone="success">Saved — your coach can see today's check-in.</Alert>
              </div>
            )}
            <CheckInValuesList prompts={props.prompts} checkIn={props.checkIn!} />
            <Button variant="secondary" onClick={() => setEditing(true)}>
              Edit today's check-in
            </Button>
          </div>
        ) : (
          <CheckInForm
            key={props.checkIn ? 'edit' : 'new'}
            prompts={props.prompts}
            date={props.date}
            checkIn={props.checkIn}
            unit={props.unit}
            onDone={() => {
              setEditing(false);
              setJustSaved(true);
            }}
            onCancel={props.checkIn ? () => setEditing(false) : undefined}
          />
        )}
      </CardBody>
    </Card>
  );
}
