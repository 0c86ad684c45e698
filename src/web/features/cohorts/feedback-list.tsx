import { MessageSquareText, Video } from 'lucide-react';
import { Card, CardBody, CardHeader } from '../../components/ui/card';
import { formatDate } from '../../lib/format';
import { useStudio } from '../studio/use-studio';

export interface PublishedFeedback {
  week: number;
  message: string;
  videoUrl?: string | null;
  publishedAt: string;
  authorName?: string | null;
}

/** A safe link target: only http(s) video links become links. */
export const isWebLink = (url: string | null | undefined): url is string => !!url && /^https?:\/\//i.test(url);

/** The coach's published feedback, newest week first. */
export function FeedbackList(props: { feedback: PublishedFeedback[] }) {
  const { timezone } = useStudio();
  const items = [...props.feedback].sort((a, b) => b.week - a.week);
  return (
    <Card>
      <CardHeader title="Feedback from your coach" />
      <CardBody>
        {items.length === 0 ? (
          <p className="text-sm text-slate-600">
            Your coach replies to each week's questionnaire. Their feedback will appear here.
          </p>
        ) : (
          <ol className="space-y-5">
            {items.map((f) => (
              <li key={f.week} className="flex gap-3">
                <MessageSquareText className="mt-0.5 size-5 shrink-0 text-brand-700" aria-hidden />
                <div className="min-w-0">
                  <p className="text-sm font-semibold text-slate-900">
                    Week {f.week}
                    <span className="font-normal text-slate-600">
                      {' '}
                      · {f.authorName ? `${f.authorName}, ` : ''}
                      {formatDate(f.publishedAt, timezone)}
                    </span>
                  </p>
                  <p className="mt-1 whitespace-pre-wrap text-slate-800">{f.message}</p>
                  {isWebLink(f.videoUrl) && (
                    <a
                      href={f.videoUrl}
                      target="_blank"
                      rel="noreferrer noopener"
                      className="mt-2 inline-flex min-h-11 items-center gap-1.5 text-sm font-medium text-brand-700 underline"
                    >
                      <Video className="size-4" aria-hidden /> Watch the video from your coach
                    </a>
                  )}
                </div>
              </li>
            ))}
          </ol>
        )}
      </CardBody>
    </Card>
  );
}
