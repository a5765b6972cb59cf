import type { ImportReason } from '../../../core/climate/import-reasons';
import { kindLevel, nameMatchKeys, nameParts, placeVerdict } from '../../../core/government-names';
import { searchKey } from '../../../core/names';
import type { GovernmentKind } from '../../../core/membership';
import { nowIso } from '../../clock';
import type { Store } from '../../store';
import { clip } from './values';
import type { Subject } from './mapping';
import { regionFor } from './regions';

/**
 * Matching import rows to governments, set-based: the directory's keys (CDP account numbers,
 * Net Zero Tracker ids, every name and alias folded with the country, and the same names
 * without what administrations add around them) are read once per run into maps, and
 * governments the run creates are added to them as it goes, so a dry run sees what a real run
 * would have created by then.
 *
 * A row is matched by its CDP account or tracker id first (certain). Otherwise by its names
 * with the country: the same name, or failing that a likely name ("Taipei City" for "Taipei",
 * src/core/government-names.ts), where the kinds are of one level. A government placed more
 * than 40 km away is another place of that name; one that carries another account number or
 * tracker id is another entity unless a person says otherwise. A match by name is uncertain
 * unless both places are known and within 5 km: the run lists it for a person to confirm.
 */

export interface GovernmentRef {
  /** Negative while the government exists only in the run's plan (not inserted yet). */
  id: number;
  slug: string;
  /** Its primary name (the English name where it has one), for the row report. */
  name: string;
  iso2: string;
  cdpAccount: string | null;
  nztId: string | null;
  kind: string;
  latitude: number | null;
  longitude: number | null;
}

/** A government to create for an unmatched row: a prospect (not a member). */
export interface ProspectPlan {
  tempId: number;
  slug: string;
  kind: GovernmentKind;
  iso2: string;
  regionSlug: string;
  name: string;
  aliases: string[];
  cdpAccount: string | null;
  nztId: string | null;
  latitude: number | null;
  longitude: number | null;
  population: number | null;
  populationYear: number | null;
  areaKm2: number | null;
}

/** How a row found its government. */
export type MatchedBy = 'cdp' | 'nzt' | 'name' | 'likely-name';

export type MatchResult =
  | {
      kind: 'matched';
      ref: GovernmentRef;
      by: MatchedBy;
      /** A match by name that coordinates do not confirm: for a person to confirm. */
      uncertain: boolean;
    }
  | { kind: 'ambiguous'; candidates: GovernmentRef[] }
  /** `others`: governments of the same name kept apart because they carry another key. */
  | { kind: 'none'; others: GovernmentRef[] };

const nameKey = (name: string, iso2: string) => `${searchKey(name)}|${iso2.toUpperCase()}`;
const likelyKeys = (name: string, iso2: string) =>
  nameMatchKeys(name).map((k) => `${k}|${iso2.toUpperCase()}`);

/** "Bogotá Distrito Capital" → "bogota-distrito-capital"; empty for names in other scripts. */
export function slugFromName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/**
 * The names a prospect is created with: the file's names, each bracketed alternative as an
 * alias ("Ciudad de México (Mexico City)" → "Ciudad de México", alias "Mexico City", and the
 * name as written, so that the same file finds it by the very same name).
 */
export function prospectNames(names: readonly string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (name: string) => {
    const key = searchKey(name);
    if (!key || seen.has(key)) return;
    seen.add(key);
    out.push(name);
  };
  for (const name of names) {
    for (const part of nameParts(name)) add(part);
    add(name.trim());
  }
  return out;
}

export class GovernmentIndex {
  private readonly byId = new Map<number, GovernmentRef>();
  private readonly byCdp = new Map<string, number>();
  private readonly byNzt = new Map<string, number>();
  private readonly byName = new Map<string, Set<number>>();
  /** The same names without administrative endings, qualifiers and brackets. */
  private readonly byLikelyName = new Map<string, Set<number>>();
  private readonly slugs = new Set<string>();
  /** Name keys of planned governments, so resolve() need not scan every name. */
  private readonly plannedNameKeys = new Map<number, string[]>();
  private nextTempId = -1;

  static async load(store: Store): Promise<GovernmentIndex> {
    const [governments, names, merged] = await Promise.all([
      store.imports.listGovernmentKeys(),
      store.imports.listGovernmentNames(),
      store.imports.mergedGovernmentKeys(),
    ]);
    return GovernmentIndex.of(governments, names, merged);
  }

  /** An index of the given governments and names (as the directory's rows hold them). */
  static of(
    governments: readonly {
      id: number;
      slug: string;
      country: string;
      kind: string;
      cdp_account: string | null;
      nzt_id: string | null;
      latitude: number | null;
      longitude: number | null;
    }[],
    /** Names and aliases; `kind` and `lang` choose the primary name (else the first given). */
    names: readonly { government_id: number; name: string; kind?: string; lang?: string | null }[],
    merged: readonly {
      kept_government_id: number;
      merged_government_id: number;
      merged_cdp_account: string | null;
      merged_nzt_id: string | null;
    }[] = [],
  ): GovernmentIndex {
    const index = new GovernmentIndex();
    for (const g of governments) {
      index.add({
        id: g.id,
        slug: g.slug,
        name: g.slug,
        iso2: g.country.toUpperCase(),
        cdpAccount: g.cdp_account,
        nztId: g.nzt_id,
        kind: g.kind,
        latitude: g.latitude,
        longitude: g.longitude,
      });
    }
    // The primary name: the English name, else another name, else an alias (else the slug).
    const rank = (n: { kind?: string; lang?: string | null }) =>
      n.kind === 'alias' ? 1 : n.lang === 'en' ? 3 : 2;
    const ranked = new Map<number, number>();
    for (const n of names) {
      const ref = index.byId.get(n.government_id);
      if (!ref) continue;
      index.addName(ref, n.name);
      if (rank(n) > (ranked.get(ref.id) ?? 0)) {
        ranked.set(ref.id, rank(n));
        ref.name = n.name;
      }
    }
    // A merged government's keys stay keys of the government it was merged into (following
    // later merges of that one), unless another government holds them now.
    const into = new Map(merged.map((m) => [m.merged_government_id, m.kept_government_id]));
    const final = (id: number) => {
      let current = id;
      for (let hops = 0; !index.byId.has(current) && into.has(current) && hops < 1000; hops++) {
        current = into.get(current) as number;
      }
      return index.byId.has(current) ? current : undefined;
    };
    for (const m of merged) {
      const kept = final(m.kept_government_id);
      if (kept === undefined) continue;
      if (m.merged_cdp_account && !index.byCdp.has(m.merged_cdp_account)) {
        index.byCdp.set(m.merged_cdp_account, kept);
      }
      if (m.merged_nzt_id && !index.byNzt.has(m.merged_nzt_id)) {
        index.byNzt.set(m.merged_nzt_id, kept);
      }
    }
    return index;
  }

  private add(ref: GovernmentRef): void {
    this.byId.set(ref.id, ref);
    this.slugs.add(ref.slug);
    if (ref.cdpAccount) this.byCdp.set(ref.cdpAccount, ref.id);
    if (ref.nztId) this.byNzt.set(ref.nztId, ref.id);
  }

  private addName(ref: GovernmentRef, name: string): void {
    // Folded here with the same function the directory uses for its search keys.
    const keys: string[] = [];
    const put = (map: Map<string, Set<number>>, key: string, tag: string) => {
      let ids = map.get(key);
      if (!ids) map.set(key, (ids = new Set()));
      ids.add(ref.id);
      keys.push(`${tag}${key}`);
    };
    put(this.byName, nameKey(name, ref.iso2), '=');
    for (const key of likelyKeys(name, ref.iso2)) put(this.byLikelyName, key, '~');
    if (ref.id < 0)
      this.plannedNameKeys.set(ref.id, [...(this.plannedNameKeys.get(ref.id) ?? []), ...keys]);
  }

  /** A government by its slug, real or planned (Accord's own id_code, accord:SLUG, names it so). */
  bySlug(slug: string): GovernmentRef | undefined {
    if (!this.slugs.has(slug)) return undefined;
    for (const ref of this.byId.values()) if (ref.slug === slug) return ref;
    return undefined;
  }

  /**
   * By account number or tracker id first, then by the same name with the same country, then
   * by a likely name (see the top of this file).
   */
  match(subject: Subject): MatchResult {
    const byKey =
      (subject.cdpAccount ? this.byCdp.get(subject.cdpAccount) : undefined) ??
      (subject.nztId ? this.byNzt.get(subject.nztId) : undefined);
    if (byKey !== undefined) {
      const ref = this.byId.get(byKey) as GovernmentRef;
      return {
        kind: 'matched',
        ref,
        by: subject.cdpAccount && this.byCdp.get(subject.cdpAccount) === byKey ? 'cdp' : 'nzt',
        uncertain: false,
      };
    }
    if (!subject.iso2) return { kind: 'none', others: [] };
    const iso2 = subject.iso2;
    const gather = (map: Map<string, Set<number>>, keysOf: (name: string) => string[]) => {
      const ids = new Set<number>();
      for (const name of subject.names) {
        for (const key of keysOf(name)) for (const id of map.get(key) ?? []) ids.add(id);
      }
      return [...ids].map((id) => this.byId.get(id) as GovernmentRef);
    };
    // A government more than 40 km away is another place of the same name.
    const here = (ref: GovernmentRef) => placeVerdict(subject, ref) !== 'far';
    // A government that already carries another CDP account or tracker id is another entity
    // with the same name (a prefecture and its capital city, say).
    const otherKey = (ref: GovernmentRef) =>
      !!(subject.cdpAccount && ref.cdpAccount && ref.cdpAccount !== subject.cdpAccount) ||
      !!(subject.nztId && ref.nztId && ref.nztId !== subject.nztId);
    const sameLevel = (ref: GovernmentRef) => {
      const a = kindLevel(subject.kind);
      const b = kindLevel(ref.kind);
      return a === 'other' || b === 'other' || a === b;
    };

    const exact = gather(this.byName, (n) => [nameKey(n, iso2)]).filter(here);
    const likely = gather(this.byLikelyName, (n) => likelyKeys(n, iso2))
      .filter(here)
      .filter(sameLevel);
    const others: GovernmentRef[] = [];
    for (const [candidates, by] of [
      [exact, 'name'],
      [likely, 'likely-name'],
    ] as const) {
      const fitting = candidates.filter((ref) => !otherKey(ref));
      for (const ref of candidates) if (otherKey(ref) && !others.includes(ref)) others.push(ref);
      if (fitting.length === 1) {
        const ref = fitting[0] as GovernmentRef;
        return { kind: 'matched', ref, by, uncertain: placeVerdict(subject, ref) !== 'same' };
      }
      if (fitting.length > 1) {
        return {
          kind: 'ambiguous',
          candidates: [...fitting].sort((a, b) => a.slug.localeCompare(b.slug)),
        };
      }
    }
    return { kind: 'none', others };
  }

  /**
   * Records the row's account number or tracker id on a government matched by name, so the
   * next run matches it by key. Returns what to write, or null when there is nothing new.
   */
  link(
    ref: GovernmentRef,
    subject: Subject,
  ): { cdpAccount: string | null; nztId: string | null } | null {
    const cdpAccount =
      subject.cdpAccount && !ref.cdpAccount && !this.byCdp.has(subject.cdpAccount)
        ? subject.cdpAccount
        : null;
    const nztId =
      subject.nztId && !ref.nztId && !this.byNzt.has(subject.nztId) ? subject.nztId : null;
    if (!cdpAccount && !nztId) return null;
    if (cdpAccount) {
      ref.cdpAccount = cdpAccount;
      this.byCdp.set(cdpAccount, ref.id);
    }
    if (nztId) {
      ref.nztId = nztId;
      this.byNzt.set(nztId, ref.id);
    }
    return { cdpAccount, nztId };
  }

  /** Plans a prospect for a subject nobody matched, and makes later rows match it. */
  planProspect(
    subject: Subject,
  ): { plan: ProspectPlan; ref: GovernmentRef } | { error: ImportReason } {
    const name = subject.names[0];
    if (!name) return { error: { code: 'no-name-for-government' } };
    if (!subject.iso2) {
      const value = clip(subject.country ?? '', 80) as string;
      return { error: { code: 'country-unknown', params: { value } } };
    }
    const names = prospectNames(subject.names);
    const first = names[0] ?? name;
    const plan: ProspectPlan = {
      tempId: this.nextTempId--,
      slug: this.uniqueSlug(first, subject),
      kind: subject.kind,
      iso2: subject.iso2,
      regionSlug: regionFor(subject.iso2, subject.cdpRegion),
      name: clip(first, 200) as string,
      aliases: names.slice(1).map((alias) => clip(alias, 200) as string),
      cdpAccount: subject.cdpAccount,
      nztId: subject.nztId,
      latitude: subject.latitude,
      longitude: subject.longitude,
      population: subject.population,
      populationYear: subject.populationYear,
      areaKm2: subject.areaKm2,
    };
    const ref: GovernmentRef = {
      id: plan.tempId,
      slug: plan.slug,
      name: plan.name,
      iso2: plan.iso2,
      cdpAccount: plan.cdpAccount,
      nztId: plan.nztId,
      kind: plan.kind,
      latitude: plan.latitude,
      longitude: plan.longitude,
    };
    this.add(ref);
    for (const n of [plan.name, ...plan.aliases]) this.addName(ref, n);
    return { plan, ref };
  }

  /** After the insert: the planned government has its real id. */
  resolve(tempId: number, id: number): void {
    const ref = this.byId.get(tempId);
    if (!ref) return;
    this.byId.delete(tempId);
    ref.id = id;
    this.byId.set(id, ref);
    if (ref.cdpAccount) this.byCdp.set(ref.cdpAccount, id);
    if (ref.nztId) this.byNzt.set(ref.nztId, id);
    for (const tagged of this.plannedNameKeys.get(tempId) ?? []) {
      const map = tagged.startsWith('=') ? this.byName : this.byLikelyName;
      const ids = map.get(tagged.slice(1));
      if (ids?.delete(tempId)) ids.add(id);
    }
    this.plannedNameKeys.delete(tempId);
  }

  private uniqueSlug(name: string, subject: Subject): string {
    const fallback = `government-${slugFromName(subject.cdpAccount ?? subject.nztId ?? '') || 'new'}`;
    const base = slugFromName(name) || fallback;
    const country = (subject.iso2 ?? '').toLowerCase();
    const tries = [base, country ? `${base}-${country}` : base];
    for (const candidate of tries) if (!this.slugs.has(candidate)) return candidate;
    const stem = tries[tries.length - 1] as string;
    for (let n = 2; ; n++) {
      const candidate = `${stem}-${n}`;
      if (!this.slugs.has(candidate)) return candidate;
    }
  }
}

/** Inserts planned prospects with their names and a non-member membership; returns real ids. */
export async function insertProspects(
  tx: Store,
  plans: ProspectPlan[],
  regionIds: ReadonlyMap<string, number>,
): Promise<Map<number, number>> {
  const ids = new Map<number, number>();
  if (plans.length === 0) return ids;
  const now = nowIso();
  const fallbackRegion = regionIds.get('global');
  const created = await tx.members.insertGovernments(
    plans.map((p) => {
      const regionId = regionIds.get(p.regionSlug) ?? fallbackRegion;
      if (regionId === undefined) throw new Error(`no region "${p.regionSlug}" in the database`);
      return {
        slug: p.slug,
        kind: p.kind,
        country: p.iso2,
        region_id: regionId,
        local_lang: 'en',
        population: p.population,
        population_year: p.populationYear,
        area_km2: p.areaKm2,
        latitude: p.latitude,
        longitude: p.longitude,
        unlocode: null,
        cdp_account: p.cdpAccount,
        website: null,
        is_demo: 0,
        nzt_id: p.nztId,
        created_at: now,
        updated_at: now,
      };
    }),
  );
  plans.forEach((p, i) => ids.set(p.tempId, created[i] as number));
  await tx.members.insertGovernmentNames(
    plans.flatMap((p) => {
      const id = ids.get(p.tempId) as number;
      return [
        {
          government_id: id,
          lang: 'en',
          kind: 'name' as const,
          name: p.name,
          search_key: searchKey(p.name),
        },
        ...p.aliases.map((alias) => ({
          government_id: id,
          lang: null,
          kind: 'alias' as const,
          name: alias,
          search_key: searchKey(alias),
        })),
      ];
    }),
  );
  await tx.members.insertMemberships(
    plans.map((p) => ({
      government_id: ids.get(p.tempId) as number,
      category: 'non-member',
      status: 'none',
      since: null,
    })),
  );
  return ids;
}

/** Writes account numbers and tracker ids learnt by name matching, one statement per column. */
export async function linkGovernments(
  tx: Store,
  links: { governmentId: number; cdpAccount: string | null; nztId: string | null }[],
): Promise<void> {
  const now = nowIso();
  const cdp = links.flatMap((l) =>
    l.cdpAccount === null ? [] : [{ id: l.governmentId, cdpAccount: l.cdpAccount }],
  );
  const nzt = links.flatMap((l) =>
    l.nztId === null ? [] : [{ id: l.governmentId, nztId: l.nztId }],
  );
  if (cdp.length) await tx.members.updateGovernmentsCdpAccount(cdp, now);
  if (nzt.length) await tx.members.updateGovernmentsNztId(nzt, now);
}
