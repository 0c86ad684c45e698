/**
 * The hints that help after a first booking (add to home screen, turn on notifications) are shown
 * once that booking exists and never again once dismissed. Kept per device in localStorage: they
 * are about this phone, not the account.
 */
const BOOKED_KEY = 'roster.hints.booked';
const dismissedKey = (hint: string) => `roster.hints.dismissed.${hint}`;

export function rememberFirstBooking() {
  localStorage.setItem(BOOKED_KEY, '1');
}

export function hasBooked(): boolean {
  return localStorage.getItem(BOOKED_KEY) === '1';
}

export function isDismissed(hint: string): boolean {
  return localStorage.getItem(dismissedKey(hint)) === '1';
}

export function dismiss(hint: string) {
  localStorage.setItem(dismissedKey(hint), '1');
}

/** iPhone or iPad Safari, not yet opened from the home screen: where "Add to Home Screen" helps (and push needs it). */
export function isIosBrowserTab(): boolean {
  const ios =
    /iPhone|iPad|iPod/.test(navigator.userAgent) || (navigator.maxTouchPoints > 1 && /Mac/.test(navigator.userAgent));
  const standalone =
    (navigator as Navigator & { standalone?: boolean }).standalone === true ||
    window.matchMedia('(display-mode: standalone)').matches;
  return ios && !standalone;
}
