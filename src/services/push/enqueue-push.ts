import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { pushDeliveries, pushSubscriptions } from '../../db/schema';
import type { PushUrgency } from '../../domain/push/push-policy';

/** What the service worker shows (src/web/sw.ts reads the same shape). */
export interface PushPayload {
  title: string;
  body: string;
  link: string | null;
  /** A second push with the same tag replaces the first on the phone instead of stacking. */
  tag: string;
}

/**
 * Puts one push per device of the person in the push outbox, in the notification's transaction
 * (outbox pattern): the push exists exactly when the notification commits. The unique
 * (notification, subscription) pair makes it once per device whatever retries; the delivery job
 * (src/jobs/deliver-push-outbox.ts) sends them.
 */
export async function enqueuePush(
  tx: Executor,
  input: {
    notificationId: string;
    userId: string;
    feature: string | null;
    urgency: PushUrgency;
    classStartsAt: Date | null;
    payload: PushPayload;
  },
) {
  const devices = await tx
    .select({ id: pushSubscriptions.id })
    .from(pushSubscriptions)
    .where(eq(pushSubscriptions.userId, input.userId));
  if (devices.length === 0) return;
  await tx
    .insert(pushDeliveries)
    .values(
      devices.map((device) => ({
        notificationId: input.notificationId,
        subscriptionId: device.id,
        feature: input.feature,
        payload: input.payload,
        urgency: input.urgency,
        classStartsAt: input.classStartsAt,
      })),
    )
    .onConflictDoNothing();
}
