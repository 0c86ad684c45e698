import { useState, type FormEvent } from 'react';
import { toast } from 'sonner';
import { Alert } from '../../components/ui/alert';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { Field } from '../../components/ui/field';
import { Input, Textarea } from '../../components/ui/input';
import { errorMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useStudio } from '../studio/use-studio';
import { splitFieldError } from '../../lib/field-errors';
import { useSaveFeedback, type FeedbackView } from './use-cohorts';

/**
 * A coach's feedback on one week: saved as a draft (the client does not see it) or published
 * (the client is notified). Published feedback can still be corrected; it stays published.
 */
export function FeedbackForm(props: {
  cohortId: string;
  userId: string;
  clientName: string;
  week: number;
  feedback: FeedbackView | null;
}) {
  const { timezone } = useStudio();
  const save = useSaveFeedback(props.cohortId, props.userId);
  const [message, setMessage] = useState(props.feedback?.message ?? '');
  const [videoUrl, setVideoUrl] = useState(props.feedback?.videoUrl ?? '');
  const published = props.feedback?.status === 'PUBLISHED';
  const fieldError = splitFieldError(save.error);
  const errorFor = (field: string) => (fieldError?.path === field ? fieldError.message : null);
  const send = (publish: boolean) =>
    save.mutate(
      { week: props.week, message, videoUrl: videoUrl.trim() || null, publish },
      {
        onSuccess: (saved) =>
          toast.success(
            saved.status === 'PUBLISHED'
              ? published
                ? 'Feedback updated.'
                : `Published. ${props.clientName} has been notified.`
              : 'Draft saved. Only coaches can see it.',
          ),
      },
    );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send(true);
  };
  return (
    <form onSubmit={submit} className="space-y-3" noValidate>
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="text-sm font-semibold text-slate-900">Your feedback</h3>
        {props.feedback &&
          (published ? (
            <Badge tone="success">
              Published {props.feedback.publishedAt ? formatDateTime(props.feedback.publishedAt, timezone) : ''}
            </Badge>
          ) : (
            <Badge tone="info">Draft — not visible to {props.clientName}</Badge>
          ))}
        {props.feedback?.author && <span className="text-xs text-slate-600">by {props.feedback.author.name}</span>}
      </div>
      {save.error && !fieldError && <Alert tone="error">{errorMessage(save.error)}</Alert>}
      <Field label={`Feedback for week ${props.week}`} error={errorFor('message')}>
        <Textarea className="min-h-32" value={message} onChange={(e) => setMessage(e.target.value)} />
      </Field>
      <Field label="Video link (optional)" hint="A link to a video you recorded for them." error={errorFor('videoUrl')}>
        <Input
          type="url"
          inputMode="url"
          placeholder="https://"
          value={videoUrl}
          onChange={(e) => setVideoUrl(e.target.value)}
        />
      </Field>
      <div className="flex flex-col gap-2 sm:flex-row">
        {!published && (
          <Button
            variant="secondary"
            loading={save.isPending && save.variables?.publish === false}
            disabled={save.isPending}
            onClick={() => send(false)}
          >
            Save draft
          </Button>
        )}
        <Button type="submit" loading={save.isPending && save.variables?.publish === true} disabled={save.isPending}>
          {published ? 'Update feedback' : 'Publish to client'}
        </Button>
      </div>
    </form>
  );
}
