/**
 * /admin/applications — the secretariat's queue: how many applications stand at each step
 * (each count filters the list), a search by name and country, newest moves first.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { APPLICATION_STEPS } from '../../core/applications';
import { countryName, formatDate, formatNumber } from '../components/format';
import { EmptyState, ErrorMessage, Loading } from '../components/DataState';
import { useLocale } from '../components/locale';
import { Pagination } from '../components/Pagination';
import { usePageTitle } from '../components/page-title';
import './applications.css';
import { ResolutionLine } from './parts';
import { useApplicationQueue } from './queries';
import { ScrollFrame } from '../components/ScrollFrame';

export default function AdminQueuePage() {
  const { t } = useTranslation('applications');
  const locale = useLocale();
  const [params, setParams] = useSearchParams();
  const step = params.get('step') ?? undefined;
  const q = params.get('q') ?? undefined;
  const country = params.get('country') ?? undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [draft, setDraft] = useState({ q: q ?? '', country: country ?? '' });
  const queue = useApplicationQueue({ step, q, country, page });
  usePageTitle(t('queue.title'));

  const filterTo = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    // A new filter starts from the first page.
    if (!('page' in changes)) next.delete('page');
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next);
  };
  function onSearch(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    filterTo({ q: draft.q.trim(), country: draft.country.trim().toUpperCase() });
  }
  const counts = new Map(queue.data?.counts.map((c) => [c.step, c.count]));

  return (
    <section aria-labelledby="queue-title">
      <div className="admin-heading">
        <h1 id="queue-title">{t('queue.title')}</h1>
      </div>
      <nav aria-label={t('queue.byStep')}>
        <ul className="apply-counts" data-testid="queue-counts">
          <li>
            <button
              type="button"
              className="button button--small button--secondary"
              aria-pressed={step === undefined}
              onClick={() => filterTo({ step: undefined })}
            >
              {t('queue.all')}
            </button>
          </li>
          {APPLICATION_STEPS.map((s) => (
            <li key={s}>
              <button
                type="button"
                className="button button--small button--secondary"
                aria-pressed={step === s}
                onClick={() => filterTo({ step: s })}
                data-testid={`queue-count-${s}`}
              >
                {t(`stepNames.${s}`)}{' '}
                <span className="badge">{formatNumber(counts.get(s) ?? 0, locale)}</span>
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <form role="search" className="admin-search" onSubmit={onSearch}>
        <label htmlFor="queue-q">{t('queue.search')}</label>
        <input
          id="queue-q"
          type="search"
          value={draft.q}
          onChange={(e) => setDraft({ ...draft, q: e.target.value })}
          data-testid="queue-q"
        />
        <label htmlFor="queue-country">{t('fields.country')}</label>
        <input
          id="queue-country"
          type="text"
          className="apply-country-filter"
          maxLength={2}
          value={draft.country}
          onChange={(e) => setDraft({ ...draft, country: e.target.value })}
          placeholder="JP"
        />
        <button type="submit" className="button button--secondary">
          {t('common:search')}
        </button>
      </form>
      {queue.isPending ? (
        <Loading />
      ) : queue.isError ? (
        <ErrorMessage error={queue.error} />
      ) : queue.data.items.length === 0 ? (
        <EmptyState title={t('queue.none')} />
      ) : (
        <ScrollFrame className="admin-table-wrap" label={t('queue.listLabel')}>
          <table className="admin-table" data-testid="queue-table">
            <caption className="visually-hidden">{t('queue.listLabel')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('queue.government')}</th>
                <th scope="col">{t('fields.country')}</th>
                <th scope="col">{t('fields.category')}</th>
                <th scope="col">{t('queue.step')}</th>
                <th scope="col">{t('queue.submitted')}</th>
                <th scope="col">{t('fields.resolution')}</th>
              </tr>
            </thead>
            <tbody>
              {queue.data.items.map((a) => (
                <tr key={a.id} data-testid="queue-row">
                  <th scope="row">
                    <Link to={`/admin/applications/${a.id}`}>
                      <span lang={a.officialNameLang}>{a.officialName}</span>
                    </Link>{' '}
                    {a.englishName !== a.officialName && (
                      <span className="admin-secondary">{a.englishName}</span>
                    )}
                  </th>
                  <td>{countryName(a.country, locale)}</td>
                  <td>{t(`common:categories.${a.category}`)}</td>
                  <td>{t(`stepNames.${a.step}`)}</td>
                  <td>{formatDate(a.submittedAt, locale)}</td>
                  <td>
                    <ResolutionLine standing={a.resolution} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pagination
            page={queue.data.page}
            pageSize={queue.data.pageSize}
            total={queue.data.total}
            onPage={(p) => filterTo({ page: p > 1 ? String(p) : undefined })}
          />
        </ScrollFrame>
      )}
    </section>
  );
}
