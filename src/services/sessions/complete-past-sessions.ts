import { and, eq, lte } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { classSessions } from '../../db/schema';

/**
 * Marks sessions that have ended COMPLETED. One conditional UPDATE: running it again, or on
 * every instance at once, changes nothing more. Attendance can still be marked afterwards
 * (until 24 hours after the end).
 */
export async function completePastSessions(db: Database, now: Date): Promise<{ completed: number }> {
  const completed = await db
    .update(classSessions)
    .set({ status: 'COMPLETED', updatedAt: now })
    .where(and(eq(classSessions.status, 'SCHEDULED'), lte(classSessions.endTime, now)))
    .returning({ id: classSessions.id });
  return { completed: completed.length };
}
