import {
  DIFFERENT_PLACE_KM,
  distanceKm,
  kindLevel,
  nameMatchKeys,
  SAME_PLACE_KM,
} from '../../core/government-names';
import type { AuditActor } from '../audit/service';
import { duplicateTargetPairs, pairKey } from '../climate/target-duplicates-service';
import { authorize } from '../http/authorize';
import type { Store } from '../store';
import type { DuplicatePair, DuplicateReport, DuplicateSide } from './merge-schemas';
import { splitNames } from './present';

/**
 * The report of likely duplicates: pairs of governments of one country whose names share a
 * likely form ("Taipei City" and "Taipei", src/core/government-names.ts) or whose places lie
 * within 5 km, of the same level (a city and its prefecture share a point and are two). Two
 * namesakes more than 40 km apart are two places. Each pair says which to keep. Beside them,
 * the targets of one government that state the same thing (climate/target-duplicates-service.ts).
 * Pairs an administrator marked as two (dismissal-service.ts) are left out and counted.
 */

const RANK: Record<string, number> = {
  'full-member': 3,
  'associate-member': 2,
  'associate-partner': 1,
  'non-member': 0,
};

type Government = Awaited<ReturnType<Store['merges']['governmentsForDuplicates']>>[number];

const sameLevel = (a: Government, b: Government) => {
  const x = kindLevel(a.kind);
  const y = kindLevel(b.kind);
  return x === 'other' || y === 'other' || x === y;
};

const placed = (g: Government): g is Government & { latitude: number; longitude: number } =>
  g.latitude !== null && g.longitude !== null;

export async function duplicateReport(
  store: Store,
  actor: AuditActor | null | undefined,
): Promise<DuplicateReport> {
  authorize(actor, 'government.merge', {}, 'Only administrators merge governments.');
  const [governments, names, dismissedGovernments, dismissedTargets] = await Promise.all([
    store.merges.governmentsForDuplicates(),
    store.merges.namesForDuplicates(),
    store.dismissals.dismissedPairs('government'),
    store.dismissals.dismissedPairs('target'),
  ]);
  const byId = new Map(governments.map((g) => [g.id, g]));

  const pairs = new Map<
    string,
    { a: number; b: number; reasons: Set<'name' | 'place'>; keys: Set<string> }
  >();
  const pair = (x: number, y: number, reason: 'name' | 'place', key?: string) => {
    const [a, b] = x < y ? [x, y] : [y, x];
    const id = `${a}|${b}`;
    let p = pairs.get(id);
    if (!p) pairs.set(id, (p = { a, b, reasons: new Set(), keys: new Set() }));
    p.reasons.add(reason);
    if (key) p.keys.add(key);
  };

  // Likely names with the country.
  const groups = new Map<string, Set<number>>();
  for (const n of names) {
    const g = byId.get(n.government_id);
    if (!g) continue;
    for (const key of nameMatchKeys(n.name)) {
      const group = `${g.country}|${key}`;
      let ids = groups.get(group);
      if (!ids) groups.set(group, (ids = new Set()));
      ids.add(g.id);
    }
  }
  for (const [group, ids] of groups) {
    if (ids.size < 2) continue;
    const key = group.slice(group.indexOf('|') + 1);
    const list = [...ids].map((id) => byId.get(id) as Government);
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i] as Government;
        const b = list[j] as Government;
        if (!sameLevel(a, b)) continue;
        if (placed(a) && placed(b) && distanceKm(a, b) > DIFFERENT_PLACE_KM) continue;
        pair(a.id, b.id, 'name', key);
      }
    }
  }

  // The same place, country by country, swept by latitude.
  const byCountry = new Map<string, (Government & { latitude: number; longitude: number })[]>();
  for (const g of governments) {
    if (!placed(g)) continue;
    const list = byCountry.get(g.country) ?? [];
    list.push(g);
    byCountry.set(g.country, list);
  }
  const band = SAME_PLACE_KM / 111; // degrees of latitude
  for (const list of byCountry.values()) {
    list.sort((a, b) => a.latitude - b.latitude);
    for (let i = 0; i < list.length; i++) {
      const a = list[i] as Government & { latitude: number; longitude: number };
      for (let j = i + 1; j < list.length; j++) {
        const b = list[j] as Government & { latitude: number; longitude: number };
        if (b.latitude - a.latitude > band) break;
        if (sameLevel(a, b) && distanceKm(a, b) <= SAME_PLACE_KM) pair(a.id, b.id, 'place');
      }
    }
  }

  // Pairs marked as two governments are left out, and counted.
  let dismissed = 0;
  for (const [id, p] of pairs) {
    if (!dismissedGovernments.has(pairKey(p.a, p.b))) continue;
    pairs.delete(id);
    dismissed += 1;
  }

  const ids = [...new Set([...pairs.values()].flatMap((p) => [p.a, p.b]))];
  const [counts, nameRows] = await Promise.all([
    store.merges.recordCounts(ids),
    store.members.namesOf(ids),
  ]);
  const side = (g: Government): DuplicateSide => {
    const rows = nameRows.get(g.id) ?? [];
    const name =
      rows.find((n) => n.kind === 'name' && n.lang === 'en')?.name ??
      rows.find((n) => n.kind === 'name')?.name ??
      g.slug;
    const c = counts.get(g.id) ?? { targets: 0, reports: 0 };
    return {
      slug: g.slug,
      name,
      aliases: rows.filter((n) => n.kind === 'alias').map((n) => n.name),
      names: splitNames(rows).names,
      localLang: g.local_lang,
      kind: g.kind as DuplicateSide['kind'],
      country: g.country,
      category: (g.category ?? 'non-member') as DuplicateSide['category'],
      cdpAccount: g.cdp_account,
      nztId: g.nzt_id,
      latitude: g.latitude,
      longitude: g.longitude,
      targets: c.targets,
      reports: c.reports,
      createdAt: g.created_at,
    };
  };
  const keep = (a: Government, b: Government): Government => {
    const rank = (RANK[a.category ?? 'non-member'] ?? 0) - (RANK[b.category ?? 'non-member'] ?? 0);
    if (rank !== 0) return rank > 0 ? a : b;
    const ca = counts.get(a.id) ?? { targets: 0, reports: 0 };
    const cb = counts.get(b.id) ?? { targets: 0, reports: 0 };
    const more = ca.targets + ca.reports - (cb.targets + cb.reports);
    if (more !== 0) return more > 0 ? a : b;
    return a.id < b.id ? a : b;
  };

  // The names behind the match keys, as written: a key is folded, never for reading.
  const matchingNames = (govs: Government[], keys: ReadonlySet<string>) => [
    ...new Set(
      govs.flatMap((g) =>
        (nameRows.get(g.id) ?? [])
          .map((n) => n.name)
          .filter((name) => nameMatchKeys(name).some((k) => keys.has(k))),
      ),
    ),
  ];
  const items = [...pairs.values()].map((p): DuplicatePair => {
    const a = byId.get(p.a) as Government;
    const b = byId.get(p.b) as Government;
    return {
      a: side(a),
      b: side(b),
      reasons: (['name', 'place'] as const).filter((r) => p.reasons.has(r)),
      matchingNames: matchingNames([a, b], p.keys),
      distanceKm: placed(a) && placed(b) ? Math.round(distanceKm(a, b) * 10) / 10 : null,
      keysDiffer:
        (!!a.cdp_account && !!b.cdp_account && a.cdp_account !== b.cdp_account) ||
        (!!a.nzt_id && !!b.nzt_id && a.nzt_id !== b.nzt_id),
      suggestedKeep: keep(a, b).slug,
    };
  });
  items.sort((x, y) => x.a.country.localeCompare(y.a.country) || x.a.name.localeCompare(y.a.name));
  const targets = await duplicateTargetPairs(store, dismissedTargets);
  return {
    items,
    targetPairs: targets.pairs,
    dismissed: { governments: dismissed, targets: targets.dismissed },
  };
}
