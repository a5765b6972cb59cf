import { isLocale } from '../../core/locales';
import { canEditGovernment, type Actor } from '../../core/roles';
import { changedFields, recordAuditOnExecutor, type AuditActor } from '../audit/service';
import type { Db } from '../db/database';
import { nowIso, type Executor } from '../db/types';
import { conflict, forbidden, invalidField, notFound } from '../http/problem';
import * as repo from './repository';
import type { GovernmentRow, NameRow } from './repository';
import type {
  Government,
  GovernmentCreate,
  GovernmentPatch,
  GovernmentQuery,
  GovernmentSummary,
  OfficeHolder,
} from './schemas';

type Names = Record<string, string>;

function splitNames(rows: NameRow[] | undefined): { names: Names; aliases: string[] } {
  const names: Names = {};
  const aliases: string[] = [];
  for (const r of rows ?? []) {
    if (r.kind === 'alias') aliases.push(r.name);
    else if (r.lang) names[r.lang] = r.name;
  }
  return { names, aliases };
}

function presentSummary(row: GovernmentRow, nameRows: NameRow[] | undefined): GovernmentSummary {
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

export async function listGovernmentsPage(db: Db, query: GovernmentQuery) {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const sort = query.sort ?? 'name';
  const descending = sort.startsWith('-');
  const { rows, total } = await repo.listGovernments(
    db.kysely,
    { q: query.q, region: query.region, country: query.country, category: query.category },
    {
      key: sort.replace('-', '') as repo.GovernmentSortKey,
      descending,
      lang: isLocale(query.lang) ? query.lang : 'en',
    },
    page,
    pageSize,
  );
  const names = await repo.namesOf(
    db.kysely,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => presentSummary(r, names.get(r.id))),
    total,
    page,
    pageSize,
  };
}

const today = () => nowIso().slice(0, 10);

async function loadGovernment(db: Executor, slug: string): Promise<Government | undefined> {
  const row = await repo.findGovernmentBySlug(db, slug);
  if (!row) return undefined;
  const [names, positions] = await Promise.all([
    repo.namesOf(db, [row.id]),
    repo.positionsOfGovernment(db, row.id),
  ]);
  const holders: OfficeHolder[] = positions.map((p) => ({
    positionId: p.position_id,
    personId: p.person_id,
    fullName: p.full_name,
    personNames: JSON.parse(p.names) as Names,
    title: p.title as OfficeHolder['title'],
    startDate: p.start_date,
    endDate: p.end_date,
  }));
  const now = today();
  return {
    ...presentSummary(row, names.get(row.id)),
    areaKm2: row.area_km2,
    unlocode: row.unlocode,
    cdpAccount: row.cdp_account,
    website: row.website,
    officeHolders: holders.filter(
      (h) => (!h.endDate || h.endDate >= now) && (!h.startDate || h.startDate <= now),
    ),
    positions: holders,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function getGovernment(db: Db, slug: string): Promise<Government> {
  const gov = await loadGovernment(db.kysely, slug);
  if (!gov) throw notFound(`no government "${slug}"`);
  return gov;
}

/** The fields of a government as the audit log records them. */
function auditView(g: Government) {
  return {
    names: g.names,
    aliases: g.aliases,
    kind: g.kind,
    country: g.country,
    region: g.region,
    localLang: g.localLang,
    population: g.population,
    populationYear: g.populationYear,
    areaKm2: g.areaKm2,
    latitude: g.latitude,
    longitude: g.longitude,
    unlocode: g.unlocode,
    cdpAccount: g.cdpAccount,
    website: g.website,
    membership: g.membership,
  };
}

function checkNames(names: Names | undefined, localLang: string | undefined) {
  if (names && !names.en?.trim()) throw invalidField('/names/en', 'an English name is required');
  if (names && localLang && !names[localLang]) {
    throw invalidField('/localLang', `there is no name in "${localLang}"`);
  }
}

function checkPopulationYear(population: number | null, year: number | null) {
  if (population !== null && year === null) {
    throw invalidField('/populationYear', 'give the year the population was counted');
  }
  if (year !== null && year > new Date().getUTCFullYear()) {
    throw invalidField('/populationYear', 'cannot be in the future');
  }
}

function rowValues(patch: GovernmentPatch) {
  const v: Parameters<typeof repo.updateGovernmentRow>[2] = {};
  if (patch.kind !== undefined) v.kind = patch.kind;
  if (patch.country !== undefined) v.country = patch.country;
  if (patch.localLang !== undefined) v.local_lang = patch.localLang;
  if (patch.population !== undefined) v.population = patch.population;
  if (patch.populationYear !== undefined) v.population_year = patch.populationYear;
  if (patch.areaKm2 !== undefined) v.area_km2 = patch.areaKm2;
  if (patch.latitude !== undefined) v.latitude = patch.latitude;
  if (patch.longitude !== undefined) v.longitude = patch.longitude;
  if (patch.unlocode !== undefined) v.unlocode = patch.unlocode?.replace(' ', '') ?? null;
  if (patch.cdpAccount !== undefined) v.cdp_account = patch.cdpAccount;
  if (patch.website !== undefined) v.website = patch.website;
  return v;
}

async function assertCdpAccountFree(
  db: Executor,
  account: string | null | undefined,
  selfId?: number,
) {
  if (!account) return;
  const other = await db
    .selectFrom('governments')
    .where('cdp_account', '=', account)
    .select(['id', 'slug'])
    .executeTakeFirst();
  if (other && other.id !== selfId) {
    throw conflict(`CDP account ${account} belongs to ${other.slug}`, [
      { pointer: '/cdpAccount', detail: `already used by ${other.slug}` },
    ]);
  }
}

export async function updateGovernment(
  db: Db,
  actor: AuditActor,
  slug: string,
  patch: GovernmentPatch,
): Promise<Government> {
  return db.kysely.transaction().execute(async (trx) => {
    const before = await loadGovernment(trx, slug);
    if (!before) throw notFound(`no government "${slug}"`);
    if (!canEditGovernment(actor, before.id)) {
      throw forbidden(`You may edit only your own government's record, not "${slug}".`);
    }
    if (patch.membership && actor.role !== 'admin') {
      throw forbidden('Only the secretariat changes membership.');
    }
    if (patch.region !== undefined && actor.role !== 'admin') {
      throw forbidden('Only the secretariat moves a government to another region.');
    }
    checkNames(patch.names, patch.localLang ?? before.localLang);
    if (patch.localLang && !patch.names && !before.names[patch.localLang]) {
      throw invalidField('/localLang', `there is no name in "${patch.localLang}"`);
    }
    checkPopulationYear(
      patch.population !== undefined ? patch.population : before.population,
      patch.populationYear !== undefined ? patch.populationYear : before.populationYear,
    );
    await assertCdpAccountFree(trx, patch.cdpAccount, before.id);
    const values = rowValues(patch);
    if (patch.region !== undefined) {
      const regionId = await repo.findRegionIdBySlug(trx, patch.region);
      if (regionId === undefined) throw invalidField('/region', `no region "${patch.region}"`);
      values.region_id = regionId;
    }
    await repo.updateGovernmentRow(trx, before.id, { ...values, updated_at: nowIso() });
    if (patch.names || patch.aliases) {
      await repo.replaceNames(
        trx,
        before.id,
        patch.names ?? (before.names as Names),
        patch.aliases ?? before.aliases,
      );
    }
    if (patch.membership) {
      await repo.upsertMembership(trx, before.id, {
        category: patch.membership.category,
        status: patch.membership.status,
        since: patch.membership.since ?? before.membership.since,
      });
    }
    const after = (await loadGovernment(trx, slug)) as Government;
    const diff = changedFields(auditView(before), auditView(after));
    if (Object.keys(diff.after).length > 0) {
      await recordAuditOnExecutor(trx, actor, {
        action: 'update',
        entityType: 'government',
        entityId: before.id,
        summary: `${before.names.en ?? slug}: ${Object.keys(diff.after).join(', ')} changed`,
        before: diff.before,
        after: diff.after,
      });
    }
    return after;
  });
}

export async function createGovernment(
  db: Db,
  actor: AuditActor,
  input: GovernmentCreate,
): Promise<Government> {
  if (actor.role !== 'admin') throw forbidden('Only administrators add governments.');
  checkNames(input.names, input.localLang);
  checkPopulationYear(input.population ?? null, input.populationYear ?? null);
  return db.kysely.transaction().execute(async (trx) => {
    if (await repo.findGovernmentIdBySlug(trx, input.slug)) {
      throw conflict(`slug "${input.slug}" is taken`, [
        { pointer: '/slug', detail: 'is already used by another government' },
      ]);
    }
    await assertCdpAccountFree(trx, input.cdpAccount);
    const regionId = await repo.findRegionIdBySlug(trx, input.region);
    if (regionId === undefined) throw invalidField('/region', `no region "${input.region}"`);
    const now = nowIso();
    const id = await repo.insertGovernment(trx, {
      slug: input.slug,
      kind: input.kind,
      country: input.country,
      region_id: regionId,
      local_lang: input.localLang,
      population: input.population ?? null,
      population_year: input.populationYear ?? null,
      area_km2: input.areaKm2 ?? null,
      latitude: input.latitude ?? null,
      longitude: input.longitude ?? null,
      unlocode: input.unlocode?.replace(' ', '') ?? null,
      cdp_account: input.cdpAccount ?? null,
      website: input.website ?? null,
      is_demo: 0,
      created_at: now,
      updated_at: now,
    });
    await repo.replaceNames(trx, id, input.names as Names, input.aliases ?? []);
    await repo.upsertMembership(trx, id, {
      category: input.membership?.category ?? 'non-member',
      status: input.membership?.status ?? 'none',
      since: input.membership?.since ?? null,
    });
    const created = (await loadGovernment(trx, input.slug)) as Government;
    await recordAuditOnExecutor(trx, actor, {
      action: 'create',
      entityType: 'government',
      entityId: id,
      summary: `${input.names.en} added`,
      after: auditView(created),
    });
    return created;
  });
}

export function listRegions(db: Db) {
  return repo.listRegions(db.kysely);
}

export type { Actor };
