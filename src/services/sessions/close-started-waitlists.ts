import { and, eq, lte } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client';
import { classSessions, sessionRegistrations } from '../../db/schema';
import { notifyUser } from '../notifications/notify-user';
import { loadSettings } from '../settings/settings-service';
import { lockSession } from './lock-session';
import { describeSession } from './session-notifications';
import { inTransaction } from '../../db/in-transaction';

/** Sessions closed per batch; the job loops until none is left. */
const BATCH = 50;

/**
 * Closes the waitlist of every class that has started: whoever is still waiting was not
 * promoted and never will be, so their registration becomes WAITLIST_CLOSED (no credit was ever
 * taken for a waitlist spot) and they are told once. Safe on every instance at once and on
 * re-runs: each class is closed under its session lock (the lock every booking, cancellation and
 * promotion takes first), only rows still WAITLISTED change, and the notice has a dedupe key.
 */
export async function closeStartedWaitlists(db: Database, now: Date): Promise<{ closed: number }> {
  let closed = 0;
  for (;;) {
    const started = await db
      .selectDistinct({ id: sessionRegistrations.sessionId })
      .from(sessionRegistrations)
      .innerJoin(classSessions, eq(classSessions.id, sessionRegistrations.sessionId))
      .where(and(eq(sessionRegistrations.status, 'WAITLISTED'), lte(classSessions.startTime, now)))
      .limit(BATCH);
    for (const { id } of started) closed += await closeWaitlist(db, id, now);
    if (started.length < BATCH) return { closed };
  }
}

async function closeWaitlist(db: Database, sessionId: string, now: Date): Promise<number> {
  return inTransaction(db, async (tx) => {
    const session = await lockSession(tx, sessionId);
    // Under the lock, the queue as it is now (a promotion may have just taken someone off it).
    const waiting = await tx
      .update(sessionRegistrations)
      .set({ status: 'WAITLIST_CLOSED', waitlistPosition: null, updatedAt: now })
      .where(and(eq(sessionRegistrations.sessionId, sessionId), eq(sessionRegistrations.status, 'WAITLISTED')))
      .returning({ id: sessionRegistrations.id, userId: sessionRegistrations.userId });
    if (waiting.length === 0) return 0;
    await tx.update(classSessions).set({ waitlistCount: 0, updatedAt: now }).where(eq(classSessions.id, sessionId));
    await notifyWaitlistClosed(tx, session, waiting);
    return waiting.length;
  });
}

async function notifyWaitlistClosed(
  tx: Executor,
  session: { id: string; title: string; startTime: Date },
  people: ReadonlyArray<{ id: string; userId: string }>,
) {
  const what = describeSession(session, (await loadSettings(tx))['studio.timezone']);
  for (const person of people) {
    await notifyUser(tx, {
      userId: person.userId,
      feature: 'sessions',
      kind: 'waitlist_closed',
      title: `Waitlist closed: ${what}`,
      body: `The waitlist for ${what} closed when the class started — your credits were not used.`,
      link: `/classes/${session.id}`,
      email: false,
      dedupeKey: `session-waitlist-closed:${person.id}`,
    });
  }
}
