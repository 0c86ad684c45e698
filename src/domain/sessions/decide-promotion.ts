import type { SessionFacts } from './types';

export interface PromotionState {
  session: Pick<SessionFacts, 'status' | 'startTime' | 'capacity' | 'registeredCount'>;
  /** The waitlist in queue order. */
  waitlist: ReadonlyArray<{ registrationId: string; hasOverlappingBooking: boolean }>;
}

export interface PromotionDecision {
  /** How many places may be filled from the waitlist now. */
  places: number;
  /**
   * Who to try, in queue order: the caller promotes each in turn if they can pay (consuming
   * their credits), skipping those who cannot, until `places` are filled. Those skipped keep
   * their place in the queue.
   */
  candidates: string[];
}

/**
 * Which waitlisted clients a freed place goes to: only while the session is scheduled and has
 * not started, first come first served, never someone who holds an overlapping booking.
 */
export function decidePromotion(state: PromotionState, now: Date): PromotionDecision {
  const { session } = state;
  const places =
    session.status === 'SCHEDULED' && now < session.startTime
      ? Math.max(0, session.capacity - session.registeredCount)
      : 0;
  if (places === 0) return { places: 0, candidates: [] };
  return { places, candidates: state.waitlist.filter((w) => !w.hasOverlappingBooking).map((w) => w.registrationId) };
}
