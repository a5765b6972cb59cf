import { useCallback, useEffect, useMemo, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, query } from '../api';
import type { GovernmentSummary, PageOf } from '../types';
import { MEMBERSHIP_CATEGORIES, type MembershipCategory } from '../../core/membership';
import { CategoryBadge } from '../components/CategoryBadge';
import { EmptyState, ErrorMessage, Loading } from '../components/DataState';
import { GovernmentName } from '../components/GovernmentName';
import { Pagination } from '../components/Pagination';
import { countryName, formatNumber } from '../components/format';
import { useLocale } from '../components/locale';
import { usePageTitle } from '../components/page-title';
import { useAllGovernments, useRegions } from '../components/network-queries';
import { ScrollFrame } from '../components/ScrollFrame';

export const PAGE_SIZE = 20;
const SEARCH_DELAY_MS = 250;

/** `relevance` (the API's order of a search without a sort) is offered while searching. */
const SORTS = [
  'relevance',
  'name',
  '-name',
  'population',
  '-population',
  'country',
  '-country',
] as const;
type Sort = (typeof SORTS)[number];
type SortField = 'name' | 'population' | 'country';

function isSort(value: string | null): value is Sort {
  return value !== null && (SORTS as readonly string[]).includes(value);
}
function isCategory(value: string | null): value is MembershipCategory {
  return value !== null && (MEMBERSHIP_CATEGORIES as readonly string[]).includes(value);
}

type DirectoryParam = 'q' | 'region' | 'country' | 'category' | 'sort' | 'page';

/** The directory's state, all of it in the URL so that links, reloads and Back work. */
function useDirectoryParams() {
  const [params, setParams] = useSearchParams();
  const pageNumber = Number(params.get('page'));
  const state = {
    q: params.get('q') ?? '',
    region: params.get('region') ?? '',
    country: params.get('country') ?? '',
    category: isCategory(params.get('category')) ? (params.get('category') as string) : '',
    sort: isSort(params.get('sort'))
      ? (params.get('sort') as Sort)
      : params.get('q')
        ? 'relevance'
        : 'name',
    page: Number.isInteger(pageNumber) && pageNumber > 1 ? pageNumber : 1,
  };
  /** Changes some parameters; any change other than the page goes back to page 1. */
  const update = useCallback(
    (changes: Partial<Record<DirectoryParam, string | number>>, replace = false) => {
      const next = new URLSearchParams(params);
      for (const [key, value] of Object.entries(changes)) {
        const text = String(value ?? '');
        // A search is ranked by relevance and a list sorted by name unless the URL says otherwise.
        const defaultSort = next.get('q') || changes.q ? 'relevance' : 'name';
        const isDefault =
          text === '' ||
          (key === 'sort' && text === defaultSort) ||
          (key === 'page' && text === '1');
        if (isDefault) next.delete(key);
        else next.set(key, text);
      }
      if (!('page' in changes)) next.delete('page');
      setParams(next, { replace });
    },
    [params, setParams],
  );
  return { state, update };
}

function SearchBox({ value, onSearch }: { value: string; onSearch(q: string): void }) {
  const { t } = useTranslation('members');
  const [input, setInput] = useState(value);
  const [seen, setSeen] = useState(value);
  // When the URL changes from outside (Back, a link), show its query in the box.
  if (value !== seen) {
    setSeen(value);
    if (value !== input.trim()) setInput(value);
  }
  useEffect(() => {
    if (input.trim() === value) return;
    const timer = setTimeout(() => onSearch(input.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [input, value, onSearch]);
  return (
    <div className="field search-field">
      <label className="field__label" htmlFor="member-search">
        {t('search.label')}
      </label>
      <input
        id="member-search"
        type="search"
        value={input}
        onChange={(event) => setInput(event.target.value)}
        placeholder={t('search.placeholder')}
        autoComplete="off"
        spellCheck={false}
        data-testid="member-search"
        aria-describedby="member-search-hint"
      />
      <p id="member-search-hint" className="field__hint">
        {t('search.hint')}
      </p>
    </div>
  );
}

function SortHeader({
  field,
  sort,
  onSort,
  children,
  className,
}: {
  field: SortField;
  sort: Sort;
  onSort(sort: Sort): void;
  children: string;
  className?: string;
}) {
  const { t } = useTranslation('members');
  const active = sort === field || sort === `-${field}`;
  const descending = sort === `-${field}`;
  const next: Sort = active && !descending ? (`-${field}` as Sort) : field;
  return (
    <th
      scope="col"
      className={className}
      aria-sort={active ? (descending ? 'descending' : 'ascending') : undefined}
    >
      <button
        type="button"
        className="sort-button"
        onClick={() => onSort(next)}
        title={t(next.startsWith('-') ? 'sort.descendingBy' : 'sort.ascendingBy', {
          field: children,
        })}
      >
        {children}
        <span className="sort-button__arrow" aria-hidden="true">
          {active ? (descending ? '▼' : '▲') : '↕'}
        </span>
      </button>
    </th>
  );
}

/** The public directory of governments: search, filters, sorting and pages. */
export function MembersDirectory() {
  const { t } = useTranslation(['members', 'common']);
  const locale = useLocale();
  usePageTitle(t('directory.title'));
  const { state, update } = useDirectoryParams();
  const regions = useRegions();
  const inRegion = useAllGovernments(state.region || null);

  const results = useQuery({
    queryKey: ['governments', 'page', state, locale],
    queryFn: () =>
      api.get<PageOf<GovernmentSummary>>(
        `/api/v1/governments${query({
          q: state.q,
          region: state.region,
          country: state.country,
          category: state.category,
          sort: state.sort === 'relevance' ? undefined : state.sort,
          lang: locale,
          page: state.page,
          pageSize: PAGE_SIZE,
        })}`,
      ),
    placeholderData: keepPreviousData,
  });

  const countries = useMemo(() => {
    const codes = new Set((inRegion.data ?? []).map((g) => g.country));
    if (state.country) codes.add(state.country);
    return [...codes]
      .map((code) => ({ code, name: countryName(code, locale) }))
      .sort((a, b) => a.name.localeCompare(b.name, locale));
  }, [inRegion.data, state.country, locale]);

  // The first search adds a history entry; refining it replaces that entry, not one per pause.
  const searching = state.q !== '';
  const onSearch = useCallback((q: string) => update({ q }, searching), [update, searching]);

  const filtersActive = !!(state.q || state.region || state.country || state.category);
  const sortLabels: Record<Sort, string> = {
    relevance: t('sort.relevance'),
    name: t('sort.nameAsc'),
    '-name': t('sort.nameDesc'),
    population: t('sort.populationAsc'),
    '-population': t('sort.populationDesc'),
    country: t('sort.countryAsc'),
    '-country': t('sort.countryDesc'),
  };

  return (
    <div className="directory">
      <header className="page-header">
        <h1>{t('directory.title')}</h1>
        <p className="page-header__lead">{t('directory.lead')}</p>
      </header>

      <search className="filters" aria-label={t('filters.label')}>
        <SearchBox value={state.q} onSearch={onSearch} />
        <div className="filters__row">
          <label className="field">
            <span className="field__label">{t('filters.region')}</span>
            <select
              value={state.region}
              onChange={(e) => update({ region: e.target.value, country: '' })}
              data-testid="filter-region"
            >
              <option value="">{t('filters.allRegions')}</option>
              {(regions.data?.items ?? []).map((r) => (
                <option key={r.slug} value={r.slug}>
                  {t(`common:regions.${r.slug}`, { defaultValue: r.name })}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field__label">{t('filters.country')}</span>
            <select
              value={state.country}
              onChange={(e) => update({ country: e.target.value })}
              data-testid="filter-country"
            >
              <option value="">{t('filters.allCountries')}</option>
              {countries.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field__label">{t('filters.category')}</span>
            <select
              value={state.category}
              onChange={(e) => update({ category: e.target.value })}
              data-testid="filter-category"
            >
              <option value="">{t('filters.allCategories')}</option>
              {MEMBERSHIP_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {t(`common:categories.${c}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field__label">{t('sort.label')}</span>
            <select
              value={state.sort}
              onChange={(e) => update({ sort: e.target.value })}
              data-testid="sort"
            >
              {SORTS.filter((s) => s !== 'relevance' || state.q !== '').map((s) => (
                <option key={s} value={s}>
                  {sortLabels[s]}
                </option>
              ))}
            </select>
          </label>
        </div>
        {filtersActive && (
          <p>
            <button
              type="button"
              className="button button--link"
              onClick={() => update({ q: '', region: '', country: '', category: '' })}
              data-testid="clear-filters"
            >
              {t('filters.clear')}
            </button>
          </p>
        )}
      </search>

      <section aria-labelledby="results-title" aria-busy={results.isFetching}>
        <h2 id="results-title" className="results-count" aria-live="polite">
          {results.data
            ? t('directory.results', { total: formatNumber(results.data.total, locale) })
            : t('common:loading')}
        </h2>
        {results.isPending ? (
          <Loading />
        ) : results.isError ? (
          <ErrorMessage error={results.error} />
        ) : results.data.items.length === 0 ? (
          <>
            <EmptyState title={t('directory.emptyTitle')}>
              <p>{filtersActive ? t('directory.emptyFiltered') : t('directory.emptyAll')}</p>
            </EmptyState>
            {/* A bookmarked page past the end: offer the way back to the pages that exist. */}
            {results.data.total > 0 && (
              <Pagination
                page={state.page}
                pageSize={PAGE_SIZE}
                total={results.data.total}
                onPage={(page) =>
                  update({ page: Math.min(page, Math.ceil(results.data.total / PAGE_SIZE)) })
                }
              />
            )}
          </>
        ) : (
          <>
            <ScrollFrame label={t('directory.caption')}>
              <table className="data-table members-table">
                <caption className="visually-hidden">{t('directory.caption')}</caption>
                <thead>
                  <tr>
                    <SortHeader field="name" sort={state.sort} onSort={(s) => update({ sort: s })}>
                      {t('columns.name')}
                    </SortHeader>
                    <SortHeader
                      field="country"
                      sort={state.sort}
                      onSort={(s) => update({ sort: s })}
                    >
                      {t('columns.country')}
                    </SortHeader>
                    <th scope="col">{t('columns.kind')}</th>
                    <th scope="col">{t('columns.category')}</th>
                    <SortHeader
                      field="population"
                      sort={state.sort}
                      onSort={(s) => update({ sort: s })}
                      className="numeric"
                    >
                      {t('columns.population')}
                    </SortHeader>
                  </tr>
                </thead>
                <tbody>
                  {results.data.items.map((g) => (
                    <tr key={g.id} data-testid="member-row">
                      <th scope="row" data-label={t('columns.name')}>
                        <Link to={`/members/${g.slug}`} className="members-table__link">
                          <GovernmentName names={g.names} localLang={g.localLang} />
                        </Link>
                      </th>
                      <td data-label={t('columns.country')}>{countryName(g.country, locale)}</td>
                      <td data-label={t('columns.kind')}>{t(`common:kinds.${g.kind}`)}</td>
                      <td data-label={t('columns.category')}>
                        <CategoryBadge category={g.membership.category} />
                      </td>
                      <td data-label={t('columns.population')} className="numeric">
                        {g.population === null ? (
                          <span className="muted">{t('common:notRecorded')}</span>
                        ) : (
                          formatNumber(g.population, locale)
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollFrame>
            <Pagination
              page={results.data.page}
              pageSize={results.data.pageSize}
              total={results.data.total}
              onPage={(page) => update({ page })}
            />
          </>
        )}
      </section>
    </div>
  );
}
