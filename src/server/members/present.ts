/** Governments as the API shows them, from their rows. */
import { parseTexts } from '../db/texts';
import type { GovernmentRow, NameRow, positionsOfGovernment } from './repository';
import type { Government, GovernmentSummary, OfficeHolder } from './schemas';

type Names = Record<string, string>;
type HolderRow = Awaited<ReturnType<typeof positionsOfGovernment>>[number];

/** A government's names by language and its aliases. */
export function splitNames(rows: readonly Pick<NameRow, 'kind' | 'lang' | 'name'>[] | undefined): {
  names: Names;
  aliases: string[];
} {
  const names: Names = {};
  const aliases: string[] = [];
  for (const r of rows ?? []) {
    if (r.kind === 'alias') aliases.push(r.name);
    else if (r.lang) names[r.lang] = r.name;
  }
  return { names, aliases };
}

export function presentSummary(
  row: GovernmentRow,
  nameRows: readonly NameRow[] | undefined,
): GovernmentSummary {
  const { names, aliases } = splitNames(nameRows);
  return {
    id: row.id,
    slug: row.slug,
    kind: row.kind as GovernmentSummary['kind'],
    names,
    localLang: row.local_lang,
    aliases,
    country: row.country,
    region: row.region_slug,
    membership: {
      category: (row.category ?? 'non-member') as GovernmentSummary['membership']['category'],
      status: (row.status ?? 'none') as GovernmentSummary['membership']['status'],
      since: row.since,
    },
    population: row.population,
    populationYear: row.population_year,
    latitude: row.latitude,
    longitude: row.longitude,
    isDemo: row.is_demo === 1,
  };
}

/** One government with its positions; office holders are those whose term covers `today`. */
export function presentGovernment(
  row: GovernmentRow,
  nameRows: readonly NameRow[] | undefined,
  positions: readonly HolderRow[],
  today: string,
): Government {
  const holders: OfficeHolder[] = positions.map((p) => ({
    positionId: p.position_id,
    personId: p.person_id,
    fullName: p.full_name,
    personNames: parseTexts(p.names, { table: 'people', id: p.person_id }),
    title: p.title as OfficeHolder['title'],
    startDate: p.start_date,
    endDate: p.end_date,
    confirmedOn: p.confirmed_on,
  }));
  return {
    ...presentSummary(row, nameRows),
    areaKm2: row.area_km2,
    unlocode: row.unlocode,
    cdpAccount: row.cdp_account,
    website: row.website,
    officeHolders: holders.filter(
      (h) => (!h.endDate || h.endDate >= today) && (!h.startDate || h.startDate <= today),
    ),
    positions: holders,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
