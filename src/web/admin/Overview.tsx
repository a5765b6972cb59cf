import { useTranslation } from 'react-i18next';
import type { Action } from '../../core/policy';
import { Link, Navigate } from 'react-router';
import { mayDo, useSession } from '../auth/session';
import { usePageTitle } from '../components/page-title';

const SECTIONS = [
  { key: 'governments', to: '/admin/governments', action: 'government.create' },
  { key: 'applications', to: '/admin/applications', action: 'application.manage' },
  { key: 'people', to: '/admin/people', action: 'person.delete' },
  { key: 'users', to: '/admin/users', action: 'user.manage' },
  { key: 'audit', to: '/admin/audit', action: 'audit.read' },
  { key: 'mail', to: '/admin/mail', action: 'mail.manage' },
  { key: 'tokens', to: '/admin/tokens', action: 'token.manage' },
] as const satisfies readonly { key: string; to: string; action: Action }[];

/** The administration home: the secretariat's sections; an officer goes to their government. */
export function Overview() {
  const { t } = useTranslation('admin');
  const { user } = useSession();
  usePageTitle(t('overview.title'));

  if (user?.government && !mayDo(user, 'government.create')) {
    return <Navigate to={`/admin/governments/${user.government.slug}`} replace />;
  }
  const sections = SECTIONS.filter((section) => mayDo(user, section.action, { userId: user?.id }));

  return (
    <section aria-labelledby="admin-overview-title">
      <h1 id="admin-overview-title">{t('overview.title')}</h1>
      <p className="admin-lead">{t('overview.lead', { name: user?.displayName ?? '' })}</p>
      <ul className="admin-cards">
        {sections.map((section) => (
          <li key={section.key} className="admin-card">
            <h2>
              <Link to={section.to} data-testid={`admin-link-${section.key}`}>
                {t(`nav.${section.key}`)}
              </Link>
            </h2>
            <p>{t(`overview.${section.key}`)}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
