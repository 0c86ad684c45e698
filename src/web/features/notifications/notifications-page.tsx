import { formatDistanceToNow } from 'date-fns';
import { useEffect } from 'react';
import { Link } from 'react-router';
import { Button } from '../../components/ui/button';
import { Card } from '../../components/ui/card';
import { Alert } from '../../components/ui/alert';
import { EmptyState, PageHeader, Spinner } from '../../components/ui/page';
import { errorMessage } from '../../lib/api';
import { cn } from '../../lib/cn';
import { useMarkNotificationsRead, useMarkNotificationsSeen, useNotifications } from './use-notifications';

export function NotificationsPage() {
  const { data, isPending, error } = useNotifications();
  const markRead = useMarkNotificationsRead();
  const { mutate: markSeen } = useMarkNotificationsSeen();
  const newestId = data?.items[0]?.id;
  const badge = data?.badgeCount ?? 0;
  // Opening the list clears the bell's badge on every device (the items stay unread until read).
  useEffect(() => {
    if (newestId && badge > 0) markSeen(newestId);
  }, [newestId, badge, markSeen]);
  return (
    <>
      <PageHeader
        title="Notifications"
        actions={
          data && data.unreadCount > 0 ? (
            <Button variant="secondary" loading={markRead.isPending} onClick={() => markRead.mutate(undefined)}>
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
                  <time dateTime={n.createdAt} className="mt-1 block text-xs text-slate-600">
                    {formatDistanceToNow(new Date(n.createdAt), { addSuffix: true })}
                  </time>
                  <div className="mt-2 flex flex-wrap gap-2">
                    {n.link && n.link.startsWith('/') && (
                      <Link
                        to={n.link}
                        className="inline-flex h-11 items-center rounded-lg bg-brand-700 px-4 text-sm font-medium text-white hover:bg-brand-800"
                        onClick={() => !n.readAt && markRead.mutate([n.id])}
                        aria-label={`Open notification: ${n.title}`}
                      >
                        Open
                      </Link>
                    )}
                    {!n.readAt && (
                      <Button
                        variant="secondary"
                        onClick={() => markRead.mutate([n.id])}
                        aria-label={`Mark as read: ${n.title}`}
                      >
                        Mark as read
                      </Button>
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
