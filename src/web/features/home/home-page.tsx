import { useEffect } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { toast } from 'sonner';
import { cn } from '../../lib/cn';
import { dashboardWidgets } from '../../app/dashboard-widgets';
import type { HomeNotice } from '../../app/guards';
import { useMe } from '../auth/use-me';
import { formatInZone } from '../../lib/format';
import { usePublicSettings } from '../studio/use-studio';

function greeting(hour: number): string {
  if (hour < 12) return 'Good morning';
  if (hour < 18) return 'Good afternoon';
  return 'Good evening';
}

export function HomePage() {
  const me = useMe().data!;
  const { data: settings } = usePublicSettings();
  const location = useLocation();
  const navigate = useNavigate();
  const notice = (location.state as HomeNotice | null)?.notice;

  // A guard sent the person here: say why once, then forget it (a reload should not repeat it).
  useEffect(() => {
    if (notice) {
      toast.info(notice);
      void navigate('.', { replace: true, state: null });
    }
  }, [notice, navigate]);

  const widgets = dashboardWidgets.filter(
    (w) => w.roles.includes(me.role) && (!w.feature || settings?.features[w.feature]),
  );
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">
        {greeting(Number(formatInZone(new Date(), settings?.studio.timezone ?? 'Europe/London', 'H')))},{' '}
        {me.name.split(' ')[0]}
      </h1>
      <p className="mt-1 mb-6 text-sm text-slate-600">{settings?.studio.name}</p>
      <div className="grid gap-5 lg:grid-cols-2">
        {widgets.map((w) => (
          <div key={w.id} className={cn(w.size === 'wide' && 'lg:col-span-2')}>
            <w.Component />
          </div>
        ))}
      </div>
    </>
  );
}
