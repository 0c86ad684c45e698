import { useQuery } from '@tanstack/react-query';
import { ArrowLeft } from 'lucide-react';
import { Link, useParams } from 'react-router';
import { Alert } from '../../components/ui/alert';
import { Badge } from '../../components/ui/badge';
import { PageHeader, Spinner } from '../../components/ui/page';
import { api, errorMessage } from '../../lib/api';
import { userDetailSections } from '../../app/user-detail-sections';
import { isPlaceholderEmail } from '../../../domain/users/placeholder-email';
import { usePublicSettings } from '../studio/use-studio';
import { PersonDetailsCard } from './person-details-card';

export function UserDetailPage() {
  const { id = '' } = useParams();
  const { data: settings } = usePublicSettings();
  const user = useQuery({
    queryKey: ['admin', 'users', 'one', id],
    queryFn: () => api.get('/api/admin/users/:id', { params: { id } }),
  });
  if (user.isPending) return <Spinner />;
  if (user.error) return <Alert tone="error">{errorMessage(user.error)}</Alert>;
  const u = user.data;
  const sections = userDetailSections.filter((s) => !s.feature || settings?.features[s.feature]);
  return (
    <>
      <Link to="/admin/users" className="mb-3 inline-flex items-center gap-1 text-sm font-medium text-brand-700">
        <ArrowLeft className="size-4" aria-hidden /> All users
      </Link>
      <PageHeader
        title={u.name}
        description={
          <>
            {isPlaceholderEmail(u.email) ? 'No email yet' : u.email} ·{' '}
            <Badge tone="brand">{u.role.toLowerCase()}</Badge> {!u.active && <Badge tone="danger">Deactivated</Badge>}
          </>
        }
      />
      <div className="space-y-5">
        <PersonDetailsCard person={u} />
        {sections.map((s) => (
          <s.Component key={s.id} userId={u.id} />
        ))}
      </div>
    </>
  );
}
