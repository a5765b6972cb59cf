/** Small pieces shared by the governance pages: avatars, badges, times, the quorum. */
import { useTranslation } from 'react-i18next';
import { personNameText } from '../../core/names';
import { formatDate } from '../components/format';
import { useLocale } from '../components/locale';
import { avatarColour, initials } from './avatar';
import { quorumState } from './quorum-text';
import { pickText } from './text';
import type { MeetingStatus, PersonRef, Quorum, TermSummary } from './types';
import { meetingTimeLines, viewerTimeZone } from './zoned-time';

/**
 * A person's name for the viewer, by the one rule for names (src/core/names.ts): theirs when
 * recorded, else the person's own script with the English name beside it, else English.
 */
export function personName(person: PersonRef, locale: string, localLang?: string | null): string {
  return personNameText(person, locale, localLang);
}

/**
 * A circle with the person's initials instead of a photograph. Screen readers hear the full
 * name; the letters themselves are decoration.
 */
export function InitialsAvatar({
  name,
  size = 'medium',
}: {
  name: string;
  size?: 'small' | 'medium';
}) {
  return (
    <span
      className={`gov-avatar gov-avatar--${size}`}
      style={{ backgroundColor: avatarColour(name) }}
      role="img"
      aria-label={name}
      title={name}
    >
      <span aria-hidden="true">{initials(name)}</span>
    </span>
  );
}

/** Texts by language shown in the viewer's language, marked with the language they are in. */
export function LangText({
  texts,
  as: Tag = 'span',
  className,
}: {
  texts: Partial<Record<string, string>>;
  as?: 'span' | 'p' | 'h1' | 'h2' | 'h3' | 'strong';
  className?: string;
}) {
  const locale = useLocale();
  const { text, lang } = pickText(texts, locale);
  return (
    <Tag lang={lang === locale ? undefined : lang} className={className}>
      {text}
    </Tag>
  );
}

/** The status in words; the colour only repeats what the words say. */
export function StatusBadge({ status }: { status: MeetingStatus }) {
  const { t } = useTranslation('governance');
  return (
    <span className={`badge gov-status gov-status--${status}`} data-status={status}>
      {t(`statuses.${status}`)}
    </span>
  );
}

/**
 * When a meeting takes place: on the clock of its own zone, and on the viewer's clock when
 * that reads differently.
 */
export function MeetingTimes({
  meeting,
  compact = false,
}: {
  meeting: { startsAt: string; endsAt: string; timeZone: string };
  compact?: boolean;
}) {
  const { t } = useTranslation('governance');
  const locale = useLocale();
  const viewerZone = viewerTimeZone();
  const lines = meetingTimeLines(meeting, viewerZone, locale);
  if (compact) {
    return (
      <span className="gov-times gov-times--compact">
        <time dateTime={meeting.startsAt}>{lines.meeting}</time>
        {lines.viewer && (
          <span className="gov-times__viewer">
            {t('times.yourTimeShort', { time: lines.viewer })}
          </span>
        )}
      </span>
    );
  }
  return (
    <dl className="gov-times">
      <div className="gov-times__line">
        <dt>{t('times.meetingZone', { zone: meeting.timeZone })}</dt>
        <dd>
          <time dateTime={meeting.startsAt}>{lines.meeting}</time>
        </dd>
      </div>
      {lines.viewer && (
        <div className="gov-times__line">
          <dt>{t('times.viewerZone', { zone: viewerZone })}</dt>
          <dd>{lines.viewer}</dd>
        </div>
      )}
    </dl>
  );
}

/**
 * Whether the meeting may decide: present and required voting seats, in words that say
 * "reached" or "not reached" (not colour alone), announced politely as the register changes.
 */
export function QuorumIndicator({ quorum }: { quorum: Quorum }) {
  const { t } = useTranslation('governance');
  const state = quorumState(quorum);
  const share = quorum.votingSeats > 0 ? Math.min(1, quorum.present / quorum.votingSeats) : 0;
  const mark = quorum.votingSeats > 0 ? Math.min(1, quorum.required / quorum.votingSeats) : 1;
  return (
    <div
      className={`gov-quorum gov-quorum--${state.reached ? 'reached' : 'not-reached'}`}
      aria-live="polite"
      data-testid="quorum-indicator"
      data-reached={state.reached ? 'true' : 'false'}
    >
      <p className="gov-quorum__status">
        <span className="gov-quorum__icon" aria-hidden="true">
          {state.reached ? '✓' : '!'}
        </span>
        <strong>{t(state.phrase.key, state.phrase.values)}</strong>
      </p>
      <div className="gov-quorum__bar" aria-hidden="true">
        <span className="gov-quorum__fill" style={{ width: `${share * 100}%` }} />
        <span className="gov-quorum__mark" style={{ insetInlineStart: `${mark * 100}%` }} />
      </div>
      {!state.reached && (
        <p className="gov-quorum__missing">{t('quorum.missing', { count: state.missing })}</p>
      )}
      <p className="gov-quorum__rule">
        {quorum.rule.proxiesCount ? t('rules.proxiesCount') : t('rules.proxiesDoNotCount')}
      </p>
    </div>
  );
}

/** "1 Jan 2024 – 31 Dec 2027" in the viewer's language. */
export function TermDates({ term }: { term: Pick<TermSummary, 'startsOn' | 'endsOn'> }) {
  const { t } = useTranslation('governance');
  const locale = useLocale();
  return (
    <>
      {t('terms.dates', {
        from: formatDate(term.startsOn, locale),
        to: formatDate(term.endsOn, locale),
      })}
    </>
  );
}
