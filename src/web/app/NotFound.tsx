import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { usePageTitle } from '../components/page-title';

/** Any address the app does not know. */
export function NotFound() {
  const { t } = useTranslation('common');
  const location = useLocation();
  usePageTitle(t('notFound.title'));
  return (
    <div className="not-found" data-testid="not-found">
      <p className="not-found__code" aria-hidden="true">
        404
      </p>
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <p className="muted">
        <code>{location.pathname}</code>
      </p>
      <p>
        <Link className="button" to="/">
          {t('notFound.home')}
        </Link>
      </p>
    </div>
  );
}
