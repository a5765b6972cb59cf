/**
 * /meetings/:id — a meeting as the public and its invitees see it: when and where, the
 * agenda with its running clock, who attended, the quorum, the decisions, the minutes, the
 * documents and photos. An invited government's officer answers the invitation here.
 */
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useLocale } from '../components/locale';
import { usePageTitle } from '../components/page-title';
import { ErrorMessage, Loading } from '../components/DataState';
import { AgendaView, FilesView, MotionView, RegisterView } from './meeting-parts';
import { LangText, MeetingTimes, QuorumIndicator, StatusBadge } from './parts';
import { useMeeting } from './queries';
import { ReplyForm } from './ReplyForm';
import { pickText } from './text';
import type { Meeting } from './types';
import '../components/admin.css';
import './governance.css';

export default function MeetingPage() {
  const { id } = useParams();
  const meeting = useMeeting(Number(id));
  if (meeting.isPending) return <Loading />;
  if (meeting.isError) return <ErrorMessage error={meeting.error} />;
  return <MeetingView meeting={meeting.data} />;
}

function MeetingView({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation('governance');
  const locale = useLocale();
  const title = pickText(meeting.title, locale);
  usePageTitle(title.text);
  const invitationId = meeting.viewer.invitationId;
  const invitation = meeting.invitations.find((i) => i.id === invitationId) ?? null;
  const decided = meeting.motions.filter((m) => m.status !== 'open');
  const news = meeting.newsPost;

  return (
    <div className="gov-page gov-meeting">
      <p className="breadcrumbs">
        <Link to="/meetings">{t('meetings.title')}</Link>
        {meeting.body && (
          <>
            {' › '}
            <Link to={`/bodies/${meeting.body.slug}`}>
              <LangText texts={meeting.body.names} />
            </Link>
          </>
        )}
      </p>
      <header className="page-header gov-meeting__header">
        <h1 lang={title.lang === locale ? undefined : title.lang} data-testid="meeting-title">
          {title.text}
        </h1>
        <p className="gov-meeting__badges">
          <StatusBadge status={meeting.status} />{' '}
          <span className="badge gov-format">{t(`formats.${meeting.format}`)}</span>
          {meeting.isDemo && <span className="tag">{t('bodies.demo')}</span>}
        </p>
        {meeting.viewer.canManage && (
          <p>
            <Link
              className="button button--secondary button--small"
              to={`/admin/meetings/${meeting.id}`}
            >
              {t('meetingPage.manage')}
            </Link>
          </p>
        )}
      </header>

      <section className="panel" aria-labelledby="meeting-when">
        <h2 id="meeting-when">{t('meetingPage.whenWhere')}</h2>
        <MeetingTimes meeting={meeting} />
        <dl className="facts">
          {meeting.venue && (
            <div className="facts__item">
              <dt>{t('meetingPage.venue')}</dt>
              <dd>{meeting.venue}</dd>
            </div>
          )}
          {meeting.joinUrl && (
            <div className="facts__item">
              <dt>{t('meetingPage.online')}</dt>
              <dd>
                <a
                  href={meeting.joinUrl}
                  rel="noopener noreferrer"
                  target="_blank"
                  data-testid="join-link"
                >
                  {t('meetingPage.join')}
                </a>
              </dd>
            </div>
          )}
          {!meeting.joinUrl && meeting.hasJoinUrl && (
            <div className="facts__item">
              <dt>{t('meetingPage.online')}</dt>
              <dd className="muted">{t('meetingPage.joinForInvitees')}</dd>
            </div>
          )}
        </dl>
        <p>
          <a href={`/api/v1/meetings/${meeting.id}.ics`} data-testid="ics-link">
            {t('meetingPage.addToCalendar')}
          </a>
        </p>
      </section>

      {invitationId !== null && (
        <section className="panel">
          <ReplyForm meetingId={meeting.id} invitationId={invitationId} invitation={invitation} />
        </section>
      )}

      <section className="panel" aria-labelledby="meeting-agenda">
        <h2 id="meeting-agenda">{t('meetingPage.agenda')}</h2>
        <AgendaView meeting={meeting} />
      </section>

      {(meeting.attendance.length > 0 || meeting.quorum) && (
        <section className="panel" aria-labelledby="meeting-attendance">
          <h2 id="meeting-attendance">{t('meetingPage.attendance')}</h2>
          {meeting.quorum && <QuorumIndicator quorum={meeting.quorum} />}
          <RegisterView attendance={meeting.attendance} />
        </section>
      )}

      {decided.length > 0 && (
        <section className="panel" aria-labelledby="meeting-decisions">
          <h2 id="meeting-decisions">{t('meetingPage.decisions')}</h2>
          {decided.map((motion) => (
            <MotionView key={motion.id} motion={motion} />
          ))}
        </section>
      )}

      {meeting.minutesHtml && (
        <section className="panel" aria-labelledby="meeting-minutes">
          <h2 id="meeting-minutes">{t('meetingPage.minutes')}</h2>
          {/* The server sanitises minutes to a small allow-list of tags (sanitizeRichText)
              before storing and returning them, so the HTML is safe to insert as it is. */}
          <div
            className="gov-minutes"
            data-testid="minutes"
            dangerouslySetInnerHTML={{ __html: meeting.minutesHtml }}
          />
        </section>
      )}

      {meeting.files.length > 0 && (
        <section className="panel" aria-labelledby="meeting-files">
          <h2 id="meeting-files">{t('meetingPage.files')}</h2>
          <FilesView files={meeting.files} />
        </section>
      )}

      {news && (news.status === 'published' || meeting.viewer.canManage) && (
        <p className="gov-news-link">
          <Link
            to={news.status === 'published' ? `/news/${news.slug}` : `/admin/news/${news.slug}`}
            data-testid="news-link"
          >
            {t('meetingPage.news')}
          </Link>
        </p>
      )}
    </div>
  );
}
