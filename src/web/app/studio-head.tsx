import { useEffect } from 'react';
import { usePublicSettings } from '../features/studio/use-studio';

/**
 * Names the tab and the iPhone home-screen title after the studio (index.html ships "Roster"; iOS
 * reads apple-mobile-web-app-title when the person taps "Add to Home Screen", so the live value counts).
 */
export function StudioHead() {
  const name = usePublicSettings().data?.studio.name;
  useEffect(() => {
    if (!name) return;
    document.title = name;
    document.querySelector('meta[name="apple-mobile-web-app-title"]')?.setAttribute('content', name);
  }, [name]);
  return null;
}
