import webpush from 'web-push';
import type { Database } from '../../db/client';
import { pushVapidKeys } from '../../db/schema';

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

/**
 * The studio's VAPID key pair: from the environment (VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY) when set,
 * otherwise made once and kept in the database (the embedded demo, a try-out). Race-safe across
 * instances: each proposes a fresh pair with insert-if-absent on the single row, then everyone
 * reads back the row that won, so all instances sign with the same key.
 */
export async function loadVapidKeys(db: Database, fromEnv: VapidKeys | undefined): Promise<VapidKeys> {
  if (fromEnv) return fromEnv;
  const [kept] = await db.select().from(pushVapidKeys);
  if (kept) return { publicKey: kept.publicKey, privateKey: kept.privateKey };
  const fresh = webpush.generateVAPIDKeys();
  await db
    .insert(pushVapidKeys)
    .values({ id: 1, ...fresh })
    .onConflictDoNothing();
  const [winner] = await db.select().from(pushVapidKeys);
  if (!winner) throw new Error('The VAPID key pair could not be stored');
  return { publicKey: winner.publicKey, privateKey: winner.privateKey };
}
