import { Share, X } from 'lucide-react';
import { useState } from 'react';
import { dismiss, hasBooked, isDismissed, isIosBrowserTab } from './first-booking';

const HINT = 'add-to-home-screen';

/**
 * On an iPhone in Safari, after the first booking: how to put the studio on the home screen (where
 * it opens full screen and, on iOS, can receive notifications). Once dismissed, never again.
 */
export function InstallHint() {
  const [show, setShow] = useState(() => isIosBrowserTab() && hasBooked() && !isDismissed(HINT));
  if (!show) return null;
  return (
    <aside
      aria-label="Add to Home Screen"
      className="mb-4 flex items-start gap-3 rounded-lg border border-brand-200 bg-brand-50 px-3 py-3 text-sm text-slate-800"
    >
      <Share className="mt-0.5 size-5 shrink-0 text-brand-700" aria-hidden />
      <p className="flex-1">
        Book faster next time: tap <strong>Share</strong>, then <strong>Add to Home Screen</strong>. The studio opens
        like an app and can tell you when a waitlist place opens.
      </p>
      <button
        type="button"
        className="rounded-md p-1 text-slate-600 hover:bg-brand-100"
        aria-label="Dismiss the Add to Home Screen tip"
        onClick={() => {
          dismiss(HINT);
          setShow(false);
        }}
      >
        <X className="size-4" aria-hidden />
      </button>
    </aside>
  );
}
