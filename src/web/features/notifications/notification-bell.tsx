import { Bell } from 'lucide-react';
import { Link } from 'react-router';
import { useNotifications } from './use-notifications';

export function NotificationBell() {
  const { data } = useNotifications();
  const unread = data?.badgeCount ?? 0;
  return (
    <Link
      to="/notifications"
      className="relative rounded-lg p-2 text-slate-700 hover:bg-slate-100"
      aria-label={unread ? `Notifications, ${unread} unread` : 'Notifications'}
    >
      <Bell className="size-6" aria-hidden />
      {unread > 0 && (
        <span
          className="absolute top-1 right-1 grid min-w-5 place-items-center rounded-full bg-red-700 px-1 text-[11px] leading-5 font-semibold text-white"
          aria-hidden
        >
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </Link>
  );
}
