import { useInfiniteQuery } from '@tanstack/react-query';
import { Alert } from '../../components/ui/alert';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { Card } from '../../components/ui/card';
import { EmptyState, PageHeader, Spinner } from '../../components/ui/page';
import { api, errorMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useStudio } from '../studio/use-studio';

const STATUS: Record<string, { label: string; tone: 'success' | 'warning' | 'danger' | 'neutral' }> = {
  SENT: { label: 'Sent', tone: 'success' },
  PENDING: { label: 'Not sent', tone: 'warning' },
  SENDING: { label: 'Sending', tone: 'neutral' },
  FAILED: { label: 'Failed', tone: 'danger' },
};

/** Makes the links in a plain-text email clickable. */
function Linkified(props: { text: string }) {
  const parts = props.text.split(/(https?:\/\/\S+)/g);
  return (
    <>
      {parts.map((part, i) =>
        /^https?:\/\//.test(part) ? (
          <a key={i} href={part} className="break-all text-brand-700 underline">
            {part}
          </a>
        ) : (
          <span key={i}>{part}</span>
        ),
      )}
    </>
  );
}

export function OutboxPage() {
  const { timezone } = useStudio();
  const outbox = useInfiniteQuery({
    queryKey: ['admin', 'outbox'],
    queryFn: ({ pageParam }) => api.get('/api/admin/outbox', { query: { before: pageParam, limit: 30 } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const emails = outbox.data?.pages.flatMap((p) => p.emails) ?? [];
  return (
    <>
      <PageHeader
        title="Email outbox"
        description="Every email Roster sends. Without SMTP configured nothing leaves the server: read the messages here and pass them on (for example a password-reset link)."
      />
      {outbox.isPending && <Spinner />}
      {outbox.error && <Alert tone="error">{errorMessage(outbox.error)}</Alert>}
      {outbox.data && emails.length === 0 && <EmptyState title="No emails yet" />}
      {emails.length > 0 && (
        <Card>
          <ul className="divide-y divide-slate-100">
            {emails.map((e) => (
              <li key={e.id} className="px-4 py-3 sm:px-5">
                <details>
                  <summary className="cursor-pointer list-none">
                    <div className="flex flex-wrap items-center gap-2">
                      <span className="font-medium text-slate-900">{e.subject}</span>
                      <Badge tone={STATUS[e.status]?.tone ?? 'neutral'}>{STATUS[e.status]?.label ?? e.status}</Badge>
                    </div>
                    <p className="mt-0.5 text-sm text-slate-600">
                      To {e.to} · <time dateTime={e.createdAt}>{formatDateTime(e.createdAt, timezone)}</time>
                    </p>
                  </summary>
                  <pre className="mt-3 font-sans text-sm whitespace-pre-wrap text-slate-800">
                    <Linkified
                      text={e.link ? `${e.text}\n\n${new URL(e.link, window.location.origin).toString()}` : e.text}
                    />
                  </pre>
                  {e.lastError && <p className="mt-2 text-sm text-red-700">Last error: {e.lastError}</p>}
                </details>
              </li>
            ))}
          </ul>
        </Card>
      )}
      {outbox.hasNextPage && (
        <div className="mt-4 text-center">
          <Button variant="secondary" loading={outbox.isFetchingNextPage} onClick={() => void outbox.fetchNextPage()}>
            Show older emails
          </Button>
        </div>
      )}
    </>
  );
}
