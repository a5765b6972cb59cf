import {
  contributionOf,
  headlineTarget,
  summarizeContributions,
  type GovernmentContribution,
} from '../../core/climate/summary';
import { parseTexts } from '../db/texts';
import type { Store } from '../store';
import { definitionOf } from './present';
import { assess, buildSeries, currentYear, groupBy, ILLUSTRATIVE_SOURCE } from './series';
import type { SummaryGovernmentRow } from './summary-repository';

/**
 * The network dashboard: ambition and progress of a region's governments, members apart.
 * Computed government by government (governmentParts: one government's row and what it adds to
 * the roll-up, from its own rows only), then rolled up (summarizeParts). A full computation
 * reads the governments in batches, so memory holds one batch's figures, never the network's;
 * summary-assessment.ts keeps the parts between changes and assesses again only the governments
 * a write touched.
 */

const MEMBER_CATEGORIES = new Set(['full-member', 'associate-member', 'associate-partner']);

/** Governments read and assessed together: a few thousand reports and targets at a time. */
export const SUMMARY_BATCH = 500;

/** One government's part of the summary, as of a year. */
export interface GovernmentPart {
  id: number;
  regionId: number;
  country: string;
  isMember: boolean;
  /** Its row of the answer; `region` is the slug its region had when the part was made. */
  row: SummaryRow;
  contribution: GovernmentContribution;
}

export type SummaryRow = ReturnType<typeof rowOf>;

type TargetRow = Awaited<ReturnType<Store['climate']['summaryTargetsByIds']>>[number];
type Series = ReturnType<typeof buildSeries>;
type AssessedRow = {
  row: TargetRow;
  definition: ReturnType<typeof definitionOf>;
  assessment: ReturnType<typeof assess>;
};

function rowOf(
  g: SummaryGovernmentRow,
  region: string,
  own: readonly TargetRow[],
  assessed: readonly AssessedRow[],
  series: Series,
  names: readonly { lang: string | null; name: string }[],
) {
  const headline = headlineTarget(assessed);
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
  const latest = [...series].reverse().find((y) => y.value !== null);
  return {
    slug: g.slug,
    names: Object.fromEntries(names.filter((n) => n.lang).map((n) => [n.lang as string, n.name])),
    localLang: g.local_lang,
    country: g.country,
    region,
    isMember: MEMBER_CATEGORIES.has(g.category ?? ''),
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
}

/**
 * The parts of some governments (one batch), from their own rows: five queries. A government
 * that no longer exists has none.
 */
export async function governmentParts(
  store: Store,
  ids: readonly number[],
  asOfYear: number,
): Promise<GovernmentPart[]> {
  if (ids.length === 0) return [];
  const [governments, targets, inventories, reports, nameRows] = await Promise.all([
    store.climate.summaryGovernmentsByIds(ids),
    store.climate.summaryTargetsByIds(ids),
    store.climate.summaryInventoriesByIds(ids),
    store.climate.summaryReportsByIds(ids),
    store.climate.summaryNamesByIds(ids),
  ]);
  const targetsBy = groupBy(targets, (t) => t.government_id);
  const inventoriesBy = groupBy(inventories, (i) => i.government_id);
  const reportsBy = groupBy(reports, (r) => r.government_id);
  const namesBy = groupBy(nameRows, (n) => n.government_id);
  return governments.map((g) => {
    const own = targetsBy.get(g.id) ?? [];
    const series = buildSeries(inventoriesBy.get(g.id) ?? [], reportsBy.get(g.id) ?? []);
    const assessed = own.map((row) => ({
      row,
      definition: definitionOf(row),
      assessment: assess(row, series, g, asOfYear),
    }));
    const row = rowOf(g, '', own, assessed, series, namesBy.get(g.id) ?? []);
    return {
      id: g.id,
      regionId: g.region_id,
      country: g.country,
      isMember: row.isMember,
      row,
      contribution: contributionOf(assessed),
    };
  });
}

/** Every id in batches of SUMMARY_BATCH, in order. */
export function batchesOf<T>(ids: readonly T[], size = SUMMARY_BATCH): T[][] {
  const batches: T[][] = [];
  for (let i = 0; i < ids.length; i += size) batches.push(ids.slice(i, i + size));
  return batches;
}

/**
 * The answer from governments' parts given in id order: those of the region (every region
 * without one), each under its region's current slug; a part whose region is gone is left out.
 */
export function summarizeParts(
  parts: Iterable<GovernmentPart>,
  regions: readonly { id: number; slug: string }[],
  region: string | undefined,
  asOfYear: number,
) {
  const slugOf = new Map(regions.map((r) => [r.id, r.slug]));
  const shown: GovernmentPart[] = [];
  for (const part of parts) {
    const slug = slugOf.get(part.regionId);
    if (slug === undefined || (region !== undefined && slug !== region)) continue;
    // Kept parts name the region as it was; a renamed region is renamed here once.
    if (part.row.region !== slug) part.row = { ...part.row, region: slug };
    shown.push(part);
  }
  const summary = summarizeContributions(shown);
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
    rows: shown.map((p) => p.row),
  };
}

export type ClimateSummaryAnswer = ReturnType<typeof summarizeParts>;

/**
 * The dashboard's numbers for a region (or the whole network), computed afresh: the region's
 * governments in batches. The server's route keeps the parts between changes instead
 * (summary-assessment.ts); exports and tests call this.
 */
export async function climateSummary(
  store: Store,
  region: string | undefined,
  asOfYear = currentYear(),
): Promise<ClimateSummaryAnswer> {
  const regions = await store.climate.summaryRegions();
  const ids = await store.climate.summaryGovernmentIds(region);
  const parts: GovernmentPart[] = [];
  for (const batch of batchesOf(ids))
    parts.push(...(await governmentParts(store, batch, asOfYear)));
  return summarizeParts(parts, regions, region, asOfYear);
}
