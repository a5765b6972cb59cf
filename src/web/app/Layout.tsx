import { useEffect, useRef, useState, type ChangeEvent, type MouseEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { api } from '../api';
import { signInPath } from '../auth/next-path';
import { mayDo, useSession } from '../auth/session';
import { changeLocale } from '../i18n';
import { LOCALES, LOCALE_NAMES, isLocale } from '../../core/locales';
import { useLocale } from '../components/locale';
import './styles.css';

export interface Health {
  status: 'ok';
  database: 'sqlite' | 'postgres';
  version: string;
  demo: boolean;
}

export function useHealth() {
  return useQuery({
    queryKey: ['health'],
    queryFn: () => api.get<Health>('/api/v1/health'),
    staleTime: 5 * 60_000,
  });
}

function LanguageSwitcher() {
  const { t } = useTranslation('common');
  const locale = useLocale();
  function onChange(event: ChangeEvent<HTMLSelectElement>) {
    const next = event.target.value;
    if (isLocale(next)) void changeLocale(next);
  }
  return (
    <label className="language-switcher">
      <span className="language-switcher__label">{t('language')}</span>
      <select value={locale} onChange={onChange} data-testid="language-switcher">
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}

function SessionControls() {
  const { t } = useTranslation('common');
  const { user, loading, signOut } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  if (loading) return null;
  if (!user) {
    const onSignInPage = location.pathname === '/signin';
    return (
      <Link
        className="button button--small"
        to={
          onSignInPage
            ? `/signin${location.search}`
            : signInPath(location.pathname + location.search)
        }
        data-testid="nav-signin"
      >
        {t('signIn')}
      </Link>
    );
  }
  async function onSignOut() {
    await signOut();
    void navigate('/');
  }
  return (
    <div className="session-controls">
      <Link
        className="session-controls__user"
        to="/account/password"
        title={t('account')}
        data-testid="nav-account"
      >
        <span className="visually-hidden">
          {t('signedInAs', { name: user.displayName })}: {t('account')}
        </span>
        <span aria-hidden="true">{user.displayName}</span>
      </Link>
      <button
        type="button"
        className="button button--small button--secondary"
        onClick={() => void onSignOut()}
        data-testid="nav-signout"
      >
        {t('signOut')}
      </button>
    </div>
  );
}

/** Three bars, drawn in the text colour, beside a menu button's word. */
export function MenuIcon() {
  return (
    <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path d="M2 4h12M2 8h12M2 12h12" stroke="currentColor" strokeWidth="2" fill="none" />
    </svg>
  );
}

/**
 * A menu button's state on a narrow screen: closed on every new page; Escape closes it and,
 * when focus was inside the menu or on the button, puts focus back on the button.
 */
export function useDisclosure(pathname: string) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => setOpen(false), [pathname]);
  useEffect(() => {
    if (!open) return;
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== 'Escape') return;
      const controls = button.current?.getAttribute('aria-controls');
      const region = controls ? document.getElementById(controls) : null;
      const active = document.activeElement;
      setOpen(false);
      if (active === button.current || (active && region?.contains(active))) {
        button.current?.focus();
      }
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [open]);
  return {
    open,
    button,
    toggle: () => setOpen((was) => !was),
    /** Following a link in the menu closes it, even a link to the page already shown. */
    closeOnLink: (event: MouseEvent<HTMLElement>) => {
      if ((event.target as Element).closest('a')) setOpen(false);
    },
  };
}

/** The frame of every page: skip link, header with navigation, notices, main area, footer. */
export function Layout() {
  const { t } = useTranslation('common');
  const { user } = useSession();
  const health = useHealth();
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  const menu = useDisclosure(location.pathname);

  // After client-side navigation, move focus to the new page so screen readers announce it.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    main.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [location.pathname]);

  const mayAdminister = mayDo(user, 'person.create');
  const navClass = ({ isActive }: { isActive: boolean }) =>
    isActive ? 'site-nav__link site-nav__link--active' : 'site-nav__link';

  return (
    <div className="app-shell">
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      {health.data?.demo && (
        <p className="demo-notice" role="note" data-testid="demo-notice">
          {t('demoNotice')}
        </p>
      )}
      <header className="site-header">
        <div className="site-header__inner">
          <Link to="/" className="brand" aria-label={t('appName')}>
            <span className="brand__mark" aria-hidden="true">
              <svg viewBox="0 0 32 32" width="28" height="28">
                <circle cx="16" cy="16" r="14" fill="var(--brand)" />
                <path
                  d="M9 20c3-7 11-11 15-10-2 5-7 11-15 10Zm0 0 8-6"
                  fill="none"
                  stroke="#fff"
                  strokeWidth="2"
                  strokeLinecap="round"
                />
              </svg>
            </span>
            <span className="brand__name">{t('appName')}</span>
          </Link>
          <button
            type="button"
            className="menu-button site-header__menu-button"
            aria-expanded={menu.open}
            aria-controls="site-menu"
            onClick={menu.toggle}
            ref={menu.button}
            data-testid="nav-menu-button"
          >
            <MenuIcon />
            {t('nav.openMenu')}
          </button>
          <nav
            id="site-menu"
            className={menu.open ? 'site-nav site-nav--open' : 'site-nav'}
            aria-label={t('nav.label')}
            onClick={menu.closeOnLink}
          >
            <ul>
              <li>
                <NavLink to="/" end className={navClass} data-testid="nav-home">
                  {t('nav.home')}
                </NavLink>
              </li>
              <li>
                <NavLink to="/members" className={navClass} data-testid="nav-members">
                  {t('nav.members')}
                </NavLink>
              </li>
              <li>
                <NavLink to="/offices" className={navClass} data-testid="nav-offices">
                  {t('nav.offices')}
                </NavLink>
              </li>
              <li>
                <NavLink to="/climate" className={navClass} data-testid="nav-climate">
                  {t('nav.climate')}
                </NavLink>
              </li>
              <li>
                <NavLink to="/bodies" className={navClass} data-testid="nav-bodies">
                  {t('nav.governance')}
                </NavLink>
              </li>
              <li>
                <NavLink to="/elections" className={navClass} data-testid="nav-elections">
                  {t('nav.elections')}
                </NavLink>
              </li>
              <li>
                <NavLink to="/news" className={navClass} data-testid="nav-news">
                  {t('nav.news')}
                </NavLink>
              </li>
              {mayAdminister && (
                <li>
                  <NavLink to="/admin" className={navClass} data-testid="nav-admin">
                    {t('nav.admin')}
                  </NavLink>
                </li>
              )}
            </ul>
          </nav>
          <div className="site-header__tools">
            <LanguageSwitcher />
            <SessionControls />
          </div>
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1} className="site-main">
        <Outlet />
      </main>
      <footer className="site-footer">
        <div className="site-footer__inner">
          <p className="site-footer__brand">
            <strong>{t('appName')}</strong> — {t('tagline')}
          </p>
          <p>{t('footer.about')}</p>
          <ul className="site-footer__links">
            <li>
              <Link to="/members">{t('nav.members')}</Link>
            </li>
            <li>
              <Link to="/offices">{t('nav.offices')}</Link>
            </li>
            <li>
              <Link to="/apply" data-testid="footer-apply">
                {t('footer.apply')}
              </Link>
            </li>
            <li>
              <a href="/api/docs">{t('footer.api')}</a>
            </li>
          </ul>
          <p className="site-footer__meta">
            {t('footer.rights', { year: new Date().getFullYear() })}
            {health.data && <span> · v{health.data.version}</span>}
          </p>
        </div>
      </footer>
    </div>
  );
}
