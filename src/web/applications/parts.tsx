/** Small pieces shared by the applicant's and the secretariat's application pages. */
import { useTranslation } from 'react-i18next';
import type { ResolutionStanding } from '../../core/applications';
import { formatDate } from '../components/format';
import { useLocale } from '../components/locale';

/** Where the council resolution stands: received, due by a day, or late. */
export function ResolutionLine({ standing }: { standing: ResolutionStanding }) {
  const { t } = useTranslation('applications');
  const locale = useLocale();
  let text: string;
  if (standing.state === 'received') {
    text = t('resolution.received', { date: formatDate(standing.on, locale) });
  } else if (standing.state === 'due') {
    text = t('resolution.due', { date: formatDate(standing.by, locale), count: standing.daysLeft });
  } else {
    text = t('resolution.overdue', {
      date: formatDate(standing.by, locale),
      count: standing.daysLate,
    });
  }
  return (
    <p className={`apply-resolution apply-resolution--${standing.state}`} data-testid="resolution">
      {text}
    </p>
  );
}
