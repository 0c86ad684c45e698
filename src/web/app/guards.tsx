import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Spinner } from '../components/ui/page';
import { useMe, type Role } from '../features/auth/use-me';
import { useFeatureEnabled, usePublicSettings, type Feature } from '../features/studio/use-studio';

export interface HomeNotice {
  notice: string;
}

/**
 * Guards a page: signed in, one of `roles`, and its feature on. A switched-off feature or a
 * page of another role sends the person home with a notice saying why.
 */
export function Guard(props: { roles?: Role[]; feature?: Feature; children: ReactNode }) {
  const me = useMe();
  const settings = usePublicSettings();
  const enabled = useFeatureEnabled(props.feature);
  const location = useLocation();
  if (me.isPending || settings.isPending) return <Spinner />;
  if (!me.data)
    return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (props.feature && !enabled) {
    return (
      <Navigate
        to="/"
        replace
        state={{ notice: `That part of the app is turned off for this studio.` } satisfies HomeNotice}
      />
    );
  }
  if (props.roles && !props.roles.includes(me.data.role)) {
    return (
      <Navigate to="/" replace state={{ notice: 'That page is not available to your account.' } satisfies HomeNotice} />
    );
  }
  return <>{props.children}</>;
}
