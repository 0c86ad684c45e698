import { ArrowDown, ArrowUp, Plus, Trash2 } from 'lucide-react';
import { useId } from 'react';
import { Button } from '../../components/ui/button';
import { Field } from '../../components/ui/field';
import { Input, Select, Textarea } from '../../components/ui/input';
import type { Question, QuestionKind } from './types';

export const QUESTION_KIND_LABELS: Record<QuestionKind, string> = {
  'long-text': 'Long answer',
  text: 'Short answer',
  scale: 'Scale 1–10',
  number: 'Number',
  'single-choice': 'Pick one',
};

/** A question as the editor holds it (options one per line; min/max as typed). */
export interface QuestionDraft {
  key: string;
  id?: string;
  kind: QuestionKind;
  label: string;
  required: boolean;
  optionsText: string;
  min: string;
  max: string;
}

export interface QuestionnaireDraft {
  intro: string;
  questions: QuestionDraft[];
}

let counter = 0;
const newKey = () => `q${++counter}`;

export function questionnaireDraft(content: { intro: string; questions: Question[] }): QuestionnaireDraft {
  return {
    intro: content.intro,
    questions: content.questions.map((q) => ({
      key: newKey(),
      id: q.id,
      kind: q.kind,
      label: q.label,
      required: q.required,
      optionsText: (q.options ?? []).join('\n'),
      min: q.min === undefined ? '' : String(q.min),
      max: q.max === undefined ? '' : String(q.max),
    })),
  };
}

/** The body the API takes; the server validates it and names the field when something is wrong. */
export function questionnairePayload(draft: QuestionnaireDraft) {
  return {
    intro: draft.intro,
    questions: draft.questions.map((q) => ({
      ...(q.id ? { id: q.id } : {}),
      kind: q.kind,
      label: q.label,
      required: q.required,
      ...(q.kind === 'single-choice'
        ? {
            options: q.optionsText
              .split('\n')
              .map((o) => o.trim())
              .filter(Boolean),
          }
        : {}),
      ...(q.kind === 'number' && q.min.trim() !== '' ? { min: Number(q.min) } : {}),
      ...(q.kind === 'number' && q.max.trim() !== '' ? { max: Number(q.max) } : {}),
    })),
  };
}

function QuestionRow(props: {
  index: number;
  count: number;
  question: QuestionDraft;
  disabled?: boolean;
  onChange: (q: QuestionDraft) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}) {
  const q = props.question;
  const requiredId = useId();
  const set = (patch: Partial<QuestionDraft>) => props.onChange({ ...q, ...patch });
  const n = props.index + 1;
  return (
    <li className="space-y-3 rounded-lg border border-slate-200 bg-slate-50/60 p-3">
      <div className="flex items-center justify-between gap-2">
        <p className="text-sm font-semibold text-slate-800">Question {n}</p>
        <div className="flex gap-1">
          <Button
            variant="ghost"
            size="sm"
            disabled={props.disabled || props.index === 0}
            onClick={() => props.onMove(-1)}
            aria-label={`Move question ${n} up`}
          >
            <ArrowUp className="size-4" aria-hidden />
          </Button>
          <Button
            variant="ghost"
            size="sm"
            disabled={props.disabled || props.index === props.count - 1}
            onClick={() => props.onMove(1)}
            aria-label={`Move question ${n} down`}
          >
            <ArrowDown className="size-4" aria-hidden />
          </Button>
          <Button
            variant="ghost"
            size="sm"
            disabled={props.disabled}
            onClick={props.onRemove}
            aria-label={`Remove question ${n}`}
          >
            <Trash2 className="size-4" aria-hidden />
          </Button>
        </div>
      </div>
      <Field label="Question">
        <Input value={q.label} disabled={props.disabled} onChange={(e) => set({ label: e.target.value })} />
      </Field>
      <div className="flex flex-wrap items-end gap-3">
        <Field label="Answer" className="w-48">
          <Select
            value={q.kind}
            disabled={props.disabled}
            onChange={(e) => set({ kind: e.target.value as QuestionKind })}
          >
            {Object.entries(QUESTION_KIND_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        </Field>
        <label htmlFor={requiredId} className="flex min-h-11 items-center gap-2 text-sm text-slate-800">
          <input
            id={requiredId}
            type="checkbox"
            className="size-5 accent-brand-700"
            checked={q.required}
            disabled={props.disabled}
            onChange={(e) => set({ required: e.target.checked })}
          />
          Required
        </label>
      </div>
      {q.kind === 'single-choice' && (
        <Field label="Choices" hint="One per line, at least two.">
          <Textarea
            className="min-h-20"
            value={q.optionsText}
            disabled={props.disabled}
            onChange={(e) => set({ optionsText: e.target.value })}
          />
        </Field>
      )}
      {q.kind === 'number' && (
        <div className="flex gap-3">
          <Field label="Lowest" className="w-28">
            <Input
              inputMode="decimal"
              value={q.min}
              disabled={props.disabled}
              onChange={(e) => set({ min: e.target.value })}
            />
          </Field>
          <Field label="Highest" className="w-28">
            <Input
              inputMode="decimal"
              value={q.max}
              disabled={props.disabled}
              onChange={(e) => set({ max: e.target.value })}
            />
          </Field>
        </div>
      )}
    </li>
  );
}

/** Edits a questionnaire: intro text and an ordered list of questions. */
export function QuestionnaireEditor(props: {
  value: QuestionnaireDraft;
  onChange: (d: QuestionnaireDraft) => void;
  disabled?: boolean;
}) {
  const { intro, questions } = props.value;
  const setQuestions = (next: QuestionDraft[]) => props.onChange({ intro, questions: next });
  return (
    <div className="space-y-4">
      <Field label="Introduction" hint="Shown above the questions.">
        <Textarea
          className="min-h-20"
          value={intro}
          disabled={props.disabled}
          onChange={(e) => props.onChange({ intro: e.target.value, questions })}
        />
      </Field>
      {questions.length === 0 && <p className="text-sm text-slate-600">No questions yet.</p>}
      <ol className="space-y-3">
        {questions.map((q, i) => (
          <QuestionRow
            key={q.key}
            index={i}
            count={questions.length}
            question={q}
            disabled={props.disabled}
            onChange={(nq) => setQuestions(questions.map((x) => (x.key === q.key ? nq : x)))}
            onRemove={() => setQuestions(questions.filter((x) => x.key !== q.key))}
            onMove={(delta) => {
              const next = [...questions];
              const [moved] = next.splice(i, 1);
              next.splice(i + delta, 0, moved!);
              setQuestions(next);
            }}
          />
        ))}
      </ol>
      <Button
        variant="secondary"
        disabled={props.disabled}
        onClick={() =>
          setQuestions([
            ...questions,
            { key: newKey(), kind: 'long-text', label: '', required: false, optionsText: '', min: '', max: '' },
          ])
        }
      >
        <Plus className="size-4" aria-hidden /> Add a question
      </Button>
    </div>
  );
}
