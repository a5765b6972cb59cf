/**
 * /bodies/:slug/seats/:id — a seat's history: each change within its term (who held it, in
 * what position, when, recorded by whom) and the same government's seats in other terms.
 */
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useLocale } from '../components/locale';
import { usePageTitle } from '../components/page-title';
import { ErrorMessage, Loading } from '../components/DataState';
import { GovernmentName, governmentNameText } from '../components/GovernmentName';
import { ActorName } from '../components/ActorName';
import { personName, TermDates } from './parts';
import { useBody, useSeatHistory } from './queries';
import { PositionLabel, SeatCard } from './seats';
import { pickText } from './text';
import { formatInZone, viewerTimeZone } from './zoned-time';
import { ScrollFrame } from '../components/ScrollFrame';
import './governance.css';

export default function SeatHistoryPage() {
  const { slug = '', id } = useParams();
  const { t } = useTranslation('governance');
  const locale = useLocale();
  const history = useSeatHistory(Number(id));
  const body = useBody(slug);
  const bodyName = body.data ? pickText(body.data.names, locale).text : slug;
  const government = history.data?.seat.government;
  usePageTitle(
    government
      ? `${governmentNameText(government.names, government.localLang, locale)} · ${bodyName}`
      : bodyName,
  );
  if (history.isPending) return <Loading />;
  if (history.isError) return <ErrorMessage error={history.error} />;
  const { seat, term, events, terms } = history.data;
  const zone = viewerTimeZone();
  return (
    <div className="gov-page">
      <p className="breadcrumbs">
        <Link to="/bodies">{t('bodies.title')}</Link> ›{' '}
        <Link to={`/bodies/${slug}`}>{bodyName}</Link>
      </p>
      <header className="page-header">
        <h1>
          {t('seatHistory.title')}:{' '}
          <GovernmentName names={seat.government.names} localLang={seat.government.localLang} />
        </h1>
        <p className="page-header__lead">
          {t('bodyPage.termLabel', { label: term.label })} · <TermDates term={term} />
        </p>
      </header>
      <ul className="gov-seats gov-seats--single">
        <SeatCard seat={seat} bodySlug={slug} />
      </ul>

      <section className="panel" aria-labelledby="seat-changes">
        <h2 id="seat-changes">{t('seatHistory.changes')}</h2>
        {events.length === 0 ? (
          <p className="muted">{t('seatHistory.noChanges')}</p>
        ) : (
          <ScrollFrame labelledBy="seat-changes">
            <table className="data-table" data-testid="seat-events">
              <thead>
                <tr>
                  <th scope="col">{t('seatHistory.when')}</th>
                  <th scope="col">{t('seatHistory.what')}</th>
                  <th scope="col">{t('seatHistory.who')}</th>
                  <th scope="col">{t('seatHistory.position')}</th>
                  <th scope="col">{t('seatHistory.portfolio')}</th>
                  <th scope="col">{t('seatHistory.by')}</th>
                </tr>
              </thead>
              <tbody>
                {events.map((event, index) => (
                  <tr key={`${event.at}-${index}`}>
                    <th scope="row">
                      <time dateTime={event.at}>{formatInZone(event.at, zone, locale)}</time>
                    </th>
                    <td>{t(`seatEvents.${event.kind}`)}</td>
                    <td>{event.person ? personName(event.person, locale) : t('seats.vacant')}</td>
                    <td>{event.position ? t(`positions.${event.position}`) : '—'}</td>
                    <td>{event.portfolio ?? '—'}</td>
                    <td>
                      <ActorName actor={event.actor} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollFrame>
        )}
      </section>

      <section className="panel" aria-labelledby="seat-terms">
        <h2 id="seat-terms">{t('seatHistory.otherTerms')}</h2>
        {terms.length === 0 ? (
          <p className="muted">{t('seatHistory.noOtherTerms')}</p>
        ) : (
          <ScrollFrame labelledBy="seat-terms">
            <table className="data-table" data-testid="seat-terms">
              <thead>
                <tr>
                  <th scope="col">{t('seatHistory.term')}</th>
                  <th scope="col">{t('seatHistory.who')}</th>
                  <th scope="col">{t('seatHistory.position')}</th>
                  <th scope="col">{t('seatHistory.portfolio')}</th>
                </tr>
              </thead>
              <tbody>
                {terms.map(({ term: other, seat: held }) => (
                  <tr key={held.id} aria-current={held.id === seat.id ? 'true' : undefined}>
                    <th scope="row">
                      {held.id === seat.id ? (
                        <>
                          {other.label} <span className="tag">{t('seatHistory.thisSeat')}</span>
                        </>
                      ) : (
                        <Link to={`/bodies/${slug}/seats/${held.id}`}>{other.label}</Link>
                      )}
                      <br />
                      <span className="muted">
                        <TermDates term={other} />
                      </span>
                    </th>
                    <td>{held.person ? personName(held.person, locale) : t('seats.vacant')}</td>
                    <td>
                      <PositionLabel seat={held} />
                    </td>
                    <td>{held.portfolio ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollFrame>
        )}
      </section>
    </div>
  );
}
