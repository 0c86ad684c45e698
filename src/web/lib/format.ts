import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

/** Formats an instant in the studio's time zone (not the device's): class times are studio times. */
export function formatInZone(instant: Date | string | number, timeZone: string, pattern: string): string {
  return format(new TZDate(new Date(instant).getTime(), timeZone), pattern);
}

export const formatDateTime = (d: Date | string, tz: string) => formatInZone(d, tz, 'EEE d MMM yyyy, HH:mm');
export const formatDate = (d: Date | string, tz: string) => formatInZone(d, tz, 'EEE d MMM yyyy');

export function formatMoney(amount: number, currency: string): string {
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(amount);
}
