import { useQuery } from '@tanstack/react-query';
import { Card, CardBody, CardHeader } from '../../components/ui/card';
import { api } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useStudio } from '../studio/use-studio';

/** Admin actions taken on this user (role changes, deactivation). */
export function UserAuditSection(props: { userId: string }) {
  const { timezone } = useStudio();
  const log = useQuery({
    queryKey: ['admin', 'audit-log', 'user', props.userId],
    queryFn: () => api.get('/api/admin/audit-log', { query: { targetId: props.userId, limit: 20 } }),
  });
  return (
    <Card>
      <CardHeader title="Account history" as="h2" />
      <CardBody>
        {log.data?.entries.length ? (
          <ul className="space-y-2 text-sm">
            {log.data.entries.map((e) => (
              <li key={e.id}>
                <span className="font-medium">{e.actor?.name ?? 'System'}</span>:{' '}
                {e.action.replace('user.', '').replaceAll('_', ' ')} — {JSON.stringify(e.before)} →{' '}
                {JSON.stringify(e.after)}{' '}
                <span className="text-slate-600">({formatDateTime(e.createdAt, timezone)})</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-600">{log.isPending ? 'Loading…' : 'No admin changes to this account.'}</p>
        )}
      </CardBody>
    </Card>
  );
}
