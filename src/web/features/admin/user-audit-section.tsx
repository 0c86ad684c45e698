import { useQuery } from '@tanstack/react-query';
import { Card, CardBody, CardHeader } from '../../components/ui/card';
import { api } from '../../lib/api';
import { useStudio } from '../studio/use-studio';
import { AuditEntryText } from './audit-entry';

/** What happened to this person's account, in words: role, details, profile, credits, memberships, bookings, payments. */
export function UserAuditSection(props: { userId: string }) {
  const { timezone } = useStudio();
  const log = useQuery({
    queryKey: ['admin', 'audit-log', 'user', props.userId],
    queryFn: () => api.get('/api/admin/audit-log', { query: { subjectId: props.userId, limit: 20 } }),
  });
  return (
    <Card>
      <CardHeader title="Account history" as="h2" />
      <CardBody>
        {log.data?.entries.length ? (
          <ul className="space-y-3 text-sm">
            {log.data.entries.map((e) => (
              <li key={e.id}>
                <AuditEntryText entry={e} timezone={timezone} showTarget={false} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-600">{log.isPending ? 'Loading…' : 'No changes to this account yet.'}</p>
        )}
      </CardBody>
    </Card>
  );
}
