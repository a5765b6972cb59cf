import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { useSession } from '../auth/session';
import { usePageTitle } from '../components/page-title';

const SECTIONS = [
  { key: 'governments', to: '/admin/governments' },
  { key: 'people', to: '/admin/people' },
  { key: 'users', to: '/admin/users' },
  { key: 'audit', to: '/admin/audit' },
  { key: 'tokens', to: '/admin/tokens' },
] as const;

/** The administration home: the secretariat's sections; an officer goes to their government. */
export function Overview() {
  const { t } = useTranslation('admin');
  const { user } = useSession();
  usePageTitle(t('overview.title'));

  if (user?.role === 'officer' && user.government) {
    return <Navigate to={`/admin/governments/${user.government.slug}`} replace />;
  }
  const sections =
    user?.role === 'admin' ? SECTIONS : SECTIONS.filter((section) => section.key === 'tokens');

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
