import type { AppointmentStatus } from '../../../domain/appointments/types';
import { formatInZone } from '../../lib/format';
import { credits } from '../sessions/session-text';

/* Words shown about appointments; they restate what the API says, the server decides. */

export const APPOINTMENT_STATUS_LABELS: Record<AppointmentStatus, string> = {
  BOOKED: 'Booked',
  CANCELLED: 'Cancelled',
  LATE_CANCELLED: 'Late cancel',
  ATTENDED: 'Attended',
  NO_SHOW: 'No-show',
};

export const STATUS_TONES: Record<AppointmentStatus, 'success' | 'neutral' | 'danger' | 'brand'> = {
  BOOKED: 'brand',
  CANCELLED: 'neutral',
  LATE_CANCELLED: 'danger',
  ATTENDED: 'success',
  NO_SHOW: 'danger',
};

export function timeSpan(a: { startTime: string; endTime: string }, tz: string): string {
  return `${formatInZone(a.startTime, tz, 'HH:mm')}–${formatInZone(a.endTime, tz, 'HH:mm')}`;
}

export const costText = (n: number) => (n === 0 ? 'free' : credits(n));

export function hoursText(h: number): string {
  if (h >= 48 && h % 24 === 0) return `${h / 24} days`;
  return `${h} ${h === 1 ? 'hour' : 'hours'}`;
}

/**
 * What cancelling means now, from the API's own late-cancel answer: before the cutoff the credit
 * comes back; after it the credit is kept.
 */
export function cancelText(
  a: { cancelWouldBeLate: boolean; creditsConsumed: number; lateCancelsAfter: string },
  tz: string,
): { late: boolean; text: string } {
  if (a.cancelWouldBeLate)
    return {
      late: true,
      text:
        a.creditsConsumed > 0
          ? `You'll lose the credit: it is less than the cancellation notice before the start (since ${formatInZone(a.lateCancelsAfter, tz, "EEE d MMM 'at' HH:mm")}), so ${credits(a.creditsConsumed)} will not be given back.`
          : 'This is a late cancellation. No credit was used, so nothing is lost.',
    };
  return {
    late: false,
    text:
      a.creditsConsumed > 0
        ? `${credits(a.creditsConsumed)} will be given back. Cancelling after ${formatInZone(a.lateCancelsAfter, tz, "EEE d MMM 'at' HH:mm")} would keep it.`
        : 'No credit was used for this appointment.',
  };
}
