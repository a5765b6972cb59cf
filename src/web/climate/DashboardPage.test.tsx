import { renderToStaticMarkup } from 'react-dom/server';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import i18n from '../i18n';
import DashboardPage, { statusChartOption } from './DashboardPage';
import { statusCounts } from './dashboard';
import type { ClimateSummary, ClimateSummaryRow, GroupSummary } from './types';

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

function renderDashboard(rows: ClimateSummaryRow[]): string {
  const client = new QueryClient();
  const summary: ClimateSummary = {
    region: 'east-asia',
    asOfYear: 2021,
    members: group,
    prospects: { ...group, governments: 0, withTargets: 0 },
    rows,
  };
  client.setQueryData(['climate', 'summary', 'east-asia', null], summary);
  client.setQueryData(['regions'], { items: [] });
  return renderToStaticMarkup(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={['/climate']}>
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

describe('the climate dashboard', () => {
  it("labels a figure from an illustrative inventory as on the government's own page", () => {
    const html = renderDashboard([
      row('changchun', {
        latestEmissions: 14_000_000,
        latestYear: 2019,
        latestIllustrative: true,
        headline: {
          targetId: 1,
          title: '30 % below 2015 by 2030',
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
