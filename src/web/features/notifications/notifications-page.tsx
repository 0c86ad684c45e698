import { formatDistanceToNow } from 'date-fns';
import { Link } from 'react-router';
import { Button } from '../../components/ui/button';
import { Card } from '../../components/ui/card';
import { Alert } from '../../components/ui/alert';
import { EmptyState, PageHeader, Spinner } from '../../components/ui/page';
import { errorMessage } from '../../lib/api';
import { cn } from '../../lib/cn';
import { useMarkNotificationsRead, useNotifications } from './use-notifications';

export function NotificationsPage() {
  const { data, isPending, error } = useNotifications();
  const markRead = useMarkNotificationsRead();
  return (
    <>
      <PageHeader
        title="Notifications"
        actions={
          data && data.unreadCount > 0 ? (
            <Button
              variant="secondary"
              size="sm"
              loading={markRead.isPending}
              onClick={() => markRead.mutate(undefined)}
            >
              Mark all as read
            </Button>
          ) : undefined
        }
      />
      {isPending && <Spinner />}
      {error && <Alert tone="error">{errorMessage(error)}</Alert>}
      {data && data.items.length === 0 && (
        <EmptyState title="Nothing yet">Messages from the studio will appear here.</EmptyState>
      )}
      {data && data.items.length > 0 && (
        <Card>
          <ul className="divide-y divide-slate-100">
            {data.items.map((n) => (
              <li key={n.id} className={cn('flex gap-3 px-4 py-3 sm:px-5', !n.readAt && 'bg-brand-50/60')}>
                <span
                  className={cn('mt-2 size-2 shrink-0 rounded-full', n.readAt ? 'bg-transparent' : 'bg-brand-600')}
                  aria-hidden
                />
                <div className="min-w-0 flex-1">
                  <p className="font-medium text-slate-900">
                    {n.title}
                    {!n.readAt && <span className="sr-only"> (unread)</span>}
                  </p>
                  <p className="mt-0.5 text-sm text-slate-700">{n.body}</p>
                  <div className="mt-1 flex flex-wrap items-center gap-3 text-xs text-slate-600">
                    <time dateTime={n.createdAt}>
                      {formatDistanceToNow(new Date(n.createdAt), { addSuffix: true })}
                    </time>
                    {n.link && n.link.startsWith('/') && (
                      <Link
                        to={n.link}
                        className="font-medium text-brand-700 underline"
                        onClick={() => !n.readAt && markRead.mutate([n.id])}
                      >
                        Open
                      </Link>
                    )}
                    {!n.readAt && (
                      <button
                        type="button"
                        className="font-medium text-slate-700 underline"
                        onClick={() => markRead.mutate([n.id])}
                      >
                        Mark as read
                      </button>
                    )}
                  </div>
                </div>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </>
  );
}
