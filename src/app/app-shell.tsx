import { useQuery } from '@tanstack/react-query';
import { Suspense, useEffect, useId, useRef, useState } from 'react';
import { NavLink, Outlet, useLocation, useNavigate, useNavigation, useParams } from 'react-router';
import { takeHeadingFocusRequest } from '@/lib/heading-focus';
import { can } from '@/api/permissions';
import { organizationsQuery } from '@/api/queries';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { useDismiss } from '@/components/ui/use-dismiss';
import type { SignOutState } from '@/features/auth/sign-out-route';
import { rememberOrganization } from '@/lib/last-organization';
import { roleIn, useSession } from '@/lib/session';
import { NAV_ITEMS } from './nav-items';
import { OrgSwitcher } from './org-switcher';
import { setThemePreference, useThemePreference, type ThemePreference } from './theme';
import { LanguageSelect } from '@/components/ui/language-select';
import { useRoleLabel } from '@/components/ui/role-label';
import { useUiMessages } from '@/components/ui/messages';

function ThemeSelect() {
  const t = useUiMessages();
  const id = useId();
  const preference = useThemePreference();
  return (
    <div className="flex items-center">
      <label htmlFor={id} className="sr-only">
        {t.themeLabel()}
      </label>
      <select
        id={id}
        value={preference}
        onChange={(event) => {
          const value = event.target.value;
          if (value === 'light' || value === 'dark' || value === 'system') setThemePreference(value satisfies ThemePreference);
        }}
        className="h-9 rounded-md border border-line-strong bg-surface px-2 text-sm text-ink"
      >
        <option value="system">{t.themeSystem()}</option>
        <option value="light">{t.themeLight()}</option>
        <option value="dark">{t.themeDark()}</option>
      </select>
    </div>
  );
}

/** The console's frame for one organization: header, navigation for the caller's role, and the page. */
export function AppShell() {
  const t = useUiMessages();
  const roleLabel = useRoleLabel();
  const { organizationId = '' } = useParams();
  const session = useSession();
  const navigation = useNavigation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const { data } = useQuery(organizationsQuery());
  const organizations = data?.results ?? [];
  const role = roleIn(session, organizationId);
  const rolesKnown = (session?.memberships ?? null) !== null;
  const items = NAV_ITEMS.filter((item) => item.permission === null || !rolesKnown || (role !== null && can(role, item.permission)));

  useEffect(() => rememberOrganization(organizationId), [organizationId]);

  // Once a navigation to another page has completed, the focus goes to its heading, which screen
  // readers then read: otherwise it stays on the link that was used, and nothing says the page changed.
  // Not on the first page, where the browser's own focus is where the user expects it; nor for a
  // change of search params alone (a filter), which keeps the user where they were.
  const firstPage = useRef(true);
  useEffect(() => {
    if (firstPage.current) {
      firstPage.current = false;
      // Unless the shell comes after signing in, whose button is gone.
      if (!takeHeadingFocusRequest()) return;
    }
    const heading = document.querySelector<HTMLElement>('#main h1');
    (heading ?? document.getElementById('main'))?.focus();
  }, [pathname]);

  // The phone menu closes like other popups: Escape (focus back on its button) or a click outside.
  const menuButtonRef = useRef<HTMLButtonElement>(null);
  const mobileNavRef = useRef<HTMLElement>(null);
  useDismiss(menuOpen, setMenuOpen, menuButtonRef, mobileNavRef);

  // A navigation, so that a page with unsaved changes asks first (see the sign-out route).
  const signOut = () => {
    setMenuOpen(false);
    const state: SignOutState = { signOut: true };
    void navigate('/sign-out', { state });
  };

  const navList = (
    <ul className="flex flex-col gap-0.5">
      {items.map((item) => (
        <li key={item.path}>
          <NavLink
            to={`/organizations/${organizationId}/${item.path}`}
            onClick={() => setMenuOpen(false)}
            className={({ isActive }) =>
              cn('block rounded-md px-3 py-2 text-sm font-medium', isActive ? 'bg-surface-muted text-ink' : 'text-ink-muted hover:bg-surface-muted hover:text-ink')
            }
          >
            {t[item.label]()}
          </NavLink>
        </li>
      ))}
    </ul>
  );

  const userBlock = session?.user ? (
    <p className="text-sm">
      <span className="font-medium text-ink">{session.user.name}</span>{' '}
      <span className="text-ink-muted">· {role ? roleLabel(role) : rolesKnown ? t.noAccess() : t.roleUnknown()}</span>
    </p>
  ) : null;

  return (
    <div className="min-h-screen bg-canvas">
      <a href="#main" className="sr-only focus:not-sr-only focus:fixed focus:start-2 focus:top-2 focus:z-50 focus:rounded focus:bg-surface focus:p-2">
        {t.skipToContent()}
      </a>
      <div
        aria-hidden="true"
        className={cn('fixed inset-x-0 top-0 z-40 h-0.5 bg-accent transition-opacity', navigation.state === 'loading' ? 'opacity-100 animate-pulse' : 'opacity-0')}
      />
      <header className="sticky top-0 z-30 border-b border-line bg-surface">
        <div className="mx-auto flex h-14 max-w-7xl items-center gap-3 px-3 sm:px-6">
          <Button
            ref={menuButtonRef}
            variant="ghost"
            size="sm"
            className="md:hidden"
            aria-expanded={menuOpen}
            aria-controls="mobile-nav"
            onClick={() => setMenuOpen((open) => !open)}
          >
            {t.menu()}
          </Button>
          <span className="hidden font-semibold text-ink sm:inline">{t.productName()}</span>
          <OrgSwitcher organizations={organizations} currentId={organizationId} />
          <div className="ms-auto flex items-center gap-3">
            <div className="hidden lg:block">{userBlock}</div>
            <div className="hidden md:flex md:items-center md:gap-2">
              <LanguageSelect />
              <ThemeSelect />
            </div>
            <div className="hidden md:block">
              <Button variant="secondary" size="sm" onClick={signOut}>
                {t.signOut()}
              </Button>
            </div>
          </div>
        </div>
      </header>
      <div className="mx-auto flex max-w-7xl">
        <nav aria-label={t.navLabel()} className="hidden w-56 shrink-0 border-e border-line px-3 py-6 md:block">
          {navList}
        </nav>
        {menuOpen && (
          <nav
            ref={mobileNavRef}
            id="mobile-nav"
            aria-label={t.navLabel()}
            className="fixed inset-x-0 top-14 z-20 max-h-[calc(100vh-3.5rem)] overflow-auto border-b border-line bg-surface p-3 shadow-lg md:hidden"
          >
            {navList}
            <div className="mt-3 flex flex-col gap-3 border-t border-line pt-3">
              {userBlock}
              <LanguageSelect />
              <ThemeSelect />
              <Button variant="secondary" size="sm" onClick={signOut}>
                {t.signOut()}
              </Button>
            </div>
          </nav>
        )}
        <main id="main" tabIndex={-1} aria-busy={navigation.state === 'loading' || undefined} className="min-w-0 flex-1 px-4 py-6 sm:px-8">
          {/* A page whose words in the chosen language are still on their way waits here (src/lib/i18n.ts), the shell staying put. */}
          <Suspense>
            <Outlet />
          </Suspense>
        </main>
      </div>
    </div>
  );
}
