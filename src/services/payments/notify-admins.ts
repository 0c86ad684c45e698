import type { Tx } from '../../db/client';
import { notifyEveryAdmin } from '../notifications/notify-admins';

/** Tells every active admin (bell + email) about a payment that needs a person, once per `key`. */
export async function notifyAdmins(tx: Tx, key: string, message: { title: string; body: string; link: string }) {
  await notifyEveryAdmin(tx, key, { feature: null, kind: 'payment_attention', ...message });
}
