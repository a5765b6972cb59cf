/**
 * /admin/meetings/:id — running a meeting: its status, invitations and replies, the
 * attendance register with the live quorum, motions and decisions, minutes, files, and the
 * news post made from it once closed.
 */
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { SavedMessage } from '../forms/form';
import { useLocale } from '../components/locale';
import { usePageTitle } from '../components/page-title';
import { ErrorMessage, Loading } from '../components/DataState';
import { AttendancePanel } from './manage-attendance';
import { MotionsPanel } from './manage-motions';
import { MinutesEditor, UploadsPanel } from './manage-records';
import { InvitationsPanel, NewsPanel, StatusActions } from './manage-status';
import { AgendaView } from './meeting-parts';
import { MANAGE_SECTIONS } from './meeting-status';
import { LangText, MeetingTimes, QuorumIndicator, StatusBadge } from './parts';
import { useMeeting } from './queries';
import { pickText } from './text';
import type { Meeting } from './types';
import './governance.css';

export default function ManageMeetingPage() {
  const { id } = useParams();
  const meeting = useMeeting(Number(id));
  if (meeting.isPending) return <Loading />;
  if (meeting.isError) return <ErrorMessage error={meeting.error} />;
  return <ManageMeeting meeting={meeting.data} />;
}

function ManageMeeting({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation('governance');
  const locale = useLocale();
  const location = useLocation();
  const title = pickText(meeting.title, locale);
  usePageTitle(title.text);
  const notice = (location.state as { notice?: string } | null)?.notice;

  return (
    <section className="gov-admin gov-manage" aria-labelledby="manage-title">
      <div className="admin-heading">
        <div>
          <p className="admin-breadcrumb">
            <Link to="/admin/meetings">{t('adminMeetings.title')}</Link>
          </p>
          <h1 id="manage-title" lang={title.lang === locale ? undefined : title.lang}>
            {title.text}
          </h1>
          <p>
            <StatusBadge status={meeting.status} />{' '}
            <span className="badge gov-format">{t(`formats.${meeting.format}`)}</span>
            {meeting.body && (
              <>
                {' '}
                <Link to={`/bodies/${meeting.body.slug}`}>
                  <LangText texts={meeting.body.names} />
                </Link>
              </>
            )}
          </p>
        </div>
        <p className="admin-links">
          {/* A closed or cancelled meeting's record is final: nothing left to edit. */}
          {meeting.status !== 'closed' && meeting.status !== 'cancelled' && (
            <Link to={`/admin/meetings/${meeting.id}/edit`} data-testid="edit-meeting">
              {t('manage.edit')}
            </Link>
          )}
          <Link to={`/meetings/${meeting.id}`}>{t('manage.publicPage')}</Link>
        </p>
      </div>
      {notice === 'meeting-saved' && (
        <SavedMessage testId="meeting-saved">{t('manage.saved')}</SavedMessage>
      )}
      <MeetingTimes meeting={meeting} />
      {meeting.venue && <p>{t('manage.venue', { venue: meeting.venue })}</p>}

      <nav className="jump-links" aria-label={t('manage.sections')}>
        <ul>
          {MANAGE_SECTIONS.map((s) => (
            <li key={s}>
              <a href={`#manage-${s}`}>{t(`manage.sectionNames.${s}`)}</a>
            </li>
          ))}
        </ul>
      </nav>

      <section className="panel" id="manage-status" aria-labelledby="manage-status-title">
        <h2 id="manage-status-title">{t('manage.sectionNames.status')}</h2>
        <StatusActions meeting={meeting} />
      </section>

      <section className="panel" id="manage-invitations" aria-labelledby="manage-invitations-title">
        <h2 id="manage-invitations-title">{t('manage.sectionNames.invitations')}</h2>
        <InvitationsPanel meeting={meeting} />
      </section>

      <section className="panel" id="manage-attendance" aria-labelledby="manage-attendance-title">
        <h2 id="manage-attendance-title">{t('manage.sectionNames.attendance')}</h2>
        {meeting.quorum && <QuorumIndicator quorum={meeting.quorum} />}
        <AttendancePanel meeting={meeting} />
      </section>

      <section className="panel" id="manage-motions" aria-labelledby="manage-motions-title">
        <h2 id="manage-motions-title">{t('manage.sectionNames.motions')}</h2>
        <MotionsPanel meeting={meeting} />
      </section>

      <section className="panel" id="manage-minutes" aria-labelledby="manage-minutes-title">
        <h2 id="manage-minutes-title">{t('manage.sectionNames.minutes')}</h2>
        <details className="gov-agenda-reference">
          <summary>{t('manage.agendaReference')}</summary>
          <AgendaView meeting={meeting} />
        </details>
        <MinutesEditor meeting={meeting} />
      </section>

      <section className="panel" id="manage-files" aria-labelledby="manage-files-title">
        <h2 id="manage-files-title">{t('manage.sectionNames.files')}</h2>
        <UploadsPanel meeting={meeting} />
      </section>

      <section className="panel" id="manage-news" aria-labelledby="manage-news-title">
        <h2 id="manage-news-title">{t('manage.sectionNames.news')}</h2>
        <NewsPanel meeting={meeting} />
      </section>
    </section>
  );
}
