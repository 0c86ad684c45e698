import { ClipboardCheck, MessageSquareText, Video } from 'lucide-react';
import { useEffect } from 'react';
import { Link, useLocation } from 'react-router';
import { Badge } from '../../components/ui/badge';
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
  const { hash } = useLocation();
  // "Your coach replied" links to #feedback-week-n: bring that reply into view and to the reader's focus.
  useEffect(() => {
    if (!hash.startsWith('#feedback-week-')) return;
    const target = document.getElementById(hash.slice(1));
    target?.scrollIntoView({ block: 'start' });
    target?.focus();
  }, [hash, items.length]);
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
              <li
                key={f.week}
                id={`feedback-week-${f.week}`}
                tabIndex={-1}
                className="flex scroll-mt-20 gap-3 rounded-lg outline-none focus-visible:ring-2 focus-visible:ring-brand-600"
              >
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

/** Questionnaires of earlier weeks that were submitted and wait for the coach: they do not vanish. */
export function AwaitingFeedback(props: { weeks: number[] }) {
  if (props.weeks.length === 0) return null;
  return (
    <Card>
      <CardHeader title="Waiting for your coach" />
      <CardBody>
        <ul className="divide-y divide-slate-100">
          {props.weeks.map((week) => (
            <li key={week} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2">
              <span className="font-medium text-slate-900">Week {week} questionnaire</span>
              <Badge tone="success">Submitted — waiting for your coach</Badge>
              <Link
                to={`/cohort/questionnaire/${week}`}
                className="inline-flex min-h-11 items-center gap-1.5 text-sm font-medium text-brand-700 underline"
              >
                <ClipboardCheck className="size-4" aria-hidden /> Your answers
                <span className="sr-only"> for week {week}</span>
              </Link>
            </li>
          ))}
        </ul>
      </CardBody>
    </Card>
  );
}
