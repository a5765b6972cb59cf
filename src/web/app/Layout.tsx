import { Suspense, useEffect, useRef, type ChangeEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { api } from '../api';
import { signInPath } from '../auth/next-path';
import { mayDo, useSession } from '../auth/session';
import { changeLocale } from '../i18n';
import { LOCALES, LOCALE_NAMES, isLocale } from '../../core/locales';
import { useLocale } from '../components/locale';
import { Loading } from '../components/DataState';
import { CollapsibleNav } from './CollapsibleNav';
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

/** The frame of every page: skip link, header with navigation, notices, main area, footer. */
export function Layout() {
  const { t } = useTranslation('common');
  const { user } = useSession();
  const health = useHealth();
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

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
      <header className="site-header">
        {/* In the banner landmark, so a screen reader's list of landmarks leaves none of it out. */}
        {health.data?.demo && (
          <p className="demo-notice" role="note" data-testid="demo-notice">
            {t('demoNotice')}
          </p>
        )}
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
          <CollapsibleNav
            id="site-menu"
            label={t('nav.label')}
            className="site-nav"
            buttonClassName="site-header__menu-button"
            buttonText={t('nav.openMenu')}
            buttonTestId="nav-menu-button"
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
          </CollapsibleNav>
          <div className="site-header__tools">
            <LanguageSwitcher />
            <SessionControls />
          </div>
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1} className="site-main">
        {/* A page whose catalog or code is still on its way waits here, inside the frame. */}
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
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
