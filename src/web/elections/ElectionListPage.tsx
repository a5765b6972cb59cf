/**
 * /elections — every election with its body, seats and phase, and its two windows as dates
 * and times in the viewer's own zone.
 */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber } from '../components/format';
import { useLocale } from '../components/locale';
import { usePageTitle } from '../components/page-title';
import { EmptyState, ErrorMessage, Loading } from '../components/DataState';
import { nextMilestone } from './phase';
import { Instant, PhaseBadge, PickedText, WindowRange, ZoneNote } from './parts';
import { useElections } from './queries';
import { ScrollFrame } from '../components/ScrollFrame';
import './elections.css';

export default function ElectionListPage() {
  const { t } = useTranslation('elections');
  const locale = useLocale();
  usePageTitle(t('list.title'));
  const elections = useElections();

  return (
    <section className="elections" aria-labelledby="elections-title">
      <header className="page-header">
        <h1 id="elections-title">{t('list.title')}</h1>
        <p className="page-header__lead">{t('list.lead')}</p>
      </header>
      {elections.isPending ? (
        <Loading />
      ) : elections.isError ? (
        <ErrorMessage error={elections.error} />
      ) : elections.data.items.length === 0 ? (
        <EmptyState title={t('list.empty')} />
      ) : (
        <>
          <ZoneNote />
          <ScrollFrame label={t('list.title')}>
            <table className="data-table election-table" data-testid="elections-table">
              <caption className="visually-hidden">{t('list.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('fields.title')}</th>
                  <th scope="col">{t('fields.body')}</th>
                  <th scope="col" className="numeric">
                    {t('fields.seats')}
                  </th>
                  <th scope="col">{t('fields.phase')}</th>
                  <th scope="col">{t('fields.nominations')}</th>
                  <th scope="col">{t('fields.voting')}</th>
                </tr>
              </thead>
              <tbody>
                {elections.data.items.map((election) => {
                  const milestone = nextMilestone(election.phase, election);
                  return (
                    <tr key={election.id} data-testid="election-row">
                      <th scope="row">
                        <Link to={`/elections/${election.id}`}>
                          <PickedText texts={election.title} fallback={election.termLabel} />
                        </Link>
                        <span className="election-term"> {election.termLabel}</span>
                      </th>
                      <td>
                        <PickedText texts={election.body.names} fallback={election.body.slug} />
                      </td>
                      <td className="numeric">{formatNumber(election.seats, locale)}</td>
                      <td>
                        <PhaseBadge phase={election.phase} />
                        <span className="election-milestone">
                          {t(`milestones.${milestone.key}`)} <Instant iso={milestone.at} />
                        </span>
                      </td>
                      <td>
                        <WindowRange
                          from={election.nominationsOpen}
                          to={election.nominationsClose}
                        />
                      </td>
                      <td>
                        <WindowRange from={election.votingOpen} to={election.votingClose} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </ScrollFrame>
        </>
      )}
    </section>
  );
}
