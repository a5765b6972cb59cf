/**
 * Since when an office holder holds office, and whether the record still vouches for it: a
 * holder long in office with nothing recorded since is "not confirmed since" that year
 * (the rule is officeStanding in src/core/governance/term.ts) rather than plainly current.
 */
import { useTranslation } from 'react-i18next';
import { officeStanding } from '../../core/governance/term';
import { formatDate, formatNumber } from '../components/format';
import { useLocale } from '../components/locale';

export function HolderSince({
  holder,
  today,
}: {
  holder: { startDate: string | null; endDate: string | null; confirmedOn?: string | null };
  today: string;
}) {
  const { t } = useTranslation('members');
  const locale = useLocale();
  const standing = officeStanding(holder, today);
  if (!holder.startDate) return null;
  const since = t('profile.since', { date: formatDate(holder.startDate, locale) });
  return (
    <span className="holders__since">
      {since}
      {standing.kind === 'unconfirmed' && (
        <>
          {' · '}
          <strong data-testid="holder-unconfirmed">
            {t('profile.notConfirmedSince', {
              year: formatNumber(standing.sinceYear, locale, { useGrouping: false }),
            })}
          </strong>
        </>
      )}
    </span>
  );
}
