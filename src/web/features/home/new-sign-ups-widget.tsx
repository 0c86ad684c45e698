import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Card, CardBody, CardHeader } from '../../components/ui/card';
import { api } from '../../lib/api';
import { formatInZone } from '../../lib/format';
import { useStudio } from '../studio/use-studio';

/** The newest clients, so the studio can greet them at their first class (admins). */
export function NewSignUpsWidget() {
  const { timezone } = useStudio();
  const newest = useQuery({
    queryKey: ['admin', 'users', 'newest'],
    queryFn: () => api.get('/api/admin/users', { query: { role: 'CLIENT', sort: 'newest', limit: 5 } }),
  });
  return (
    <Card>
      <CardHeader title="New sign-ups" />
      <CardBody>
        {newest.data?.users.length ? (
          <ul className="space-y-2 text-sm">
            {newest.data.users.map((u) => (
              <li key={u.id} className="flex items-baseline justify-between gap-3">
                <Link to={`/clients/${u.id}`} className="truncate font-medium text-slate-900 hover:underline">
                  {u.name}
                </Link>
                <span className="shrink-0 text-slate-600">{formatInZone(u.createdAt, timezone, 'EEE d MMM')}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-600">{newest.isPending ? 'Loading…' : 'No clients yet.'}</p>
        )}
      </CardBody>
    </Card>
  );
}
