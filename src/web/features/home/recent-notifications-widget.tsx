import { Link } from 'react-router';
import { Card, CardBody, CardHeader } from '../../components/ui/card';
import { useNotifications } from '../notifications/use-notifications';

export function RecentNotificationsWidget() {
  const { data, isPending } = useNotifications();
  const latest = data?.items.slice(0, 3) ?? [];
  return (
    <Card>
      <CardHeader
        title="Latest messages"
        action={
          <Link to="/notifications" className="text-sm font-medium text-brand-700 underline">
            All
          </Link>
        }
      />
      <CardBody>
        {isPending ? (
          <p className="text-sm text-slate-600">Loading…</p>
        ) : latest.length === 0 ? (
          <p className="text-sm text-slate-600">No messages from the studio yet.</p>
        ) : (
          <ul className="space-y-3">
            {latest.map((n) => (
              <li key={n.id}>
                <p className="text-sm font-medium text-slate-900">{n.title}</p>
                <p className="text-sm text-slate-700">{n.body}</p>
              </li>
            ))}
          </ul>
        )}
      </CardBody>
    </Card>
  );
}
