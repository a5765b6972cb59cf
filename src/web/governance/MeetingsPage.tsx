/** /meetings — every meeting of the governing bodies, newest first, with filters. */
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session';
import { usePageTitle } from '../components/page-title';
import { MeetingBrowser } from './MeetingBrowser';
import { PersonalCalendar } from './PersonalCalendar';
import './governance.css';

export default function MeetingsPage() {
  const { t } = useTranslation('governance');
  const { user } = useSession();
  usePageTitle(t('meetings.title'));
  return (
    <div className="gov-page">
      <header className="page-header">
        <h1>{t('meetings.title')}</h1>
        <p className="page-header__lead">{t('meetings.lead')}</p>
      </header>
      <MeetingBrowser linkTo={(m) => `/meetings/${m.id}`} />
      {user && <PersonalCalendar />}
    </div>
  );
}
