import { useQueries } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Card, CardBody, CardHeader } from '../../components/ui/card';
import { api } from '../../lib/api';

const ROLES = [
  ['CLIENT', 'Clients'],
  ['COACH', 'Coaches'],
  ['ADMIN', 'Admins'],
] as const;

/** How many people of each role the studio has (admins). */
export function StudioPeopleWidget() {
  const counts = useQueries({
    queries: ROLES.map(([role]) => ({
      queryKey: ['admin', 'users', 'count', role],
      queryFn: () => api.get('/api/admin/users', { query: { role, limit: 1 } }),
    })),
  });
  return (
    <Card>
      <CardHeader
        title="People"
        action={
          <Link to="/admin/users" className="text-sm font-medium text-brand-700 underline">
            Manage
          </Link>
        }
      />
      <CardBody>
        <dl className="grid grid-cols-3 gap-3 text-center">
          {ROLES.map(([role, label], i) => (
            <div key={role} className="rounded-lg bg-slate-50 py-3">
              <dt className="text-xs font-medium text-slate-600">{label}</dt>
              <dd className="text-2xl font-bold text-slate-900">{counts[i]?.data?.total ?? '–'}</dd>
            </div>
          ))}
        </dl>
      </CardBody>
    </Card>
  );
}
