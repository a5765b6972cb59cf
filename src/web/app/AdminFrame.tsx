import { useEffect, type ReactNode } from 'react';
import { GovernmentName } from '../components/GovernmentName';
import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, Outlet, useLocation } from 'react-router';
import type { Action } from '../../core/policy';
import { mayDo, useSession } from '../auth/session';
import { signInPath } from '../auth/next-path';
import { Loading } from '../components/DataState';
import { NotAllowed } from '../forms/form';
import { CollapsibleNav } from './CollapsibleNav';
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
  // On a laptop the tabs are a strip that scrolls sideways: bring the current one into view.
  useEffect(() => {
    document
      .querySelector('#admin-menu a[aria-current="page"]')
      ?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [location.pathname, loading]);

  if (loading) return <Loading />;
  if (!user) {
    return <Navigate to={signInPath(location.pathname + location.search)} replace />;
  }
  // The area is for those who keep records: the secretariat and members' officers.
  if (!mayDo(user, 'person.create')) return <NotAllowed />;

  const secretariat = mayDo(user, 'government.create');
  const sections: { to: string; label: string; action: Action; end?: boolean }[] = [
    { to: '/admin/governments', label: t('nav.governments'), action: 'government.create' },
    { to: '/admin/applications', label: t('nav.applications'), action: 'application.manage' },
    { to: '/admin/duplicates', label: t('nav.duplicates'), action: 'government.merge' },
    { to: '/admin/invoices', label: t('nav.invoices'), action: 'invoice.manage' },
    { to: '/admin/fees', label: t('nav.fees'), action: 'feeSchedule.edit' },
    { to: '/admin/people', label: t('nav.people'), action: 'person.delete' },
    { to: '/admin/users', label: t('nav.users'), action: 'user.manage' },
    { to: '/admin/audit', label: t('nav.audit'), action: 'audit.read' },
    { to: '/admin/mail', label: t('nav.mail'), action: 'mail.manage' },
    { to: '/admin/meetings', label: t('nav.meetings'), action: 'meeting.manage' },
    { to: '/admin/elections', label: t('nav.elections'), action: 'election.manage' },
    { to: '/admin/news', label: t('nav.news'), action: 'news.manage' },
    { to: '/admin/imports', label: t('nav.imports'), action: 'climate.import' },
  ];
  const links: { to: string; label: string; end?: boolean }[] = [
    ...(secretariat ? [{ to: '/admin', label: t('nav.overview'), end: true }] : []),
    ...sections.filter((section) => mayDo(user, section.action)),
    ...(user.government && mayDo(user, 'government.edit', { governmentId: user.government.id })
      ? [{ to: `/admin/governments/${user.government.slug}`, label: t('nav.myGovernment') }]
      : []),
    { to: '/admin/tokens', label: t('nav.tokens') },
  ];

  return (
    <div className="admin">
      <div className="admin-bar">
        <CollapsibleNav
          id="admin-menu"
          label={t('nav.label')}
          className="admin-nav"
          buttonClassName="admin-bar__menu-button"
          buttonText={t('nav.openMenu')}
          buttonTestId="admin-menu-button"
        >
          <ul>
            {links.map((link) => (
              <li key={link.to}>
                <NavLink to={link.to} end={link.end}>
                  {link.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </CollapsibleNav>
        {/* The header already names the person; this says what they may do here. */}
        <p className="admin-whoami">
          <span className="badge">{t(`roles.${user.role}`)}</span>
          {user.government && (
            <>
              {' '}
              <GovernmentName names={user.government.names} localLang={user.government.localLang} />
            </>
          )}
        </p>
      </div>
      <div className="admin-content">
        <Outlet />
      </div>
    </div>
  );
}

/** Wraps a page that needs the action (in the policy, src/core/policy.ts): others are told so. */
export function Allowed({ action, children }: { action: Action; children: ReactNode }) {
  const { user } = useSession();
  if (!mayDo(user, action)) return <NotAllowed />;
  return <>{children}</>;
}
