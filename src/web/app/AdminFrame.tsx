import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, Outlet, useLocation } from 'react-router';
import { useSession } from '../auth/session';
import { signInPath } from '../auth/next-path';
import { Loading } from '../components/DataState';
import { NotAllowed } from '../forms/form';
import '../components/admin.css';

/**
 * Every /admin page sits in this frame. Nobody signed in is sent to sign in (and brought
 * back afterwards); viewers are told the area is not theirs; admins and officers get the
 * section menu with only the entries their role may use.
 */
export function AdminFrame() {
  const { t } = useTranslation('admin');
  const { user, loading } = useSession();
  const location = useLocation();

  if (loading) return <Loading />;
  if (!user) {
    return <Navigate to={signInPath(location.pathname + location.search)} replace />;
  }
  if (user.role !== 'admin' && user.role !== 'officer') return <NotAllowed />;

  const isAdmin = user.role === 'admin';
  const links: { to: string; label: string; end?: boolean }[] = isAdmin
    ? [
        { to: '/admin', label: t('nav.overview'), end: true },
        { to: '/admin/governments', label: t('nav.governments') },
        { to: '/admin/people', label: t('nav.people') },
        { to: '/admin/users', label: t('nav.users') },
        { to: '/admin/audit', label: t('nav.audit') },
        { to: '/admin/meetings', label: t('nav.meetings') },
        { to: '/admin/elections', label: t('nav.elections') },
        { to: '/admin/news', label: t('nav.news') },
        { to: '/admin/imports', label: t('climate:imports.title') },
        { to: '/admin/tokens', label: t('nav.tokens') },
      ]
    : [
        ...(user.government
          ? [{ to: `/admin/governments/${user.government.slug}`, label: t('nav.myGovernment') }]
          : []),
        { to: '/admin/tokens', label: t('nav.tokens') },
      ];

  return (
    <div className="admin">
      <div className="admin-bar">
        <nav className="admin-nav" aria-label={t('nav.label')}>
          <ul>
            {links.map((link) => (
              <li key={link.to}>
                <NavLink to={link.to} end={link.end}>
                  {link.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        {/* The header already names the person; this says what they may do here. */}
        <p className="admin-whoami">
          <span className="badge">{t(`roles.${user.role}`)}</span>
          {user.government && <> {user.government.name}</>}
        </p>
      </div>
      <div className="admin-content">
        <Outlet />
      </div>
    </div>
  );
}

/** Wraps pages that only the secretariat (admins) may use. */
export function AdminOnly({ children }: { children: ReactNode }) {
  const { user } = useSession();
  if (user?.role !== 'admin') return <NotAllowed />;
  return <>{children}</>;
}
