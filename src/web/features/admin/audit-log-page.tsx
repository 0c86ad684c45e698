import { useState } from 'react';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { Card } from '../../components/ui/card';
import { EmptyState, PageHeader, Spinner } from '../../components/ui/page';
import { api, errorMessage } from '../../lib/api';
import { useStudio } from '../studio/use-studio';
import { AuditEntryText } from './audit-entry';
import { AuditFilters, NO_AUDIT_FILTERS, type AuditFilterValues } from './audit-filters';

export function AuditLogPage() {
  const { timezone } = useStudio();
  const [filters, setFilters] = useState<AuditFilterValues>(NO_AUDIT_FILTERS);
  const query = {
    personId: filters.personId || undefined,
    action: filters.action || undefined,
    from: filters.from || undefined,
    to: filters.to || undefined,
  };
  const log = useInfiniteQuery({
    queryKey: ['admin', 'audit-log', query],
    queryFn: ({ pageParam }) => api.get('/api/admin/audit-log', { query: { ...query, before: pageParam, limit: 50 } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const entries = log.data?.pages.flatMap((p) => p.entries) ?? [];
  const filtered = Object.values(query).some(Boolean);
  return (
    <>
      <PageHeader title="Audit log" description="Every admin action: who did what, to whom, and what changed." />
      <AuditFilters value={filters} onChange={setFilters} />
      {log.isPending && <Spinner />}
      {log.error && <Alert tone="error">{errorMessage(log.error)}</Alert>}
      {log.data && entries.length === 0 && (
        <EmptyState title={filtered ? 'Nothing matches these filters' : 'No admin actions yet'} />
      )}
      {entries.length > 0 && (
        <Card>
          <ul className="divide-y divide-slate-100">
            {entries.map((e) => (
              <li key={e.id} className="px-4 py-3 text-sm sm:px-5">
                <AuditEntryText entry={e} timezone={timezone} />
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
