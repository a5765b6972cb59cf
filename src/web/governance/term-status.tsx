/**
 * Where a body's latest term stands today: its heading ("Current composition" only while it
 * runs), its dates and length, and between terms a note saying so with, for the secretariat,
 * the way to open the next term.
 */
import { useTranslation } from 'react-i18next';
import { termStanding } from '../../core/governance/meeting';
import { termLengthYears } from '../../core/governance/term';
import { formatDate, formatNumber } from '../components/format';
import { useLocale } from '../components/locale';
import { TermDates } from './parts';
import type { TermSummary } from './types';

type Term = Pick<TermSummary, 'label' | 'startsOn' | 'endsOn'>;

export function TermStatus({
  term,
  today,
  canManage,
  onOpenNext,
}: {
  term: Term | null;
  today: string;
  canManage: boolean;
  onOpenNext(): void;
}) {
  const { t } = useTranslation(['governance', 'common']);
  const locale = useLocale();
  const standing = term ? termStanding(term, today) : null;
  const title =
    standing === 'ended'
      ? t('bodyPage.compositionEnded')
      : standing === 'upcoming'
        ? t('bodyPage.compositionUpcoming')
        : t('bodyPage.composition');
  const years = term ? termLengthYears(term.startsOn, term.endsOn) : 0;
  return (
    <>
      <div className="panel__header">
        <h2 id="body-composition">{title}</h2>
        {term && (
          <p className="muted" data-testid="term-line">
            {t('bodyPage.termLabel', { label: term.label })} · <TermDates term={term} /> ·{' '}
            {t('rules.termYears', {
              count: years,
              formatted: formatNumber(years, locale, { maximumFractionDigits: 1 }),
            })}
          </p>
        )}
      </div>
      {!term && <p className="muted">{t('bodies.noTerm')}</p>}
      {term && standing === 'ended' && (
        <div className="gov-term-note" data-testid="term-ended">
          <p>
            {t('bodyPage.termEndedSince', {
              label: term.label,
              date: formatDate(term.endsOn, locale),
            })}
          </p>
          {canManage && (
            <button
              type="button"
              className="button button--small"
              onClick={onOpenNext}
              data-testid="open-next-term"
            >
              {t('bodyPage.openNextTerm')}
            </button>
          )}
        </div>
      )}
      {term && standing === 'upcoming' && (
        <p className="gov-term-note" data-testid="term-upcoming">
          {t('bodyPage.termUpcoming', { date: formatDate(term.startsOn, locale) })}
        </p>
      )}
    </>
  );
}
