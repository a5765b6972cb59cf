/**
 * /climate — the network's climate commitments, for all regions (the default) or one: headline
 * figures for members and prospects, statuses, a map coloured by each government's headline
 * status, and a table, each downloadable as a file in the reader's language.
 * All choices (region, group, sort, page, year) live in the URL.
 *
 * The default is the whole network for everyone, a signed-in officer too: the address /climate
 * means the same page whoever opens or shares it, and the network's total is what this page is
 * for (an officer's own government has its own climate page). Regions without governments (the
 * world secretariat's "Global") are not offered: they would show 0 Mt and "0 of 0"; an address
 * naming one says that it has no governments and leads to all regions.
 */
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Link, useSearchParams } from 'react-router';
import { query } from '../api';
import { countryName, formatNumber } from '../components/format';
import { useLocale } from '../components/locale';
import { translated } from '../components/translated';
import { usePageTitle } from '../components/page-title';
import { EmptyState, ErrorMessage, Loading } from '../components/DataState';
import { GeoMap, type MapPoint } from '../components/GeoMap';
import { GovernmentName, governmentNameText } from '../components/GovernmentName';
import { Pagination } from '../components/Pagination';
import { useRegions } from '../components/network-queries';
import { ASSESSMENT_STATUSES, type AssessmentStatus } from '../../core/climate/types';
import { AsOfSelect, useAsOf } from './as-of';
import { STATUS_COLORS, INK_SOFT, LINE } from './colors';
import {
  countAxis,
  inGroup,
  isDashboardGroup,
  isDashboardSort,
  mapStatusOf,
  sortRows,
  statusCounts,
  type DashboardGroup,
  type DashboardSort,
  type DashboardSortField,
} from './dashboard';
import { EChart, type ChartOption } from '../components/EChart';
import { formatYear, useClimateFormat } from './format';
import { ShareBar, StatusBadge } from './parts';
import { useClimateSummary } from './queries';
import type { ClimateSummaryRow, GroupSummary } from './types';
import { ScrollFrame } from '../components/ScrollFrame';
import './climate.css';

/** All regions: the address without a region, as the summary API reads a missing region. */
const ALL_REGIONS = '';
const PAGE_SIZE = 20;
const MAP_STATUSES = [...ASSESSMENT_STATUSES, 'none'] as const;

function useDashboardParams() {
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page'));
  const state = {
    region: params.get('region') ?? ALL_REGIONS,
    group: isDashboardGroup(params.get('group')) ? (params.get('group') as DashboardGroup) : 'all',
    sort: isDashboardSort(params.get('sort')) ? (params.get('sort') as DashboardSort) : 'name',
    page: Number.isInteger(page) && page > 1 ? page : 1,
    asOf: useAsOf(params),
  };
  const update = useCallback(
    (
      changes: Partial<
        Record<'region' | 'group' | 'sort' | 'page' | 'asOf', string | number | null>
      >,
    ) => {
      const next = new URLSearchParams(params);
      for (const [key, value] of Object.entries(changes)) {
        const text = value === null || value === undefined ? '' : String(value);
        const isDefault =
          text === '' ||
          (key === 'region' && text === ALL_REGIONS) ||
          (key === 'group' && text === 'all') ||
          (key === 'sort' && text === 'name') ||
          (key === 'page' && text === '1');
        if (isDefault) next.delete(key);
        else next.set(key, text);
      }
      if (!('page' in changes)) next.delete('page');
      setParams(next, { replace: !('page' in changes) && !('region' in changes) });
    },
    [params, setParams],
  );
  return { state, update };
}

function Headline({ summary, kind }: { summary: GroupSummary; kind: 'members' | 'prospects' }) {
  const { t } = useTranslation('climate');
  const f = useClimateFormat();
  return (
    <section
      className="panel climate-headline"
      aria-labelledby={`headline-${kind}`}
      data-testid={`dashboard-${kind}`}
    >
      <h2 id={`headline-${kind}`}>{t(`dashboard.groups.${kind}`)}</h2>
      <dl className="key-numbers__list climate-key-numbers">
        <div className="key-numbers__item">
          <dt>{t('dashboard.baseCovered')}</dt>
          <dd>{f.megatonnes(summary.baseEmissionsCovered)}</dd>
        </div>
        <div className="key-numbers__item">
          <dt>{t('dashboard.reduction2030')}</dt>
          <dd>{f.megatonnes(summary.committedReduction2030)}</dd>
        </div>
        <div className="key-numbers__item">
          <dt>{t('dashboard.reduction2050')}</dt>
          <dd>{f.megatonnes(summary.committedReduction2050)}</dd>
        </div>
        <div className="key-numbers__item">
          <dt>
            {t('dashboard.netZeroShare', {
              netZero: formatNumber(summary.withNetZero, f.locale),
              total: formatNumber(summary.governments, f.locale),
            })}
          </dt>
          <dd>{f.share(summary.netZeroShare)}</dd>
        </div>
      </dl>
      <p className="muted">
        {t('dashboard.withTargets', {
          targets: formatNumber(summary.withTargets, f.locale),
          total: formatNumber(summary.governments, f.locale),
        })}
      </p>
    </section>
  );
}

/**
 * The status chart: members' and prospects' headline statuses as bars, counted on a whole-number
 * axis from 0 to at least 5 (countAxis), each bar labelled with its count.
 */
export function statusChartOption(
  memberCounts: readonly { status: AssessmentStatus; count: number }[],
  prospectCounts: readonly { status: AssessmentStatus; count: number }[],
  t: TFunction,
  locale: string,
): ChartOption {
  const axis = countAxis(
    Math.max(0, ...memberCounts.map((c) => c.count), ...prospectCounts.map((c) => c.count)),
  );
  const label = {
    show: true,
    position: 'right' as const,
    color: INK_SOFT,
    // A count of 0 draws no bar and needs no number beside it.
    formatter: ({ value }: { value: unknown }) =>
      typeof value === 'number' && value > 0 ? formatNumber(value, locale) : '',
  };
  return {
    grid: { left: 8, right: 24, top: 8, bottom: 36, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0, textStyle: { color: INK_SOFT } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: ASSESSMENT_STATUSES.map((s) => t(`status.${s}`)),
      axisLabel: { color: INK_SOFT },
    },
    xAxis: {
      type: 'value',
      min: 0,
      max: axis.max,
      interval: axis.interval,
      minInterval: 1,
      axisLabel: { color: INK_SOFT, formatter: (v: number) => formatNumber(v, locale) },
      splitLine: { lineStyle: { color: LINE } },
    },
    series: [
      {
        type: 'bar',
        name: t('dashboard.groups.members'),
        data: memberCounts.map((c) => ({
          value: c.count,
          itemStyle: { color: STATUS_COLORS[c.status] },
        })),
        label,
        barMaxWidth: 22,
        color: '#0b6e5b',
      },
      {
        type: 'bar',
        name: t('dashboard.groups.prospects'),
        data: prospectCounts.map((c) => ({
          value: c.count,
          itemStyle: { color: STATUS_COLORS[c.status], opacity: 0.45 },
        })),
        label,
        barMaxWidth: 22,
        color: '#9aa6aa',
      },
    ],
  };
}

function StatusChart({ members, prospects }: { members: GroupSummary; prospects: GroupSummary }) {
  const { t } = useTranslation('climate');
  const f = useClimateFormat();
  const memberCounts = useMemo(() => statusCounts(members.byStatus), [members.byStatus]);
  const prospectCounts = useMemo(() => statusCounts(prospects.byStatus), [prospects.byStatus]);
  const option = useMemo<ChartOption>(
    () => statusChartOption(memberCounts, prospectCounts, t, f.locale),
    [t, f.locale, memberCounts, prospectCounts],
  );
  const label = t('dashboard.statusChart');
  return (
    <EChart option={option} label={label} testId="dashboard-status-chart" height={260}>
      <table>
        <caption>{label}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dashboard.columns.status')}</th>
            <th scope="col">{t('dashboard.groups.members')}</th>
            <th scope="col">{t('dashboard.groups.prospects')}</th>
          </tr>
        </thead>
        <tbody>
          {memberCounts.map((c, i) => (
            <tr key={c.status}>
              <th scope="row">{t(`status.${c.status}`)}</th>
              <td>{formatNumber(c.count, f.locale)}</td>
              <td>{formatNumber(prospectCounts[i]?.count ?? 0, f.locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </EChart>
  );
}

function SortHeader({
  field,
  sort,
  onSort,
  children,
  className,
}: {
  field: DashboardSortField;
  sort: DashboardSort;
  onSort(sort: DashboardSort): void;
  children: string;
  className?: string;
}) {
  const { t } = useTranslation('climate');
  const active = sort === field || sort === `-${field}`;
  const descending = sort === `-${field}`;
  const next: DashboardSort = active && !descending ? `-${field}` : field;
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
        title={t(next.startsWith('-') ? 'dashboard.sortDescending' : 'dashboard.sortAscending', {
          field: children,
        })}
        data-testid={`dashboard-sort-${field}`}
      >
        {children}
        <span className="sort-button__arrow" aria-hidden="true">
          {active ? (descending ? '▼' : '▲') : '↕'}
        </span>
      </button>
    </th>
  );
}

/** Whether a row shows a figure taken from an illustrative inventory (demo figures). */
function isIllustrative(row: ClimateSummaryRow): boolean {
  return row.latestIllustrative || row.headline?.illustrative === true;
}

/** The word beside a figure from an illustrative inventory, as on the government's own page. */
function IllustrativePill() {
  const { t } = useTranslation('climate');
  return (
    <span className="climate-pill climate-pill--warn climate-block" data-testid="illustrative">
      {t('inventory.illustrative')}
    </span>
  );
}

function GovernmentsTable({
  rows,
  sort,
  page,
  asOf,
  regionOf,
  onSort,
  onPage,
}: {
  rows: ClimateSummaryRow[];
  sort: DashboardSort;
  /** The region's name for each row, when the table shows several regions. */
  regionOf: ((row: ClimateSummaryRow) => string) | null;
  /** Carried to each government's page so that it assesses in the same year. */
  asOf: number | null;
  page: number;
  onSort(sort: DashboardSort): void;
  onPage(page: number): void;
}) {
  const { t } = useTranslation(['climate', 'common']);
  const f = useClimateFormat();
  const locale = useLocale();
  const sorted = useMemo(
    () =>
      sortRows(
        rows,
        sort,
        (r) => governmentNameText(r.names, r.localLang, locale),
        (r) => countryName(r.country, locale),
        locale,
      ),
    [rows, sort, locale],
  );
  const lastPage = Math.max(1, Math.ceil(sorted.length / PAGE_SIZE));
  const current = Math.min(page, lastPage);
  const shown = sorted.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE);
  if (rows.length === 0) {
    return (
      <EmptyState title={t('dashboard.emptyTitle')}>
        <p>{t('dashboard.empty')}</p>
      </EmptyState>
    );
  }
  return (
    <>
      <ScrollFrame label={t('dashboard.tableCaption')}>
        <table
          className="data-table members-table climate-dashboard-table"
          data-testid="dashboard-table"
        >
          <caption className="visually-hidden">{t('dashboard.tableCaption')}</caption>
          <thead>
            <tr>
              <SortHeader field="name" sort={sort} onSort={onSort}>
                {t('dashboard.columns.name')}
              </SortHeader>
              <SortHeader field="country" sort={sort} onSort={onSort}>
                {t('dashboard.columns.country')}
              </SortHeader>
              {regionOf && <th scope="col">{t('dashboard.columns.region')}</th>}
              <th scope="col">{t('dashboard.columns.membership')}</th>
              <th scope="col">{t('dashboard.columns.headline')}</th>
              <SortHeader field="status" sort={sort} onSort={onSort}>
                {t('dashboard.columns.status')}
              </SortHeader>
              <SortHeader field="progress" sort={sort} onSort={onSort}>
                {t('dashboard.columns.progress')}
              </SortHeader>
              <SortHeader field="netZeroYear" sort={sort} onSort={onSort} className="numeric">
                {t('dashboard.columns.netZeroYear')}
              </SortHeader>
              <SortHeader field="latestEmissions" sort={sort} onSort={onSort} className="numeric">
                {t('dashboard.columns.latestEmissions')}
              </SortHeader>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.slug} data-testid="dashboard-row" data-slug={row.slug}>
                <th scope="row" data-label={t('dashboard.columns.name')}>
                  <Link
                    to={`/members/${row.slug}/climate${query({ asOf })}`}
                    className="members-table__link"
                  >
                    <GovernmentName names={row.names} localLang={row.localLang} />
                  </Link>
                </th>
                <td data-label={t('dashboard.columns.country')}>
                  {countryName(row.country, locale)}
                </td>
                {regionOf && <td data-label={t('dashboard.columns.region')}>{regionOf(row)}</td>}
                <td data-label={t('dashboard.columns.membership')}>
                  <span
                    className={`badge ${row.isMember ? 'badge--full-member' : 'badge--non-member'}`}
                  >
                    {t(row.isMember ? 'dashboard.member' : 'dashboard.prospect')}
                  </span>
                </td>
                <td data-label={t('dashboard.columns.headline')}>
                  {row.headline ? (
                    <>
                      {translated(row.headline.titles, row.headline.title, locale)}
                      {row.headline.targetYear !== null &&
                        !translated(row.headline.titles, row.headline.title, locale).includes(
                          String(row.headline.targetYear),
                        ) && (
                          <span className="muted"> ({formatYear(row.headline.targetYear)})</span>
                        )}
                    </>
                  ) : (
                    <span className="muted">
                      {row.targets > 0
                        ? t('dashboard.noEmissionsTarget')
                        : t('dashboard.noTargets')}
                    </span>
                  )}
                </td>
                <td data-label={t('dashboard.columns.status')}>
                  {row.headline ? (
                    <StatusBadge status={row.headline.status} testId="dashboard-status" />
                  ) : (
                    '—'
                  )}
                </td>
                <td
                  data-label={t('dashboard.columns.progress')}
                  className="climate-dashboard-table__progress"
                >
                  {row.headline?.progress !== null && row.headline?.progress !== undefined ? (
                    <>
                      <span className="climate-progress__value">
                        {f.share(row.headline.progress)}
                      </span>
                      <ShareBar
                        fraction={row.headline.progress}
                        label={t('progress.computed')}
                        compact
                      />
                      {row.headline.illustrative && <IllustrativePill />}
                    </>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
                <td data-label={t('dashboard.columns.netZeroYear')} className="numeric">
                  {row.netZeroYear === null ? (
                    <span className="muted">—</span>
                  ) : (
                    formatYear(row.netZeroYear)
                  )}
                </td>
                <td data-label={t('dashboard.columns.latestEmissions')} className="numeric">
                  {row.latestEmissions === null ? (
                    <span className="muted">—</span>
                  ) : (
                    <>
                      {f.megatonnes(row.latestEmissions)}
                      {row.latestYear !== null && (
                        <span className="muted climate-block">{formatYear(row.latestYear)}</span>
                      )}
                      {row.latestIllustrative && <IllustrativePill />}
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollFrame>
      {rows.some(isIllustrative) && (
        <p className="climate-illustrative" role="note" data-testid="dashboard-illustrative-note">
          <strong>{t('inventory.illustrative')}</strong> {t('dashboard.illustrativeNote')}
        </p>
      )}
      <Pagination page={current} pageSize={PAGE_SIZE} total={sorted.length} onPage={onPage} />
    </>
  );
}

export default function DashboardPage() {
  const { t } = useTranslation(['climate', 'common']);
  const locale = useLocale();
  usePageTitle(t('dashboard.title'));
  const { state, update } = useDashboardParams();
  const regions = useRegions();
  const summary = useClimateSummary(state.region, state.asOf);
  const allRegions = state.region === ALL_REGIONS;
  const regionName = useCallback(
    (slug: string) =>
      t(`common:regions.${slug}`, {
        defaultValue:
          regions.data?.items.find((r) => r.slug === slug)?.name ?? t('dashboard.unknownRegion'),
      }),
    [t, regions.data],
  );
  // Only regions with governments have figures; the one an address names is kept so that the
  // choice shows what the page shows.
  const regionChoices = (regions.data?.items ?? []).filter(
    (r) => r.governmentCount > 0 || r.slug === state.region,
  );
  if (!allRegions && !regionChoices.some((r) => r.slug === state.region)) {
    regionChoices.push({
      slug: state.region,
      name: state.region,
      governmentCount: 0,
      memberCount: 0,
    });
  }

  const data = summary.data;
  const points = useMemo<MapPoint[]>(
    () =>
      (data?.rows ?? [])
        .filter((r) => inGroup(r, state.group))
        .flatMap((r) =>
          r.latitude === null || r.longitude === null
            ? []
            : [
                {
                  id: r.slug,
                  latitude: r.latitude,
                  longitude: r.longitude,
                  label: `${governmentNameText(r.names, r.localLang, locale)} — ${
                    !r.headline
                      ? t('dashboard.noHeadline')
                      : r.headline.illustrative
                        ? t('dashboard.statusIllustrative', {
                            status: t(`status.${r.headline.status}`),
                          })
                        : t(`status.${r.headline.status}`)
                  }`,
                  series: mapStatusOf(r),
                  href: `/members/${r.slug}/climate${query({ asOf: state.asOf })}`,
                },
              ],
        ),
    [data, state.group, state.asOf, locale, t],
  );
  const mapSeries = MAP_STATUSES.map((s) => ({
    key: s,
    label: s === 'none' ? t('dashboard.noHeadline') : t(`status.${s}`),
    color: STATUS_COLORS[s],
  }));
  const rows = (data?.rows ?? []).filter((r) => inGroup(r, state.group));
  const noGovernments =
    data !== undefined && data.members.governments + data.prospects.governments === 0;
  const targetsQuery = query({ region: state.region || null });
  // The table's file: the region shown (every region when none), the year assessed, and the
  // words in the language the reader reads the page in.
  const tableQuery = query({ region: state.region || null, asOf: state.asOf, lang: locale });

  return (
    <div className="climate-dashboard" data-testid="climate-dashboard">
      <header className="page-header">
        <h1>{t('dashboard.title')}</h1>
        <p className="page-header__lead">{t('dashboard.lead')}</p>
      </header>

      <div className="filters climate-dashboard__filters">
        <div className="filters__row">
          <label className="field">
            <span className="field__label">{t('dashboard.region')}</span>
            <select
              value={state.region}
              onChange={(e) => update({ region: e.target.value })}
              data-testid="dashboard-region"
            >
              <option value={ALL_REGIONS}>{t('dashboard.allRegions')}</option>
              {regionChoices.map((r) => (
                <option key={r.slug} value={r.slug}>
                  {regionName(r.slug)}
                </option>
              ))}
            </select>
          </label>
          <fieldset className="field climate-group-toggle">
            <legend className="field__label">{t('dashboard.show')}</legend>
            <div className="climate-segmented">
              {(['all', 'members', 'prospects'] as const).map((group) => (
                <label key={group} className={state.group === group ? 'is-active' : undefined}>
                  <input
                    type="radio"
                    name="dashboard-group"
                    value={group}
                    checked={state.group === group}
                    onChange={() => update({ group })}
                    data-testid={`dashboard-group-${group}`}
                  />
                  {t(`dashboard.groups.${group}`)}
                </label>
              ))}
            </div>
          </fieldset>
          <AsOfSelect
            value={state.asOf}
            current={data?.asOfYear ?? null}
            onChange={(asOf) => update({ asOf })}
          />
        </div>
        <p className="climate-downloads">
          <span className="muted">
            {allRegions
              ? t('dashboard.downloadTableAll')
              : t('dashboard.downloadTable', { region: regionName(state.region) })}
          </span>{' '}
          <a
            className="button button--small button--secondary"
            href={`/api/v1/exports/climate-summary.csv${tableQuery}`}
            download
            data-testid="dashboard-export-table-csv"
          >
            {t('download.csv')}
          </a>{' '}
          <a
            className="button button--small button--secondary"
            href={`/api/v1/exports/climate-summary.xlsx${tableQuery}`}
            download
            data-testid="dashboard-export-table-xlsx"
          >
            {t('download.xlsx')}
          </a>
        </p>
        <p className="climate-downloads">
          <span className="muted">{t('dashboard.download')}</span>{' '}
          <a
            className="button button--small button--secondary"
            href={`/api/v1/exports/targets.csv${targetsQuery}`}
            download
            data-testid="dashboard-export-csv"
          >
            {t('download.csv')}
          </a>{' '}
          <a
            className="button button--small button--secondary"
            href={`/api/v1/exports/targets.xlsx${targetsQuery}`}
            download
            data-testid="dashboard-export-xlsx"
          >
            {t('download.xlsx')}
          </a>
        </p>
      </div>

      {summary.isPending ? (
        <Loading />
      ) : summary.isError ? (
        <ErrorMessage error={summary.error} />
      ) : noGovernments ? (
        // Not 0 Mt and "0 of 0": a region without governments has no figures at all.
        <div data-testid="dashboard-no-governments">
          {allRegions ? (
            <EmptyState title={t('dashboard.emptyTitle')}>
              <p>{t('dashboard.networkEmpty')}</p>
            </EmptyState>
          ) : (
            <EmptyState
              title={t('dashboard.regionEmptyTitle', { region: regionName(state.region) })}
            >
              <p>{t('dashboard.regionEmpty')}</p>
              <p>
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => update({ region: ALL_REGIONS })}
                  data-testid="dashboard-show-all-regions"
                >
                  {t('dashboard.showAllRegions')}
                </button>
              </p>
            </EmptyState>
          )}
        </div>
      ) : (
        <>
          <div className="climate-columns">
            <Headline summary={summary.data.members} kind="members" />
            <Headline summary={summary.data.prospects} kind="prospects" />
          </div>
          <div className="climate-columns">
            <section className="panel" aria-labelledby="dashboard-status-title">
              <h2 id="dashboard-status-title">{t('dashboard.byStatus')}</h2>
              <StatusChart members={summary.data.members} prospects={summary.data.prospects} />
            </section>
            <section className="panel" aria-labelledby="dashboard-map-title">
              <h2 id="dashboard-map-title">{t('dashboard.map')}</h2>
              <GeoMap
                points={points}
                series={mapSeries}
                title={
                  allRegions
                    ? t('dashboard.mapTitleAll')
                    : t('dashboard.mapTitle', { region: regionName(state.region) })
                }
                extent={allRegions ? 'world' : 'points'}
                minimumSpan={24}
                width={640}
                height={420}
              />
            </section>
          </div>
          <section aria-labelledby="dashboard-table-title" aria-busy={summary.isFetching}>
            <h2 id="dashboard-table-title" className="results-count">
              {t('dashboard.governments', { total: formatNumber(rows.length, locale) })}
            </h2>
            <GovernmentsTable
              rows={rows}
              sort={state.sort}
              page={state.page}
              asOf={state.asOf}
              regionOf={allRegions ? (row) => regionName(row.region) : null}
              onSort={(sort) => update({ sort })}
              onPage={(page) => update({ page })}
            />
          </section>
        </>
      )}
    </div>
  );
}
