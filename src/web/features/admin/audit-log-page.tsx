import { useInfiniteQuery } from '@tanstack/react-query';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { Card } from '../../components/ui/card';
import { EmptyState, PageHeader, Spinner } from '../../components/ui/page';
import { api, errorMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useStudio } from '../studio/use-studio';

const ACTION_LABELS: Record<string, string> = {
  'user.role_changed': 'changed the role of a user',
  'user.deactivated': 'deactivated a user',
  'user.reactivated': 'reactivated a user',
  'user.admin_ensured': 'made the start-up admin account an admin',
  'setting.updated': 'changed a setting',
};

function describe(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'object')
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
      .join(', ');
  return JSON.stringify(value);
}

export function AuditLogPage() {
  const { timezone } = useStudio();
  const log = useInfiniteQuery({
    queryKey: ['admin', 'audit-log'],
    queryFn: ({ pageParam }) => api.get('/api/admin/audit-log', { query: { before: pageParam, limit: 50 } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const entries = log.data?.pages.flatMap((p) => p.entries) ?? [];
  return (
    <>
      <PageHeader title="Audit log" description="Every admin action: who did what, to whom, and what changed." />
      {log.isPending && <Spinner />}
      {log.error && <Alert tone="error">{errorMessage(log.error)}</Alert>}
      {log.data && entries.length === 0 && <EmptyState title="No admin actions yet" />}
      {entries.length > 0 && (
        <Card>
          <ul className="divide-y divide-slate-100">
            {entries.map((e) => (
              <li key={e.id} className="px-4 py-3 text-sm sm:px-5">
                <p className="text-slate-900">
                  <span className="font-medium">{e.actor?.name ?? 'System'}</span> {ACTION_LABELS[e.action] ?? e.action}
                  {e.targetId && (
                    <span className="text-slate-600">
                      {' '}
                      ({e.targetType} {e.targetId})
                    </span>
                  )}
                </p>
                <p className="mt-0.5 text-slate-700">
                  <span className="text-slate-600">Before:</span> {describe(e.before)}{' '}
                  <span className="text-slate-600">→ After:</span> {describe(e.after)}
                </p>
                <p className="mt-0.5 text-xs text-slate-600">
                  <time dateTime={e.createdAt}>{formatDateTime(e.createdAt, timezone)}</time>
                </p>
              </li>
            ))}
          </ul>
        </Card>
      )}
      {log.hasNextPage && (
        <div className="mt-4 text-center">
          <Button variant="secondary" loading={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
            Show older entries
          </Button>
        </div>
      )}
    </>
  );
}
