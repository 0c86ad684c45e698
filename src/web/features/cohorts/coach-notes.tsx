import { Lock } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { Card, CardBody, CardHeader } from '../../components/ui/card';
import { Field } from '../../components/ui/field';
import { Textarea } from '../../components/ui/input';
import { errorMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useStudio } from '../studio/use-studio';
import { useAddNote, type NoteView } from './use-cohorts';

/** Private notes on a client: never shown to the client. */
export function CoachNotes(props: { cohortId: string; userId: string; notes: NoteView[] }) {
  const { timezone } = useStudio();
  const add = useAddNote(props.cohortId, props.userId);
  const [text, setText] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(text, { onSuccess: () => setText('') });
  };
  return (
    <Card>
      <CardHeader
        title="Private notes"
        description={
          <span className="inline-flex items-center gap-1">
            <Lock className="size-3.5" aria-hidden /> Only the cohort's coaches and admins see these.
          </span>
        }
      />
      <CardBody className="space-y-4">
        <form onSubmit={submit} className="space-y-2">
          {add.error && <Alert tone="error">{errorMessage(add.error)}</Alert>}
          <Field label="New note">
            <Textarea className="min-h-20" value={text} onChange={(e) => setText(e.target.value)} />
          </Field>
          <Button type="submit" variant="secondary" size="sm" disabled={!text.trim()} loading={add.isPending}>
            Add note
          </Button>
        </form>
        {props.notes.length === 0 ? (
          <p className="text-sm text-slate-600">No notes yet.</p>
        ) : (
          <ol className="space-y-3">
            {props.notes.map((n) => (
              <li key={n.id} className="rounded-lg bg-slate-50 px-3 py-2">
                <p className="text-xs text-slate-600">
                  {n.author?.name ?? 'A former coach'} · {formatDateTime(n.createdAt, timezone)}
                </p>
                <p className="mt-0.5 whitespace-pre-wrap text-sm text-slate-900">{n.text}</p>
              </li>
            ))}
          </ol>
        )}
      </CardBody>
    </Card>
  );
}
