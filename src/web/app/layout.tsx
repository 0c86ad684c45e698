import { LogOut, Menu } from 'lucide-react';
import { lazy, Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { NavLink, Outlet } from 'react-router';
import { cn } from '../lib/cn';
import { useMe, useSignOut, type Me } from '../features/auth/use-me';
import { NotificationBell } from '../features/notifications/notification-bell';
import { usePublicSettings, type PublicSettings } from '../features/studio/use-studio';
import { InstallHint } from '../pwa/install-hint';
import { OfflineBanner } from '../pwa/offline-banner';
import { PushPrompt } from '../pwa/push-prompt';
import { navItems, type NavItem } from './nav';

const loadMenuSheet = () => import('./menu-sheet');
const MenuSheet = lazy(async () => ({ default: (await loadMenuSheet()).MenuSheet }));

export function visibleNavItems(me: Me, settings: PublicSettings | undefined): NavItem[] {
  return navItems.filter(
    (item) => item.roles.includes(me.role) && (!item.feature || settings?.features[item.feature] === true),
  );
}

function NavList(props: { items: NavItem[]; onNavigate?: () => void }) {
  return (
    <ul className="space-y-0.5">
      {props.items.map((item) => (
        <li key={item.to}>
          <NavLink
            to={item.to}
            end={item.to === '/'}
            onClick={props.onNavigate}
            className={({ isActive }) =>
              cn(
                'flex items-center gap-3 rounded-lg px-3 py-2.5 text-sm font-medium',
                isActive ? 'bg-brand-50 text-brand-800' : 'text-slate-700 hover:bg-slate-100',
              )
            }
          >
            <item.icon className="size-5 shrink-0" aria-hidden />
            {item.label}
          </NavLink>
        </li>
      ))}
    </ul>
  );
}

function NavSections(props: { items: NavItem[]; onNavigate?: () => void }) {
  const sections: Array<[NavItem['section'], string | null]> = [
    ['main', null],
    ['admin', 'Admin'],
    ['account', 'Account'],
  ];
  return (
    <div className="space-y-5">
      {sections.map(([section, title]) => {
        const items = props.items.filter((i) => i.section === section);
        if (!items.length) return null;
        return (
          <div key={section}>
            {title && <p className="mb-1 px-3 text-xs font-semibold tracking-wide text-slate-500 uppercase">{title}</p>}
            <NavList items={items} onNavigate={props.onNavigate} />
          </div>
        );
      })}
    </div>
  );
}

function UserBlock(props: { me: Me }) {
  const signOut = useSignOut();
  return (
    <div className="flex items-center justify-between gap-2 border-t border-slate-200 px-3 pt-3">
      <div className="min-w-0">
        <p className="truncate text-sm font-medium text-slate-900">{props.me.name}</p>
        <p className="truncate text-xs text-slate-600">{props.me.role.toLowerCase()}</p>
      </div>
      <button
        type="button"
        onClick={() => void signOut()}
        className="rounded-lg p-2 text-slate-600 hover:bg-slate-100"
        aria-label="Sign out"
      >
        <LogOut className="size-5" aria-hidden />
      </button>
    </div>
  );
}

/** The signed-in app: sidebar on wide screens; top bar, bottom tabs and a menu sheet on phones. */
export function AppLayout() {
  const me = useMe().data!;
  const { data: settings } = usePublicSettings();
  const [menuOpen, setMenuOpen] = useState(false);
  const items = visibleNavItems(me, settings);
  const tabs = items.filter((i) => i.section === 'main').slice(0, 4);
  const studioName = settings?.studio.name ?? 'Roster';

  return (
    <div className="min-h-dvh md:flex">
      <aside
        className="hidden w-64 shrink-0 flex-col border-r border-slate-200 bg-white px-3 py-4 md:flex md:sticky md:top-0 md:h-dvh"
        aria-label="Main"
      >
        <div className="mb-6 flex items-center justify-between px-3">
          <StudioMark name={studioName} />
          <NotificationBell />
        </div>
        <nav className="flex-1 overflow-y-auto" aria-label="Main navigation">
          <NavSections items={items} />
        </nav>
        <UserBlock me={me} />
      </aside>

      <header className="sticky top-0 z-30 flex h-14 items-center justify-between border-b border-slate-200 bg-white/95 px-4 backdrop-blur md:hidden">
        <StudioMark name={studioName} />
        <div className="flex items-center gap-1">
          <NotificationBell />
          <MobileMenu open={menuOpen} onOpenChange={setMenuOpen} me={me}>
            <NavSections items={items} onNavigate={() => setMenuOpen(false)} />
          </MobileMenu>
        </div>
      </header>

      <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 pt-5 pb-28 sm:px-6 md:pt-8 md:pb-10">
        <OfflineBanner />
        <InstallHint />
        {me.role === 'CLIENT' && <PushPrompt />}
        <Outlet />
      </main>

      {tabs.length > 1 && (
        <nav
          className="fixed inset-x-0 bottom-0 z-30 border-t border-slate-200 bg-white pb-[env(safe-area-inset-bottom)] md:hidden"
          aria-label="Quick navigation"
        >
          <ul className="grid" style={{ gridTemplateColumns: `repeat(${tabs.length}, minmax(0, 1fr))` }}>
            {tabs.map((item) => (
              <li key={item.to}>
                <NavLink
                  to={item.to}
                  end={item.to === '/'}
                  className={({ isActive }) =>
                    cn(
                      'flex min-h-14 flex-col items-center justify-center gap-0.5 text-xs font-medium',
                      isActive ? 'text-brand-700' : 'text-slate-600',
                    )
                  }
                >
                  <item.icon className="size-5" aria-hidden />
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </div>
  );
}

function StudioMark(props: { name: string }) {
  return (
    <NavLink to="/" className="flex min-w-0 items-center gap-2 font-semibold text-slate-900">
      <span
        className="grid size-8 shrink-0 place-items-center rounded-lg bg-brand-700 text-sm font-bold text-white"
        aria-hidden
      >
        {props.name.slice(0, 1).toUpperCase()}
      </span>
      <span className="line-clamp-2 leading-tight">{props.name}</span>
    </NavLink>
  );
}

/**
 * The "Open menu" button and its sheet. The sheet (Radix dialog: focus trap, scroll lock) is its own
 * chunk, fetched once the layout has shown and mounted from the first tap, so the first load is lighter.
 */
function MobileMenu(props: { open: boolean; onOpenChange: (o: boolean) => void; me: Me; children: ReactNode }) {
  const button = useRef<HTMLButtonElement>(null);
  const [opened, setOpened] = useState(props.open);
  if (props.open && !opened) setOpened(true);
  useEffect(() => {
    void loadMenuSheet();
  }, []);
  return (
    <>
      <button
        ref={button}
        type="button"
        className="rounded-lg p-2 text-slate-700 hover:bg-slate-100"
        aria-label="Open menu"
        aria-haspopup="dialog"
        aria-expanded={props.open}
        onClick={() => props.onOpenChange(true)}
      >
        <Menu className="size-6" aria-hidden />
      </button>
      {opened && (
        <Suspense fallback={null}>
          <MenuSheet
            open={props.open}
            onOpenChange={props.onOpenChange}
            returnFocusTo={button}
            footer={<UserBlock me={props.me} />}
          >
            {props.children}
          </MenuSheet>
        </Suspense>
      )}
    </>
  );
}
