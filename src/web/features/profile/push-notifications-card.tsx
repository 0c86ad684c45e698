import { useState } from 'react';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { Card, CardBody, CardHeader } from '../../components/ui/card';
import { errorMessage } from '../../lib/api';
import { isIosBrowserTab } from '../../pwa/first-booking';
import { usePushNotifications } from '../../pwa/push-subscription';

const WHAT =
  'a waitlist place opens for you, the studio cancels or moves your class, your class reminder, and messages from your coach';

/** "Notifications on this device": turned on by a tap here (permission is asked only then). */
export function PushNotificationsCard() {
  const push = usePushNotifications();
  const [error, setError] = useState<string | null>(null);
  const act = (action: () => Promise<void>) => async () => {
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Card>
      <CardHeader title="Notifications on this device" />
      <CardBody className="space-y-3 text-sm text-slate-700">
        {push.state === 'unsupported' &&
          (isIosBrowserTab() ? (
            <p>
              On an iPhone, add the studio to your Home Screen first (tap <strong>Share</strong>, then{' '}
              <strong>Add to Home Screen</strong>), open it from there and turn notifications on here.
            </p>
          ) : (
            <p>This browser cannot show notifications. You still get them in the app and by email.</p>
          ))}
        {push.state === 'denied' && (
          <p>
            Notifications are blocked for this site in your browser settings. Allow them there, then come back to turn
            them on.
          </p>
        )}
        {push.state === 'off' && (
          <>
            <p>Get a notification on this device when {WHAT}.</p>
            <Button loading={push.busy} onClick={act(push.turnOn)}>
              Turn on notifications
            </Button>
          </>
        )}
        {push.state === 'on' && (
          <>
            <p>On for this device: you hear straight away when {WHAT}.</p>
            <Button variant="secondary" loading={push.busy} onClick={act(push.turnOff)}>
              Turn off on this device
            </Button>
          </>
        )}
        {error && <Alert tone="error">{error}</Alert>}
      </CardBody>
    </Card>
  );
}
