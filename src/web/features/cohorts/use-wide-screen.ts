import { useSyncExternalStore } from 'react';

const QUERY = '(min-width: 768px)';

/** True on tablet and desktop widths (Tailwind's md), following the window as it resizes. */
export function useWideScreen(): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(QUERY);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => window.matchMedia(QUERY).matches,
  );
}
