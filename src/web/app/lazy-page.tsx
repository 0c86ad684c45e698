import { lazy, type ComponentType } from 'react';

/**
 * A page loaded only when its route is opened (route-level code splitting): `lazyPage(() =>
 * import('../features/x/x-page'), 'XPage')`. Pages are named exports, React.lazy wants a default
 * one, hence the adapter. The route's <Suspense> shows the loading state meanwhile.
 */
export function lazyPage<Module, Name extends keyof Module>(load: () => Promise<Module>, name: Name) {
  return lazy(async () => {
    const module = await load();
    return { default: module[name] as ComponentType };
  });
}
