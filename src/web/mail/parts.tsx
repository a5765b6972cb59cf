/** Pieces both outbox pages show. */
import { useTranslation } from 'react-i18next';
import type { OutboxStatus } from './letters';

export function StatusBadge({ status }: { status: OutboxStatus }) {
  const { t } = useTranslation('mail');
  return (
    <span className={`mail-status mail-status--${status}`} data-testid="mail-status">
      {t(`statuses.${status}`)}
    </span>
  );
}

/** This server sends no mail: letters wait in the outbox. */
export function NotConfigured() {
  const { t } = useTranslation('mail');
  return (
    <div className="mail-notice" role="note" data-testid="mail-not-configured">
      <p className="mail-notice__title">{t('notConfigured.title')}</p>
      <p>{t('notConfigured.body')}</p>
    </div>
  );
}
