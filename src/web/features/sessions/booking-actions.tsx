import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { toast } from 'sonner';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { ApiError, errorMessage } from '../../lib/api';
import { formatInZone } from '../../lib/format';
import { useWaiverGate } from '../people/waiver-gate';
import { useStudio } from '../studio/use-studio';
import { CancelBooking, describeClass } from './cancel-booking';
import { useBook } from './queries';
import { bookingClosedReason, credits, ordinal, waitlistHasRoom } from './session-text';
import type { ClassSession } from './types';
import { useNow } from './use-now';
import { grantsForRange, useMyCredits } from './week-credits';

/** The API's words, with times written in the studio's time zone where the API gave a raw instant. */
export function bookingErrorMessage(error: unknown, session: ClassSession, tz: string): string {
  if (error instanceof ApiError && error.code === 'REGISTRATION_NOT_OPEN') {
    return `Booking for this class opens ${formatInZone(session.registrationsOpenAt, tz, "EEE d MMM 'at' HH:mm")}.`;
  }
  return errorMessage(error);
}

/**
 * Book / Join waitlist / Cancel for the signed-in client: the control and, apart, the error of
 * the last attempt (so a narrow card can put the control beside the class and the error below).
 */
export function useBookingActions(
  s: ClassSession,
  options: { waitlistLimit?: number | null; short?: boolean } = {},
): { action: ReactNode; error: ReactNode } {
  const { timezone } = useStudio();
  const now = useNow();
  const book = useBook();
  const myCredits = useMyCredits();
  const [error, setError] = useState<string | null>(null);
  const [confirmLate, setConfirmLate] = useState(false);
  const mine = s.myRegistration;
  const what = describeClass(s, timezone);
  const errorNode = error ? <Alert tone="error">{error}</Alert> : null;
  const waiver = useWaiverGate(() => doBook());

  // Booked inside the late-cancel time, the credit cannot be had back: say so before, not after.
  const lateToCancel = s.creditCost > 0 && !s.isFull && now >= new Date(s.lateCancelsAfter);
  const doBook = () => {
    setError(null);
    setConfirmLate(false);
    book.mutate(
      { sessionId: s.id },
      {
        onSuccess: (r) =>
          r.status === 'WAITLISTED'
            ? toast.success(
                `You're ${ordinal(r.waitlistPosition ?? 0)} on the waitlist for ${what}. A credit is only used if you get a place.`,
              )
            : toast.success(`Booked: ${what}.${s.creditCost > 0 ? ` ${credits(s.creditCost)} used.` : ''}`),
        onError: (e) => setError(waiver.handles(e) ? null : bookingErrorMessage(e, s, timezone)),
      },
    );
  };

  if (mine && (mine.status === 'REGISTERED' || mine.status === 'WAITLISTED')) {
    if (now >= new Date(s.startTime)) return { action: null, error: errorNode };
    return {
      action: (
        <CancelBooking
          sessionId={s.id}
          booking={{
            ...s,
            status: mine.status,
            promotedAt: mine.promotedAt,
            cancelWouldBeLate: mine.cancelWouldBeLate,
          }}
          short={options.short}
          className="w-full"
        />
      ),
      error: errorNode,
    };
  }
  if (mine) return { action: null, error: errorNode };
  const closed =
    bookingClosedReason(s, now, timezone) ??
    (s.isFull && !waitlistHasRoom(s, options.waitlistLimit) ? 'No places left' : null);
  if (closed) return { action: <p className="text-sm text-slate-600">{closed}</p>, error: errorNode };
  // Said up front rather than after a tap that fails: the credits the client holds for the class's
  // date (by validity window; the server still decides, e.g. a plan that excludes this class type).
  const start = new Date(s.startTime);
  const usable = myCredits.data
    ? grantsForRange(myCredits.data.available, start, new Date(start.getTime() + 1)).reduce(
        (sum, g) => sum + g.remaining,
        0,
      )
    : null;
  if (s.creditCost > 0 && usable !== null && usable < s.creditCost)
    return {
      action: (
        <p className="text-sm text-slate-700">
          {usable === 0 ? 'No credits for this date' : `Needs ${credits(s.creditCost)}`}.{' '}
          <Link to="/plans" className="font-medium text-brand-700 underline">
            Get credits<span className="sr-only"> for {what}</span>
          </Link>
        </p>
      ),
      error: errorNode,
    };
  const action = (
    <>
      {waiver.dialog}
      <Button
        className="w-full px-3"
        variant={s.isFull ? 'secondary' : 'primary'}
        loading={book.isPending}
        onClick={() => (lateToCancel ? setConfirmLate(true) : doBook())}
        aria-label={`${s.isFull ? 'Join waitlist' : 'Book'}: ${what}`}
      >
        {s.isFull ? 'Join waitlist' : 'Book'}
      </Button>
      {lateToCancel && (
        <Dialog
          open={confirmLate}
          onOpenChange={setConfirmLate}
          title="Book without a way back?"
          description={what}
          footer={
            <>
              <Button variant="secondary" onClick={() => setConfirmLate(false)}>
                Not now
              </Button>
              <Button loading={book.isPending} onClick={doBook}>
                Book anyway
              </Button>
            </>
          }
        >
          <Alert tone="warning">
            This class is inside its late-cancel time: you can't cancel this one without losing the credit.
          </Alert>
        </Dialog>
      )}
    </>
  );
  return { action, error: errorNode };
}

/** The booking control with its error underneath (the class page). */
export function BookingActions(props: { session: ClassSession; waitlistLimit?: number | null; className?: string }) {
  const { action, error } = useBookingActions(props.session, { waitlistLimit: props.waitlistLimit });
  return (
    <div className={props.className}>
      {action}
      {error && <div className="mt-2">{error}</div>}
    </div>
  );
}
