/** /admin/meetings — the secretariat's list of meetings, each leading to its management page. */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../components/page-title';
import { MeetingBrowser } from './MeetingBrowser';
import './governance.css';

export default function AdminMeetingsPage() {
  const { t } = useTranslation('governance');
  usePageTitle(t('adminMeetings.title'));
  return (
    <section className="gov-admin" aria-labelledby="admin-meetings-title">
      <div className="admin-heading">
        <h1 id="admin-meetings-title">{t('adminMeetings.title')}</h1>
        <Link className="button" to="/admin/meetings/new" data-testid="new-meeting">
          {t('adminMeetings.new')}
        </Link>
      </div>
      <p className="admin-lead">{t('adminMeetings.lead')}</p>
      <MeetingBrowser linkTo={(m) => `/admin/meetings/${m.id}`} />
    </section>
  );
}
