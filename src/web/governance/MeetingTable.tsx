import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../components/locale';
import { LangText, MeetingTimes, StatusBadge } from './parts';
import { pickText } from './text';
import type { MeetingSummary } from './types';
import { ScrollFrame } from '../components/ScrollFrame';

/**
 * Meetings as a table: title, body, when (on the meeting's clock and the viewer's), format,
 * venue and status. Public pages link to the meeting; the admin list to its management page.
 */
export function MeetingTable({
  meetings,
  linkTo,
  showBody = true,
  caption,
}: {
  meetings: readonly MeetingSummary[];
  linkTo(meeting: MeetingSummary): string;
  showBody?: boolean;
  caption: string;
}) {
  const { t } = useTranslation('governance');
  const locale = useLocale();
  return (
    <ScrollFrame label={caption}>
      <table className="data-table gov-meetings-table" data-testid="meetings-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('meetings.columns.title')}</th>
            {showBody && <th scope="col">{t('meetings.columns.body')}</th>}
            <th scope="col">{t('meetings.columns.when')}</th>
            <th scope="col">{t('meetings.columns.format')}</th>
            <th scope="col">{t('meetings.columns.venue')}</th>
            <th scope="col">{t('meetings.columns.status')}</th>
          </tr>
        </thead>
        <tbody>
          {meetings.map((meeting) => {
            const title = pickText(meeting.title, locale);
            return (
              <tr key={meeting.id} data-testid={`meeting-row-${meeting.id}`}>
                <th scope="row">
                  <Link to={linkTo(meeting)} lang={title.lang === locale ? undefined : title.lang}>
                    {title.text}
                  </Link>
                  {meeting.isDemo && <span className="tag">{t('bodies.demo')}</span>}
                </th>
                {showBody && (
                  <td>{meeting.body ? <LangText texts={meeting.body.names} /> : '—'}</td>
                )}
                <td>
                  <MeetingTimes meeting={meeting} compact />
                </td>
                <td>{t(`formats.${meeting.format}`)}</td>
                <td>{meeting.venue ?? '—'}</td>
                <td>
                  <StatusBadge status={meeting.status} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollFrame>
  );
}
