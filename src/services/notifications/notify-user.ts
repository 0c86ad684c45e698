import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { notifications, users } from '../../db/schema';
import type { Feature } from '../../domain/settings/setting-definitions';
import { pushUrgencyOf } from '../../domain/push/push-policy';
import { enqueueEmail } from '../email/enqueue-email';
import { enqueuePush } from '../push/enqueue-push';

export interface NotificationInput {
  userId: string;
  /** The feature this belongs to; hidden while that feature is disabled. */
  feature: Feature | null;
  kind: string;
  title: string;
  body: string;
  link?: string;
  /** Also send it by email (through the outbox). */
  email?: boolean;
  /** Makes the notification (and its email and pushes) happen at most once for this key. */
  dedupeKey?: string;
  /** The class this is about starts then: a push about it is not delivered after that. */
  classStartsAt?: Date;
}

/**
 * The one way Roster tells a person something: an in-app notification (the bell), optionally an
 * email, and — for the kinds that cannot wait (`pushUrgencyOf`) — a push to each device they
 * turned notifications on for. Call it with the caller's transaction so the message exists exactly
 * when the change that caused it commits. Returns false when the dedupe key was already used.
 */
export async function notifyUser(tx: Executor, input: NotificationInput): Promise<boolean> {
  const inserted = await tx
    .insert(notifications)
    .values({
      userId: input.userId,
      feature: input.feature,
      kind: input.kind,
      title: input.title,
      body: input.body,
      link: input.link ?? null,
      dedupeKey: input.dedupeKey ?? null,
    })
    .onConflictDoNothing()
    .returning({ id: notifications.id });
  if (inserted.length === 0) return false;
  const urgency = pushUrgencyOf(input.kind);
  if (urgency) {
    await enqueuePush(tx, {
      notificationId: inserted[0]!.id,
      userId: input.userId,
      feature: input.feature,
      urgency,
      classStartsAt: input.classStartsAt ?? null,
      payload: { title: input.title, body: input.body, link: input.link ?? null, tag: inserted[0]!.id },
    });
  }
  if (input.email) {
    const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, input.userId));
    if (user) {
      await enqueueEmail(tx, {
        to: user.email,
        subject: input.title,
        text: input.body,
        link: input.link,
        kind: input.kind,
        dedupeKey: input.dedupeKey ? `notification:${input.dedupeKey}` : undefined,
      });
    }
  }
  return true;
}
