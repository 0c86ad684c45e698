import { BellRing } from 'lucide-react';
import { useState } from 'react';
import { toast } from 'sonner';
import { Button } from '../components/ui/button';
import { errorMessage } from '../lib/api';
import { dismiss, hasBooked, isDismissed } from './first-booking';
import { usePushNotifications } from './push-subscription';

const HINT = 'push';

/**
 * After the first booking, once: offer notifications for what cannot wait. The browser's
 * permission question comes only from the tap on "Turn on"; "Not now" is remembered on this device.
 */
export function PushPrompt() {
  const push = usePushNotifications();
  const [hidden, setHidden] = useState(() => !hasBooked() || isDismissed(HINT));
  if (hidden || push.state !== 'off') return null;
  const close = () => {
    dismiss(HINT);
    setHidden(true);
  };
  return (
    <aside
      aria-label="Turn on notifications"
      className="mb-4 flex flex-col gap-3 rounded-lg border border-brand-200 bg-brand-50 px-3 py-3 text-sm text-slate-800 sm:flex-row sm:items-center"
    >
      <BellRing className="hidden size-5 shrink-0 text-brand-700 sm:block" aria-hidden />
      <p className="flex-1">Want to know the moment a waitlist place opens, or if your class is cancelled?</p>
      <div className="flex gap-2">
        <Button variant="secondary" onClick={close}>
          Not now
        </Button>
        <Button
          loading={push.busy}
          onClick={async () => {
            try {
              await push.turnOn();
              close();
            } catch (e) {
              toast.error(errorMessage(e));
            }
          }}
        >
          Turn on
        </Button>
      </div>
    </aside>
  );
}
