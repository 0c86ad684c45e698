import { useQuery } from '@tanstack/react-query';
import { Plus } from 'lucide-react';
import { useState } from 'react';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { Card, CardHeader } from '../../components/ui/card';
import { Spinner } from '../../components/ui/page';
import { api, errorMessage } from '../../lib/api';
import { useNow } from '../sessions/use-now';
import { AppointmentDialog } from './appointment-dialog';
import { AppointmentRow } from './appointment-row';
import { useUserAppointments } from './queries';
import { StaffBookDialog } from './staff-book-dialog';

/** One client's 1-on-1s on the admin's user page: book one for them, open one to move, cancel or mark it. */
export function UserAppointmentsSection(props: { userId: string }) {
  const appointments = useUserAppointments(props.userId);
  const now = useNow(60_000);
  const [booking, setBooking] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  // The page above loads the same user (same key): no second request.
  const user = useQuery({
    queryKey: ['admin', 'users', 'one', props.userId],
    queryFn: () => api.get('/api/admin/users/:id', { params: { id: props.userId } }),
  });
  const list = appointments.data ?? [];
  if (user.data && user.data.role !== 'CLIENT') return null;
  return (
    <Card>
      <CardHeader
        title="1-on-1 appointments"
        description="The next 30 days."
        action={
          <Button variant="secondary" size="sm" onClick={() => setBooking(true)}>
            <Plus className="size-4" aria-hidden /> Book a 1-on-1
          </Button>
        }
      />
      {appointments.isPending && <Spinner />}
      {appointments.error && (
        <Alert tone="error" className="m-4">
          {errorMessage(appointments.error)}
        </Alert>
      )}
      {appointments.data && list.length === 0 && <p className="px-5 py-4 text-sm text-slate-600">No 1-on-1s booked.</p>}
      {list.length > 0 && (
        <ul className="divide-y divide-slate-100">
          {list.map((a) => (
            <AppointmentRow
              key={a.id}
              appointment={a}
              who="coach"
              actions={
                <Button
                  variant="secondary"
                  size="sm"
                  onClick={() => setOpenId(a.id)}
                  aria-label={`Open ${a.service.name}`}
                >
                  {a.status === 'BOOKED' && new Date(a.startTime) > now ? 'Manage' : 'Open'}
                </Button>
              }
            />
          ))}
        </ul>
      )}
      {booking && user.data && (
        <StaffBookDialog client={{ id: props.userId, name: user.data.name }} onClose={() => setBooking(false)} />
      )}
      {openId && <AppointmentDialog id={openId} onClose={() => setOpenId(null)} />}
    </Card>
  );
}
