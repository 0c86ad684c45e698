import { Field } from '../../components/ui/field';
import { Input, Textarea } from '../../components/ui/input';
import { ChoiceGroup } from './choice-group';
import type { Answers, Question } from './types';

/** Answers as the form holds them: every answer as typed (numbers as text). */
export type AnswerDraft = Record<string, string>;

export const draftFromAnswers = (questions: Question[], answers: Answers | undefined): AnswerDraft =>
  Object.fromEntries(questions.map((q) => [q.id, answers?.[q.id] === undefined ? '' : String(answers[q.id])]));

/** The `answers` to send: blanks as null ("not answered yet"), numbers as numbers; the server checks them. */
export function answersPayload(questions: Question[], draft: AnswerDraft): Record<string, string | number | null> {
  const out: Record<string, string | number | null> = {};
  for (const q of questions) {
    const raw = draft[q.id] ?? '';
    if (raw.trim() === '') out[q.id] = null;
    else if (q.kind === 'number' || q.kind === 'scale') out[q.id] = Number.isFinite(Number(raw)) ? Number(raw) : raw;
    else out[q.id] = raw;
  }
  return out;
}

function label(q: Question) {
  return (
    <>
      {q.label}
      {!q.required && <span className="font-normal text-slate-600"> (optional)</span>}
    </>
  );
}

const range = (min: number, max: number) =>
  Array.from({ length: max - min + 1 }, (_, i) => String(min + i)).map((v) => ({ value: v, label: v }));

/** One questionnaire question with the control its kind needs. */
export function QuestionField(props: {
  question: Question;
  value: string;
  error?: string | null;
  disabled?: boolean;
  onChange: (v: string) => void;
}) {
  const q = props.question;
  switch (q.kind) {
    case 'long-text':
      return (
        <Field label={label(q)} error={props.error}>
          <Textarea value={props.value} disabled={props.disabled} onChange={(e) => props.onChange(e.target.value)} />
        </Field>
      );
    case 'text':
      return (
        <Field label={label(q)} error={props.error}>
          <Input value={props.value} disabled={props.disabled} onChange={(e) => props.onChange(e.target.value)} />
        </Field>
      );
    case 'scale':
      return (
        <ChoiceGroup
          legend={label(q)}
          hint="1 = lowest, 10 = highest"
          error={props.error}
          disabled={props.disabled}
          value={props.value}
          onChange={props.onChange}
          options={range(1, 10)}
          layout="grid5"
        />
      );
    case 'single-choice':
      return (
        <ChoiceGroup
          legend={label(q)}
          error={props.error}
          disabled={props.disabled}
          value={props.value}
          onChange={props.onChange}
          options={(q.options ?? []).map((o) => ({ value: o, label: o }))}
          layout="stack"
        />
      );
    case 'number':
      // A small whole-number range (e.g. days trained 0–7) is quicker to tap than to type.
      if (
        q.min !== undefined &&
        q.max !== undefined &&
        Number.isInteger(q.min) &&
        Number.isInteger(q.max) &&
        q.max - q.min <= 10
      ) {
        return (
          <ChoiceGroup
            legend={label(q)}
            error={props.error}
            disabled={props.disabled}
            value={props.value}
            onChange={props.onChange}
            options={range(q.min, q.max)}
          />
        );
      }
      return (
        <Field
          label={label(q)}
          error={props.error}
          hint={q.min !== undefined && q.max !== undefined ? `${q.min}–${q.max}` : undefined}
        >
          <Input
            inputMode="decimal"
            className="w-40"
            value={props.value}
            disabled={props.disabled}
            onChange={(e) => props.onChange(e.target.value)}
          />
        </Field>
      );
  }
}

/** A submitted answer, read-only. */
export function AnswerList(props: { questions: Question[]; answers: Answers }) {
  return (
    <dl className="space-y-4">
      {props.questions.map((q) => {
        const a = props.answers[q.id];
        return (
          <div key={q.id}>
            <dt className="text-sm font-medium text-slate-700">{q.label}</dt>
            <dd className="mt-0.5 whitespace-pre-wrap text-slate-900">
              {a === undefined ? (
                <span className="text-slate-500">Not answered</span>
              ) : q.kind === 'scale' ? (
                `${a} / 10`
              ) : (
                String(a)
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
