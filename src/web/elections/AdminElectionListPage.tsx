/** /admin/elections — every election with its phase, to open for editing, or to call a new one. */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber } from '../components/format';
import { useLocale } from '../components/locale';
import { usePageTitle } from '../components/page-title';
import { EmptyState, ErrorMessage, Loading } from '../components/DataState';
import { PhaseBadge, PickedText, WindowRange, ZoneNote } from './parts';
import { useElections } from './queries';
import { ScrollFrame } from '../components/ScrollFrame';
import './elections.css';

export default function AdminElectionListPage() {
  const { t } = useTranslation('elections');
  const locale = useLocale();
  usePageTitle(t('admin.title'));
  const elections = useElections();

  return (
    <section aria-labelledby="admin-elections-title">
      <div className="admin-heading">
        <h1 id="admin-elections-title">{t('admin.title')}</h1>
        <Link className="button" to="/admin/elections/new" data-testid="election-new">
          {t('admin.new')}
        </Link>
      </div>
      {elections.isPending ? (
        <Loading />
      ) : elections.isError ? (
        <ErrorMessage error={elections.error} />
      ) : elections.data.items.length === 0 ? (
        <EmptyState title={t('list.empty')} />
      ) : (
        <>
          <ZoneNote />
          <ScrollFrame className="admin-table-wrap" label={t('admin.title')}>
            <table className="admin-table">
              <caption className="visually-hidden">{t('admin.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('fields.title')}</th>
                  <th scope="col">{t('fields.body')}</th>
                  <th scope="col" className="admin-num">
                    {t('fields.seats')}
                  </th>
                  <th scope="col">{t('fields.phase')}</th>
                  <th scope="col">{t('fields.voting')}</th>
                  <th scope="col">{t('admin.filled')}</th>
                </tr>
              </thead>
              <tbody>
                {elections.data.items.map((election) => (
                  <tr key={election.id} data-testid="admin-election-row">
                    <th scope="row">
                      <Link to={`/admin/elections/${election.id}`}>
                        <PickedText texts={election.title} fallback={election.termLabel} />
                      </Link>{' '}
                      <span className="admin-secondary">{election.termLabel}</span>
                    </th>
                    <td>
                      <PickedText texts={election.body.names} fallback={election.body.slug} />
                    </td>
                    <td className="admin-num">{formatNumber(election.seats, locale)}</td>
                    <td>
                      <PhaseBadge phase={election.phase} />
                    </td>
                    <td>
                      <WindowRange from={election.votingOpen} to={election.votingClose} />
                    </td>
                    <td>
                      {election.filledTerm ? (
                        <Link to={`/bodies/${encodeURIComponent(election.body.slug)}`}>
                          {election.filledTerm.label}
                        </Link>
                      ) : (
                        t('admin.notFilled')
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollFrame>
        </>
      )}
    </section>
  );
}
