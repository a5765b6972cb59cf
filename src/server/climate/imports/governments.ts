import { searchKey } from '../../../core/names';
import type { GovernmentKind } from '../../../core/membership';
import { nowIso } from '../../clock';
import type { Store } from '../../store';
import { clip } from './values';
import type { Subject } from './mapping';
import { regionFor } from './regions';

/**
 * Matching import rows to governments, set-based: the directory's keys (CDP account numbers,
 * Net Zero Tracker ids, every name and alias folded with the country) are read once per run
 * into maps, and governments the run creates are added to them as it goes, so a dry run sees
 * what a real run would have created by then.
 */

export interface GovernmentRef {
  /** Negative while the government exists only in the run's plan (not inserted yet). */
  id: number;
  slug: string;
  iso2: string;
  cdpAccount: string | null;
  nztId: string | null;
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

export type MatchResult =
  | { kind: 'matched'; ref: GovernmentRef; by: 'cdp' | 'nzt' | 'name' }
  | { kind: 'ambiguous'; slugs: string[] }
  | { kind: 'none' };

const nameKey = (name: string, iso2: string) => `${searchKey(name)}|${iso2.toUpperCase()}`;

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

export class GovernmentIndex {
  private readonly byId = new Map<number, GovernmentRef>();
  private readonly byCdp = new Map<string, number>();
  private readonly byNzt = new Map<string, number>();
  private readonly byName = new Map<string, Set<number>>();
  private readonly slugs = new Set<string>();
  /** Name keys of planned governments, so resolve() need not scan every name. */
  private readonly plannedNameKeys = new Map<number, string[]>();
  private nextTempId = -1;

  static async load(store: Store): Promise<GovernmentIndex> {
    const index = new GovernmentIndex();
    const governments = await store.imports.listGovernmentKeys();
    for (const g of governments) {
      index.add({
        id: g.id,
        slug: g.slug,
        iso2: g.country.toUpperCase(),
        cdpAccount: g.cdp_account,
        nztId: g.nzt_id,
      });
    }
    const names = await store.imports.listGovernmentNames();
    for (const n of names) {
      const ref = index.byId.get(n.government_id);
      if (ref) index.addName(ref, n.name);
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
    const key = nameKey(name, ref.iso2);
    let ids = this.byName.get(key);
    if (!ids) this.byName.set(key, (ids = new Set()));
    ids.add(ref.id);
    if (ref.id < 0)
      this.plannedNameKeys.set(ref.id, [...(this.plannedNameKeys.get(ref.id) ?? []), key]);
  }

  /** A government by its slug (Accord's own id_code, accord:SLUG, names it so). */
  bySlug(slug: string): GovernmentRef | undefined {
    if (!this.slugs.has(slug)) return undefined;
    for (const ref of this.byId.values()) if (ref.slug === slug) return ref;
    return undefined;
  }

  /** By account number or tracker id first, then by any name with the same country. */
  match(subject: Subject): MatchResult {
    const byKey =
      (subject.cdpAccount ? this.byCdp.get(subject.cdpAccount) : undefined) ??
      (subject.nztId ? this.byNzt.get(subject.nztId) : undefined);
    if (byKey !== undefined) {
      const ref = this.byId.get(byKey) as GovernmentRef;
      return { kind: 'matched', ref, by: subject.cdpAccount && ref.cdpAccount ? 'cdp' : 'nzt' };
    }
    if (!subject.iso2) return { kind: 'none' };
    const candidates = new Set<number>();
    for (const name of subject.names) {
      for (const id of this.byName.get(nameKey(name, subject.iso2)) ?? []) candidates.add(id);
    }
    // A government that already carries another CDP account or tracker id is another entity
    // with the same name (a prefecture and its capital city, say).
    const fitting = [...candidates]
      .map((id) => this.byId.get(id) as GovernmentRef)
      .filter(
        (ref) =>
          !(subject.cdpAccount && ref.cdpAccount && ref.cdpAccount !== subject.cdpAccount) &&
          !(subject.nztId && ref.nztId && ref.nztId !== subject.nztId),
      );
    if (fitting.length === 1)
      return { kind: 'matched', ref: fitting[0] as GovernmentRef, by: 'name' };
    if (fitting.length > 1) return { kind: 'ambiguous', slugs: fitting.map((r) => r.slug).sort() };
    return { kind: 'none' };
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
  planProspect(subject: Subject): { plan: ProspectPlan; ref: GovernmentRef } | { error: string } {
    const name = subject.names[0];
    if (!name) return { error: 'no name to create a government from' };
    if (!subject.iso2) {
      return { error: `country unknown ("${subject.country ?? ''}"): no government created` };
    }
    const plan: ProspectPlan = {
      tempId: this.nextTempId--,
      slug: this.uniqueSlug(name, subject),
      kind: subject.kind,
      iso2: subject.iso2,
      regionSlug: regionFor(subject.iso2, subject.cdpRegion),
      name: clip(name, 200) as string,
      aliases: subject.names.slice(1).map((alias) => clip(alias, 200) as string),
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
      iso2: plan.iso2,
      cdpAccount: plan.cdpAccount,
      nztId: plan.nztId,
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
    for (const key of this.plannedNameKeys.get(tempId) ?? []) {
      const ids = this.byName.get(key);
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
