import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { rowsOf } from '../../db/rows';

/**
 * Marks sessions that have ended COMPLETED. One conditional UPDATE: running it again, or on
 * every instance at once, changes nothing more. Attendance can still be marked afterwards
 * (until 24 hours after the end).
 */
export async function completePastSessions(db: Database, now: Date): Promise<{ completed: number }> {
  const result = await db.execute(sql`
    UPDATE sessions SET status = 'COMPLETED', updated_at = ${now.toISOString()}::timestamptz
    WHERE status = 'SCHEDULED' AND end_time <= ${now.toISOString()}::timestamptz
    RETURNING id`);
  return { completed: rowsOf(result).length };
}
