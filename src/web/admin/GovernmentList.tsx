import { useState, type FormEvent } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { displayName } from '../../core/names';
import { api, query } from '../api';
import { countryName, formatNumber } from '../components/format';
import { EmptyState, ErrorMessage, Loading } from '../components/DataState';
import { Pagination } from '../components/Pagination';
import type { GovernmentSummary, PageOf } from '../types';
import { usePageTitle } from '../components/page-title';
import { useLocale } from '../components/locale';
import { ScrollFrame } from '../components/ScrollFrame';

const PAGE_SIZE = 25;

/** The secretariat's list of governments: search by any name, open one to edit it. */
export function GovernmentList() {
  const { t } = useTranslation('admin');
  const locale = useLocale();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [draft, setDraft] = useState(q);
  usePageTitle(t('governments.title'));

  const governments = useQuery({
    queryKey: ['governments', { q, page, pageSize: PAGE_SIZE, lang: locale }],
    queryFn: () =>
      api.get<PageOf<GovernmentSummary>>(
        `/api/v1/governments${query({ q, page, pageSize: PAGE_SIZE, sort: 'name', lang: locale })}`,
      ),
    placeholderData: keepPreviousData,
  });

  function onSearch(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setParams(draft.trim() ? { q: draft.trim() } : {});
  }

  return (
    <section aria-labelledby="admin-governments-title">
      <div className="admin-heading">
        <h1 id="admin-governments-title">{t('governments.title')}</h1>
        <Link className="button" to="/admin/governments/new" data-testid="gov-new">
          {t('governments.new')}
        </Link>
      </div>
      <ul className="admin-links">
        <li>
          <a
            href={`/api/v1/exports/members.csv${query({ lang: locale })}`}
            data-testid="members-csv"
          >
            {t('membership:list.exportMembersCsv')}
          </a>
        </li>
        <li>
          <a href={`/api/v1/exports/members.xlsx${query({ lang: locale })}`}>
            {t('membership:list.exportMembersXlsx')}
          </a>
        </li>
      </ul>
      <form role="search" className="admin-search" onSubmit={onSearch}>
        <label htmlFor="gov-search">{t('governments.search')}</label>
        <input
          id="gov-search"
          type="search"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          data-testid="gov-search"
        />
        <button type="submit" className="button button--secondary">
          {t('common:search')}
        </button>
      </form>
      {governments.isPending ? (
        <Loading />
      ) : governments.isError ? (
        <ErrorMessage error={governments.error} />
      ) : governments.data.items.length === 0 ? (
        <EmptyState title={t('governments.none')} />
      ) : (
        <>
          <ScrollFrame className="admin-table-wrap" label={t('governments.listLabel')}>
            <table className="admin-table">
              <caption className="visually-hidden">{t('governments.listLabel')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('fields.name')}</th>
                  <th scope="col">{t('fields.country')}</th>
                  <th scope="col">{t('fields.kind')}</th>
                  <th scope="col">{t('fields.membershipCategory')}</th>
                  <th scope="col">{t('fields.membershipStatus')}</th>
                  <th scope="col" className="admin-num">
                    {t('fields.population')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {governments.data.items.map((government) => {
                  const name = displayName(government.names, government.localLang, locale);
                  return (
                    <tr key={government.id} data-testid="gov-row">
                      <th scope="row">
                        <Link to={`/admin/governments/${government.slug}`}>{name.primary}</Link>
                        {name.secondary && (
                          <span className="admin-secondary" lang="en">
                            {' '}
                            {name.secondary}
                          </span>
                        )}
                        {government.isDemo && (
                          <span className="admin-badge admin-badge--demo">{t('demo')}</span>
                        )}
                      </th>
                      <td>{countryName(government.country, locale)}</td>
                      <td>{t(`kinds.${government.kind}`)}</td>
                      <td>{t(`categories.${government.membership.category}`)}</td>
                      <td>{t(`statuses.${government.membership.status}`)}</td>
                      <td className="admin-num">
                        {government.population === null
                          ? '—'
                          : formatNumber(government.population, locale)}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </ScrollFrame>
          <Pagination
            page={governments.data.page}
            pageSize={governments.data.pageSize}
            total={governments.data.total}
            onPage={(next) => setParams(q ? { q, page: String(next) } : { page: String(next) })}
          />
        </>
      )}
    </section>
  );
}
