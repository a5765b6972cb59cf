/** The record of a meeting as everyone reads it: agenda, register, decisions, files. */
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../components/format';
import { useLocale } from '../components/locale';
import { translated } from '../components/translated';
import type { Locale } from '../../core/locales';
import { GovernmentName, governmentNameText } from '../components/GovernmentName';
import { LangText, personName } from './parts';
import { registerGroups } from './register';
import { pickText } from './text';
import type {
  AgendaItem,
  Attendance,
  FileInfo,
  Meeting,
  Motion,
  PersonRef,
  Speaker,
} from './types';
import { formatClock } from './zoned-time';
import { ScrollFrame } from '../components/ScrollFrame';

function speakerText(speaker: Speaker, locale: Locale): string {
  const name = speaker.person ? personName(speaker.person, locale) : (speaker.name ?? '');
  return speaker.role ? `${name} (${translated(speaker.roles, speaker.role, locale)})` : name;
}

function AgendaEntry({
  item,
  childrenOf,
  timeZone,
}: {
  item: AgendaItem;
  childrenOf: Map<number | null, AgendaItem[]>;
  timeZone: string;
}) {
  const { t } = useTranslation('governance');
  const locale = useLocale();
  const children = childrenOf.get(item.id) ?? [];
  const minutes = Math.round(
    (new Date(item.plannedEnd).getTime() - new Date(item.plannedStart).getTime()) / 60_000,
  );
  return (
    <li className={`gov-agenda__item gov-agenda__item--depth-${item.depth}`}>
      <div className="gov-agenda__head">
        <span className="gov-agenda__number">{item.number}</span>{' '}
        <LangText texts={item.title} as="strong" className="gov-agenda__title" />{' '}
        <span className="badge gov-agenda__kind">{t(`agendaKinds.${item.kind}`)}</span>
      </div>
      {/* Items without a duration have no place on the clock; a 0-minute slot would mislead. */}
      {minutes > 0 && (
        <p className="gov-agenda__meta">
          <span className="gov-agenda__clock">
            <time dateTime={item.plannedStart}>
              {formatClock(item.plannedStart, timeZone, locale)}
            </time>
            {'–'}
            <time dateTime={item.plannedEnd}>{formatClock(item.plannedEnd, timeZone, locale)}</time>
          </span>{' '}
          <span className="muted">
            ({t('agenda.minutes', { count: minutes, formatted: formatNumber(minutes, locale) })})
          </span>
        </p>
      )}
      {item.speakers.length > 0 && (
        <p className="gov-agenda__speakers">
          {t('agenda.speakers', {
            names: item.speakers.map((s) => speakerText(s, locale)).join(', '),
          })}
        </p>
      )}
      {item.notes && <p className="gov-agenda__notes">{item.notes}</p>}
      {children.length > 0 && (
        <ol className="gov-agenda gov-agenda--nested">
          {children.map((child) => (
            <AgendaEntry key={child.id} item={child} childrenOf={childrenOf} timeZone={timeZone} />
          ))}
        </ol>
      )}
    </li>
  );
}

/** The agenda as a numbered nested list with its running clock in the meeting's zone. */
export function AgendaView({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation('governance');
  const locale = useLocale();
  const childrenOf = new Map<number | null, AgendaItem[]>();
  for (const item of meeting.agenda) {
    const list = childrenOf.get(item.parentId) ?? [];
    list.push(item);
    childrenOf.set(item.parentId, list);
  }
  if (meeting.agenda.length === 0) return <p className="muted">{t('agenda.empty')}</p>;
  return (
    <>
      <p className="muted">{t('agenda.clockZone', { zone: meeting.timeZone })}</p>
      <ol className="gov-agenda" data-testid="agenda">
        {(childrenOf.get(null) ?? []).map((item) => (
          <AgendaEntry
            key={item.id}
            item={item}
            childrenOf={childrenOf}
            timeZone={meeting.timeZone}
          />
        ))}
      </ol>
      {meeting.agendaOverrunMinutes > 0 && (
        <p className="gov-warning" role="note" data-testid="agenda-overrun">
          {t('agenda.overrun', {
            count: meeting.agendaOverrunMinutes,
            formatted: formatNumber(meeting.agendaOverrunMinutes, locale),
          })}
        </p>
      )}
    </>
  );
}

/**
 * Someone on a register or an invitation as the viewer reads them: a recorded person by the
 * rule for names (as the agenda writes them), else the name as entered.
 */
export function attendeeName(
  entry: { person: PersonRef | null; name: string },
  locale: string,
): string {
  return entry.person ? personName(entry.person, locale) : entry.name;
}

function AttendeeGovernment({ attendance }: { attendance: Attendance }) {
  if (!attendance.government) return null;
  return (
    <>
      {' — '}
      <GovernmentName
        names={attendance.government.names}
        localLang={attendance.government.localLang}
      />
    </>
  );
}

/** "Min Kwon — proxy of Jeong Hyup Seo, Seoul" */
export function proxyLine(
  attendance: Attendance,
  locale: Parameters<typeof governmentNameText>[2],
  t: (key: string, values: Record<string, string>) => string,
): string {
  const government = attendance.government
    ? governmentNameText(attendance.government.names, attendance.government.localLang, locale)
    : '';
  const principal = attendance.principal
    ? attendance.principal.person
      ? personName(attendance.principal.person, locale)
      : attendance.principal.name
    : '';
  return t(government ? 'register.proxyOf' : 'register.proxyOfNoGovernment', {
    name: attendeeName(attendance, locale),
    principal,
    government,
  });
}

/** Who was there: in their own right, as someone's proxy, as advisers; and apologies. */
export function RegisterView({ attendance }: { attendance: readonly Attendance[] }) {
  const { t } = useTranslation('governance');
  const locale = useLocale();
  const groups = registerGroups(attendance);
  if (attendance.length === 0) return <p className="muted">{t('register.empty')}</p>;
  const mode = (a: Attendance) => <span className="muted"> ({t(`modes.${a.mode}`)})</span>;
  const named = (a: Attendance, withMode: boolean) => (
    <>
      {attendeeName(a, locale)}
      <AttendeeGovernment attendance={a} />
      {withMode && mode(a)}
    </>
  );
  // The four groups in the order a register reads; proxies name whom they stand for.
  const sections = [
    {
      id: 'own',
      title: t('register.ownRight'),
      items: groups.ownRight,
      line: (a: Attendance) => named(a, true),
    },
    {
      id: 'proxies',
      title: t('register.proxies'),
      items: groups.proxies,
      line: (a: Attendance) => (
        <>
          {proxyLine(a, locale, t)}
          {mode(a)}
        </>
      ),
      testId: 'register-proxy',
    },
    {
      id: 'advisers',
      title: t('register.advisers'),
      items: groups.advisers,
      line: (a: Attendance) => named(a, true),
    },
    {
      id: 'absent',
      title: t('register.absent'),
      items: groups.absent,
      line: (a: Attendance) => named(a, false),
    },
  ];
  return (
    <div className="gov-register" data-testid="register">
      {sections
        .filter((section) => section.items.length > 0)
        .map((section) => (
          <section key={section.id} aria-labelledby={`register-${section.id}`}>
            <h3 id={`register-${section.id}`}>{section.title}</h3>
            <ul>
              {section.items.map((a) => (
                <li key={a.id} data-testid={section.testId}>
                  {section.line(a)}
                </li>
              ))}
            </ul>
          </section>
        ))}
    </div>
  );
}

/** A motion with its outcome, the count and how each seat voted. */
export function MotionView({ motion, headingLevel = 3 }: { motion: Motion; headingLevel?: 3 | 4 }) {
  const { t } = useTranslation('governance');
  const locale = useLocale();
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const text = pickText(motion.text, locale);
  return (
    <article className="gov-motion" data-testid={`motion-${motion.id}`}>
      <Heading className="gov-motion__text" lang={text.lang === locale ? undefined : text.lang}>
        {text.text}
      </Heading>
      <p className="gov-motion__meta">
        <span className={`badge gov-outcome gov-outcome--${motion.status}`}>
          {t(`motionStatuses.${motion.status}`)}
        </span>{' '}
        {t(`motionKinds.${motion.kind}`)} · {t(`majorityRules.${motion.majorityRule}`)}
      </p>
      {motion.tally && (
        <p className="gov-motion__tally">
          {t('motions.tally', {
            for: formatNumber(motion.tally.for, locale),
            against: formatNumber(motion.tally.against, locale),
            abstain: formatNumber(motion.tally.abstain, locale),
            absent: formatNumber(motion.tally.absent, locale),
          })}
        </p>
      )}
      {motion.votes.length > 0 && (
        <ScrollFrame label={t('motions.votesCaption', { motion: text.text })}>
          <table className="data-table gov-votes">
            <caption className="visually-hidden">
              {t('motions.votesCaption', { motion: text.text })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('motions.seat')}</th>
                <th scope="col">{t('motions.vote')}</th>
              </tr>
            </thead>
            <tbody>
              {motion.votes.map((vote) => (
                <tr key={vote.seatId}>
                  <th scope="row">
                    <GovernmentName
                      names={vote.government.names}
                      localLang={vote.government.localLang}
                    />
                  </th>
                  <td>
                    <span className={`gov-vote gov-vote--${vote.choice}`}>
                      {t(`voteChoices.${vote.choice}`)}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollFrame>
      )}
    </article>
  );
}

function formatBytes(bytes: number, locale: string): string {
  if (bytes >= 1024 * 1024) {
    return `${formatNumber(bytes / (1024 * 1024), locale, { maximumFractionDigits: 1 })} MB`;
  }
  return `${formatNumber(Math.max(1, Math.round(bytes / 1024)), locale)} KB`;
}

/** Documents as a list of downloads; photos as thumbnails with caption and credit. */
export function FilesView({ files }: { files: readonly FileInfo[] }) {
  const { t } = useTranslation('governance');
  const locale = useLocale();
  const documents = files.filter((f) => f.kind === 'document');
  const photos = files.filter((f) => f.kind === 'photo');
  if (files.length === 0) return <p className="muted">{t('files.none')}</p>;
  return (
    <>
      {documents.length > 0 && (
        <section aria-labelledby="files-documents">
          <h3 id="files-documents">{t('files.documents')}</h3>
          <ul className="gov-documents" data-testid="documents">
            {documents.map((file) => {
              const caption = pickText(file.caption, locale);
              return (
                <li key={file.id}>
                  <a href={file.url}>{caption.text || file.filename}</a>{' '}
                  <span className="muted">
                    {file.filename} · {formatBytes(file.bytes, locale)}
                  </span>
                </li>
              );
            })}
          </ul>
        </section>
      )}
      {photos.length > 0 && (
        <section aria-labelledby="files-photos">
          <h3 id="files-photos">{t('files.photos')}</h3>
          <ul className="gov-photos" data-testid="photos">
            {photos.map((file) => {
              const caption = pickText(file.caption, locale);
              return (
                <li key={file.id}>
                  <figure className="gov-photo">
                    <a href={file.url}>
                      <img
                        src={file.thumbUrl ?? file.url}
                        alt={caption.text || file.filename}
                        loading="lazy"
                        width={file.width ?? undefined}
                        height={file.height ?? undefined}
                      />
                    </a>
                    <figcaption>
                      {caption.text && (
                        <span lang={caption.lang === locale ? undefined : caption.lang}>
                          {caption.text}
                        </span>
                      )}
                      {file.credit && (
                        <span className="gov-photo__credit">
                          {t('files.credit', { credit: file.credit })}
                        </span>
                      )}
                    </figcaption>
                  </figure>
                </li>
              );
            })}
          </ul>
        </section>
      )}
    </>
  );
}
