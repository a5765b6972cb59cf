import { renderToStaticMarkup } from 'react-dom/server';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import i18n from '../i18n';
import DashboardPage, { statusChartOption } from './DashboardPage';
import { statusCounts } from './dashboard';
import type { ClimateSummary, ClimateSummaryRow, GroupSummary } from './types';
import type { Region } from '../types';

beforeAll(async () => {
  await i18n.changeLanguage('en');
});
afterAll(async () => {
  await i18n.changeLanguage('en');
});

const group: GroupSummary = {
  governments: 2,
  withTargets: 1,
  withNetZero: 0,
  netZeroShare: 0,
  baseEmissionsCovered: 0,
  committedReduction2030: 0,
  committedReduction2050: 0,
  byStatus: {},
  byCountry: {},
};

function row(slug: string, overrides: Partial<ClimateSummaryRow>): ClimateSummaryRow {
  return {
    slug,
    names: { en: slug },
    localLang: 'en',
    country: 'CN',
    region: 'east-asia',
    isMember: true,
    latitude: null,
    longitude: null,
    targets: 0,
    netZeroYear: null,
    headline: null,
    baseEmissions: null,
    latestEmissions: null,
    latestYear: null,
    latestIllustrative: false,
    ...overrides,
  };
}

const REGIONS: Region[] = [
  { slug: 'global', name: 'Global', governmentCount: 0, memberCount: 0 },
  { slug: 'east-asia', name: 'East Asia', governmentCount: 27, memberCount: 5 },
  { slug: 'europe', name: 'Europe', governmentCount: 2, memberCount: 0 },
];

/** The dashboard at an address, with the summary the API would answer for its region. */
function renderDashboard(
  rows: ClimateSummaryRow[],
  { region = null, members = group }: { region?: string | null; members?: GroupSummary } = {},
): string {
  const client = new QueryClient();
  const summary: ClimateSummary = {
    region,
    asOfYear: 2021,
    members,
    prospects: { ...group, governments: 0, withTargets: 0 },
    rows,
  };
  client.setQueryData(['climate', 'summary', region ?? '', null], summary);
  client.setQueryData(['regions'], { items: REGIONS });
  return renderToStaticMarkup(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[region === null ? '/climate' : `/climate?region=${region}`]}>
        <DashboardPage />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

/** The row of one government in the rendered table. */
function rowHtml(html: string, slug: string): string {
  const start = html.indexOf(`data-slug="${slug}"`);
  expect(start).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf('</tr>', start));
}

/** The region choice's options, as value and text. */
function regionOptions(html: string): [string, string][] {
  const select = html.slice(
    html.indexOf('data-testid="dashboard-region"'),
    html.indexOf('</select>', html.indexOf('data-testid="dashboard-region"')),
  );
  return [...select.matchAll(/<option value="([^"]*)"[^>]*>([^<]*)<\/option>/g)].map((m) => [
    m[1] as string,
    m[2] as string,
  ]);
}

describe('the climate dashboard', () => {
  it("opens on all regions, whose table names each row's region and whose file is the network's", () => {
    const html = renderDashboard([
      row('kyoto', { country: 'JP', baseEmissions: 7_840_000 }),
      row('freiburg', { country: 'DE', region: 'europe', isMember: false }),
    ]);
    expect(html).toMatch(/<option value="" selected="">All regions<\/option>/);
    // The world secretariat's region has no governments: not a choice showing 0 Mt of "0 of 0".
    expect(regionOptions(html)).toEqual([
      ['', 'All regions'],
      ['east-asia', 'East Asia'],
      ['europe', 'Europe'],
    ]);
    expect(rowHtml(html, 'freiburg')).toContain('Europe');
    expect(rowHtml(html, 'kyoto')).toContain('East Asia');
    expect(html).toContain('Download the table for all regions');
    expect(html).toContain('href="/api/v1/exports/climate-summary.csv?lang=en"');
    expect(html).toContain('href="/api/v1/exports/climate-summary.xlsx?lang=en"');
    expect(html).not.toContain('dashboard-no-governments');
  });

  it('exports the region shown, and names no region in its rows', () => {
    const html = renderDashboard([row('kyoto', { country: 'JP' })], { region: 'east-asia' });
    expect(html).toMatch(/<option value="east-asia" selected="">East Asia<\/option>/);
    expect(html).toContain(
      'href="/api/v1/exports/climate-summary.csv?region=east-asia&amp;lang=en"',
    );
    expect(rowHtml(html, 'kyoto')).not.toContain('East Asia');
  });

  it('says a region without governments has none, instead of 0 Mt and "0 of 0"', () => {
    const none = { ...group, governments: 0, withTargets: 0 };
    const html = renderDashboard([], { region: 'global', members: none });
    expect(html).toContain('data-testid="dashboard-no-governments"');
    expect(html).toContain('No governments in Global');
    expect(html).toContain('Show all regions');
    expect(html).not.toContain('data-testid="dashboard-members"');
    expect(html).not.toMatch(/0 of 0/);
  });

  it("labels a figure from an illustrative inventory as on the government's own page", () => {
    const html = renderDashboard([
      row('changchun', {
        latestEmissions: 14_000_000,
        latestYear: 2019,
        latestIllustrative: true,
        headline: {
          targetId: 1,
          title: '30 % below 2015 by 2030',
          titles: {},
          targetYear: 2030,
          status: 'on-track',
          progress: 0.5,
          illustrative: true,
        },
      }),
      row('kyoto', { country: 'JP', latestEmissions: 6_540_648, latestYear: 2018 }),
    ]);
    const changchun = rowHtml(html, 'changchun');
    // Beside the latest emissions and beside the progress computed from them.
    expect(changchun.match(/data-testid="illustrative"/g)).toHaveLength(2);
    expect(changchun).toContain('Illustrative');
    expect(rowHtml(html, 'kyoto')).not.toContain('Illustrative');
    expect(html).toContain('data-testid="dashboard-illustrative-note"');
  });

  it('says nothing of illustrative figures when none is shown', () => {
    const html = renderDashboard([row('kyoto', { latestEmissions: 6_540_648, latestYear: 2018 })]);
    expect(html).not.toContain('Illustrative');
    expect(html).not.toContain('dashboard-illustrative-note');
  });
});

describe('the headline-status chart', () => {
  const t = i18n.getFixedT('en', 'climate');

  it('counts a small region on whole numbers from 0 to 5, each bar with its count', () => {
    // East Asia in 2021: one member target on track, nothing else assessed.
    const option = statusChartOption(statusCounts({ 'on-track': 1 }), statusCounts({}), t, 'en');
    expect(option.xAxis).toMatchObject({ type: 'value', min: 0, max: 5, interval: 1 });
    const series = option.series as { label?: { show?: boolean } }[];
    expect(series.map((s) => s.label?.show)).toEqual([true, true]);
  });

  it('keeps whole-number ticks for a large region', () => {
    const option = statusChartOption(
      statusCounts({ 'on-track': 23, 'off-track': 4 }),
      statusCounts({ stale: 7 }),
      t,
      'en',
    );
    expect(option.xAxis).toMatchObject({ min: 0, max: 25, interval: 5 });
  });
});
