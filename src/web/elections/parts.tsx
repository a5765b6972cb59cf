/** Small pieces the election pages share: phase badges, instants, candidates' names, reasons. */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../components/locale';
import { GovernmentName } from '../components/GovernmentName';
import { pickText } from '../components/language-choice';
import { PersonName } from '../components/PersonName';
import { phaseLabelKey } from './phase';
import { formatInstant, viewerTimeZone } from './windows';
import { CANDIDATE_INELIGIBILITIES, CANNOT_VOTE_REASONS, type Candidate } from './types';
import type { ElectionPhase } from './types';

export function PhaseBadge({ phase }: { phase: ElectionPhase }) {
  const { t } = useTranslation('elections');
  return (
    <span className={`badge election-phase election-phase--${phase}`} data-testid="election-phase">
      {t(phaseLabelKey(phase))}
    </span>
  );
}

/** An instant in the viewer's zone, with the zone named. */
export function Instant({ iso }: { iso: string }) {
  const locale = useLocale();
  return <time dateTime={iso}>{formatInstant(iso, locale)}</time>;
}

/** "Times are in your time zone (Asia/Seoul)." */
export function ZoneNote() {
  const { t } = useTranslation('elections');
  return <p className="election-zone-note">{t('zoneNote', { zone: viewerTimeZone() })}</p>;
}

/** A multilingual text in the viewer's language, marked with the language it is in. */
export function PickedText({
  texts,
  fallback = '',
}: {
  texts: Partial<Record<string, string>>;
  fallback?: string;
}) {
  const locale = useLocale();
  const picked = pickText(texts, locale);
  return picked ? <span lang={picked.lang}>{picked.text}</span> : <>{fallback}</>;
}

export function textOf(texts: Partial<Record<string, string>>, locale: string): string {
  return pickText(texts, locale)?.text ?? '';
}

/** The government standing and its leader, e.g. "Suwon — Lee Jae-jun, Mayor". */
export function CandidateName({
  candidate,
  link = true,
}: {
  candidate: Candidate;
  link?: boolean;
}) {
  const { t } = useTranslation(['elections', 'common']);
  const government = (
    <GovernmentName names={candidate.government.names} localLang={candidate.government.localLang} />
  );
  return (
    <span className="election-candidate-name">
      {link ? (
        <Link to={`/members/${encodeURIComponent(candidate.government.slug)}`}>{government}</Link>
      ) : (
        government
      )}
      <span className="election-candidate-name__leader">
        {' — '}
        <PersonName person={candidate.person} localLang={candidate.government.localLang} />
        {candidate.title && (
          <>
            {', '}
            {t(`common:positions.${candidate.title}`, { defaultValue: candidate.title })}
          </>
        )}
      </span>
    </span>
  );
}

/** Words for the codes the API gives as reasons; anything unknown is shown as sent. */
export function useReasonText() {
  const { t } = useTranslation('elections');
  return useCallback(
    (reason: string | null): string => {
      if (reason === null) return '';
      if ((CANNOT_VOTE_REASONS as readonly string[]).includes(reason)) {
        return t(`cannotVote.${reason}`);
      }
      if ((CANDIDATE_INELIGIBILITIES as readonly string[]).includes(reason)) {
        return t(`ineligibility.${reason}`);
      }
      return reason;
    },
    [t],
  );
}

export function WindowRange({ from, to }: { from: string; to: string }) {
  const { t } = useTranslation('elections');
  return (
    <span className="election-window">
      <Instant iso={from} />
      <span className="visually-hidden"> {t('list.until')} </span>
      <span aria-hidden="true"> – </span>
      <Instant iso={to} />
    </span>
  );
}
