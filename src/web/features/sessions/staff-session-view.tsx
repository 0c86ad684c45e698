import { Ban, Pencil } from 'lucide-react';
import { useState } from 'react';
import { Button } from '../../components/ui/button';
import { Card, CardBody } from '../../components/ui/card';
import { AddClientDialog } from './add-client-dialog';
import { CancelSessionDialog } from './cancel-session-dialog';
import { EditSessionDialog } from './edit-session-dialog';
import { RosterCard, WaitlistCard } from './roster';
import { SessionFacts } from './session-facts';
import type { SessionDetail } from './types';
import { useNow } from './use-now';

/** A coach's or admin's view of one class: facts, edit/cancel, roster, waitlist and attendance. */
export function StaffSessionView(props: { session: SessionDetail }) {
  const s = props.session;
  const now = useNow();
  const [editing, setEditing] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const changeable = s.status === 'SCHEDULED' && now < new Date(s.endTime);
  return (
    <div className="grid gap-5 lg:grid-cols-5">
      {/* On a phone the roster comes first: it is what a coach needs in the room. */}
      <div className="order-2 space-y-5 lg:order-1 lg:col-span-2">
        <Card>
          <CardBody>
            <SessionFacts session={s} staff />
            {changeable && (
              <div className="mt-4 flex flex-wrap gap-2">
                <Button variant="secondary" onClick={() => setEditing(true)}>
                  <Pencil className="size-4" aria-hidden /> Edit
                </Button>
                <Button variant="secondary" className="text-red-800" onClick={() => setCancelling(true)}>
                  <Ban className="size-4" aria-hidden /> Cancel class
                </Button>
              </div>
            )}
          </CardBody>
        </Card>
      </div>
      <div className="order-1 space-y-5 lg:order-2 lg:col-span-3">
        <RosterCard session={s} addClient={changeable ? <AddClientDialog session={s} /> : undefined} />
        <WaitlistCard session={s} />
      </div>
      {editing && <EditSessionDialog session={s} open={editing} onOpenChange={setEditing} />}
      <CancelSessionDialog session={s} open={cancelling} onOpenChange={setCancelling} />
    </div>
  );
}
