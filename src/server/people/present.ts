/** People and positions as the API shows them, from their rows. */
import { parseTexts } from '../db/texts';
import type { NameRow } from '../members/repository';
import type { PersonRow, PositionWithPlace } from './repository';
import type { Person, Position } from './schemas';

type Names = Record<string, string>;

/** The names (not aliases) of a government by language. */
function governmentNames(rows: readonly NameRow[] | undefined): Names {
  const names: Names = {};
  for (const n of rows ?? []) {
    if (n.kind === 'name' && n.lang) names[n.lang] = n.name;
  }
  return names;
}

export function presentPosition(
  p: PositionWithPlace,
  govNames: ReadonlyMap<number, NameRow[]>,
): Position {
  return {
    id: p.id,
    personId: p.person_id,
    title: p.title as Position['title'],
    government:
      p.government_id && p.government_slug
        ? {
            id: p.government_id,
            slug: p.government_slug,
            names: governmentNames(govNames.get(p.government_id)),
            localLang: p.government_local_lang ?? 'en',
          }
        : null,
    office:
      p.office_id && p.office_slug
        ? {
            id: p.office_id,
            slug: p.office_slug,
            name: p.office_name ?? '',
            names: parseTexts(p.office_names, { table: 'offices', id: p.office_id }),
          }
        : null,
    startDate: p.start_date,
    endDate: p.end_date,
    confirmedOn: p.confirmed_on,
    version: p.version,
  };
}

/** People with their positions (in the order the repository gives them). */
export function presentPeople(
  rows: readonly PersonRow[],
  positions: readonly PositionWithPlace[],
  govNames: ReadonlyMap<number, NameRow[]>,
): Person[] {
  const byPerson = new Map<number, Position[]>();
  for (const p of positions) {
    const list = byPerson.get(p.person_id) ?? [];
    list.push(presentPosition(p, govNames));
    byPerson.set(p.person_id, list);
  }
  return rows.map((r) => ({
    id: r.id,
    fullName: r.full_name,
    names: parseTexts(r.names),
    email: r.email,
    isDemo: r.is_demo === 1,
    positions: byPerson.get(r.id) ?? [],
    version: r.version,
  }));
}
