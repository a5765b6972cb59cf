import { headlineTarget, summarizeNetwork, type NetworkEntry } from '../../core/climate/summary';
import { parseTexts } from '../db/texts';
import type { Store } from '../store';
import { definitionOf } from './present';
import { assess, currentYear, groupBy, ILLUSTRATIVE_SOURCE, seriesByGovernment } from './series';

/** The network dashboard: ambition and progress of a region's governments, members apart. */

const MEMBER_CATEGORIES = new Set(['full-member', 'associate-member', 'associate-partner']);

/** The dashboard's numbers for a region (or the whole network), in a fixed number of queries. */
export async function climateSummary(
  store: Store,
  region: string | undefined,
  asOfYear = currentYear(),
) {
  // Five queries for the whole region; everything else is computed in one pass per government.
  const [governments, targets, inventories, reports, nameRows] = await Promise.all([
    store.climate.governmentsForSummary(region),
    store.climate.targetsOfRegion(region),
    store.climate.inventoryTotalsOfRegion(region),
    store.climate.reportsOfRegion(region),
    store.members.namesOfRegion(region),
  ]);
  const series = seriesByGovernment(governments, inventories, reports);
  const targetsByGov = groupBy(targets, (t) => t.government_id);
  const names = groupBy(nameRows, (n) => n.government_id);

  const entries: NetworkEntry[] = [];
  const rows = governments.map((g) => {
    const own = targetsByGov.get(g.id) ?? [];
    const s = series.get(g.id) ?? [];
    const assessed = own.map((row) => ({
      row,
      definition: definitionOf(row),
      assessment: assess(row, s, g, asOfYear),
    }));
    const isMember = MEMBER_CATEGORIES.has(g.category ?? '');
    entries.push({
      governmentId: g.id,
      country: g.country,
      isMember,
      targets: assessed.map(({ definition, assessment }) => ({ definition, assessment })),
    });
    const headline = headlineTarget(
      assessed.map(({ definition, assessment }) => ({ definition, assessment })),
    );
    const headlineRow = headline
      ? assessed.find((a) => a.assessment === headline.assessment)
      : undefined;
    const netZero = own
      .filter(
        (t) => t.net_zero_label !== null || (t.type === 'fixed-level' && t.target_emissions === 0),
      )
      .map((t) => t.target_year)
      .filter((y): y is number => y !== null)
      .sort((a, b) => a - b)[0];
    const latest = [...s].reverse().find((y) => y.value !== null);
    const nameRows = names.get(g.id) ?? [];
    return {
      slug: g.slug,
      names: Object.fromEntries(
        nameRows.filter((n) => n.kind === 'name' && n.lang).map((n) => [n.lang as string, n.name]),
      ),
      localLang: g.local_lang,
      country: g.country,
      region: g.region,
      isMember,
      latitude: g.latitude,
      longitude: g.longitude,
      targets: own.length,
      netZeroYear: netZero ?? null,
      headline: headlineRow
        ? {
            targetId: headlineRow.row.id,
            title: headlineRow.row.title,
            titles: parseTexts(headlineRow.row.titles, {
              table: 'climate_targets',
              id: headlineRow.row.id,
            }),
            targetYear: headlineRow.row.target_year,
            status: headlineRow.assessment.status,
            progress: headlineRow.assessment.progress,
            illustrative: headlineRow.assessment.actualSource === ILLUSTRATIVE_SOURCE,
          }
        : null,
      baseEmissions: headlineRow?.row.base_emissions ?? null,
      latestEmissions: latest?.value ?? null,
      latestYear: latest?.year ?? null,
      latestIllustrative: latest?.source === ILLUSTRATIVE_SOURCE,
    };
  });
  const summary = summarizeNetwork(entries);
  const group = (g: typeof summary.members) => ({
    governments: g.governments,
    withTargets: g.withTargets,
    withNetZero: g.withNetZero,
    netZeroShare: g.netZeroShare,
    baseEmissionsCovered: g.baseEmissionsCovered,
    committedReduction2030: g.committedReduction2030,
    committedReduction2050: g.committedReduction2050,
    byStatus: g.byStatus,
    byCountry: g.byCountry,
  });
  return {
    region: region ?? null,
    asOfYear,
    members: group(summary.members),
    prospects: group(summary.prospects),
    rows,
  };
}
