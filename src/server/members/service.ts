import { textFor } from '../../core/names';
import { isLocale } from '../../core/locales';
import type { Actor } from '../../core/roles';
import { changedFields, recordAudit, type AuditActor } from '../audit/service';
import { nowIso } from '../clock';
import { authorize } from '../http/authorize';
import { claimedVersion, type ExpectedVersions } from '../http/preconditions';
import { conflict, HttpProblem, invalidField, notFound } from '../http/problem';
import type { Store } from '../store';
import { presentGovernment, presentSummary } from './present';
import type { GovernmentSortKey, updateGovernmentRow } from './repository';
import type { Government, GovernmentCreate, GovernmentPatch, GovernmentQuery } from './schemas';

type Names = Record<string, string>;

/** A directory query with its defaults: everything a page of the directory depends on. */
function directoryRequest(query: GovernmentQuery) {
  return {
    q: query.q,
    region: query.region,
    country: query.country,
    category: query.category,
    page: query.page ?? 1,
    pageSize: query.pageSize ?? 20,
    // A search without a chosen sort is ranked by relevance; a sort the user chooses wins.
    sort: query.sort ?? (query.q?.trim() ? 'relevance' : 'name'),
    lang: isLocale(query.lang) ? query.lang : 'en',
  };
}

/** The key of a directory page among the kept answers (with the data version beside it). */
export function directoryPageKey(query: GovernmentQuery): string {
  const r = directoryRequest(query);
  return JSON.stringify([
    r.q ?? null,
    r.region ?? null,
    r.country ?? null,
    r.category ?? null,
    r.page,
    r.pageSize,
    r.sort,
    r.lang,
  ]);
}

export async function listGovernmentsPage(store: Store, query: GovernmentQuery) {
  const { page, pageSize, sort, lang } = directoryRequest(query);
  const descending = sort.startsWith('-');
  const { rows, total } = await store.members.listGovernments(
    { q: query.q, region: query.region, country: query.country, category: query.category },
    { key: sort.replace('-', '') as GovernmentSortKey, descending, lang },
    page,
    pageSize,
  );
  const names = await store.members.namesOf(rows.map((r) => r.id));
  return {
    items: rows.map((r) => presentSummary(r, names.get(r.id))),
    total,
    page,
    pageSize,
  };
}

/** Today in UTC: the day office holders are judged current on. */
export const today = () => nowIso().slice(0, 10);

async function loadGovernment(store: Store, slug: string): Promise<Government | undefined> {
  const row = await store.members.findGovernmentBySlug(slug);
  if (!row) return undefined;
  const [names, positions] = await Promise.all([
    store.members.namesOf([row.id]),
    store.members.positionsOfGovernment(row.id),
  ]);
  return presentGovernment(row, names.get(row.id), positions, today());
}

export async function getGovernment(store: Store, slug: string): Promise<Government> {
  const gov = await loadGovernment(store, slug);
  if (!gov) throw notFound('government', `no government "${slug}"`);
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
  if (names && !names.en?.trim())
    throw invalidField('/names/en', 'english-name-required', 'an English name is required');
  if (names && localLang && !names[localLang]) {
    throw invalidField('/localLang', 'no-name-in-language', `there is no name in "${localLang}"`);
  }
}

function checkPopulationYear(population: number | null, year: number | null) {
  if (population !== null && year === null) {
    throw invalidField(
      '/populationYear',
      'population-year-missing',
      'give the year the population was counted',
    );
  }
  if (year !== null && year > new Date().getUTCFullYear()) {
    throw invalidField('/populationYear', 'in-future', 'cannot be in the future');
  }
}

function rowValues(patch: GovernmentPatch) {
  const v: Parameters<typeof updateGovernmentRow>[2] = {};
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
  store: Store,
  account: string | null | undefined,
  selfId?: number,
) {
  if (!account) return;
  const other = await store.members.findGovernmentByCdpAccount(account);
  if (other && other.id !== selfId) {
    throw conflict('cdp-account-taken', `CDP account ${account} belongs to ${other.slug}`, {
      params: { account },
      pointer: '/cdpAccount',
      fieldDetail: `already used by ${other.slug}`,
    });
  }
}

export async function updateGovernment(
  store: Store,
  actor: AuditActor,
  slug: string,
  patch: GovernmentPatch,
  expected?: ExpectedVersions,
): Promise<Government> {
  return store.transaction(async (tx) => {
    const seen = await tx.members.findGovernmentIdBySlug(slug);
    if (seen === undefined) throw notFound('government', `no government "${slug}"`);
    const subject = { governmentId: seen };
    authorize(
      actor,
      'government.edit',
      subject,
      `You may edit only your own government's record, not "${slug}".`,
    );
    if (patch.membership) {
      authorize(
        actor,
        'government.editMembership',
        subject,
        'Only the secretariat changes membership.',
      );
      throw membershipByYears(slug);
    }
    if (patch.region !== undefined) {
      authorize(
        actor,
        'government.editRegion',
        subject,
        'Only the secretariat moves a government to another region.',
      );
    }
    // Concurrent changes of the record queue here; each then reads what the one before wrote.
    claimedVersion(await tx.members.claimGovernmentVersion(seen, expected));
    const before = (await loadGovernment(tx, slug)) as Government;
    checkNames(patch.names, patch.localLang ?? before.localLang);
    if (patch.localLang && !patch.names && !before.names[patch.localLang]) {
      throw invalidField(
        '/localLang',
        'no-name-in-language',
        `there is no name in "${patch.localLang}"`,
      );
    }
    checkPopulationYear(
      patch.population !== undefined ? patch.population : before.population,
      patch.populationYear !== undefined ? patch.populationYear : before.populationYear,
    );
    await assertCdpAccountFree(tx, patch.cdpAccount, before.id);
    const values = rowValues(patch);
    if (patch.region !== undefined) {
      const regionId = await tx.members.findRegionIdBySlug(patch.region);
      if (regionId === undefined)
        throw invalidField('/region', 'unknown-reference', `no region "${patch.region}"`, {
          record: 'region',
        });
      values.region_id = regionId;
    }
    await tx.members.updateGovernmentRow(before.id, { ...values, updated_at: nowIso() });
    if (patch.names || patch.aliases) {
      await tx.members.replaceNames(
        before.id,
        patch.names ?? (before.names as Names),
        patch.aliases ?? before.aliases,
      );
    }
    const after = (await loadGovernment(tx, slug)) as Government;
    const diff = changedFields(auditView(before), auditView(after));
    if (Object.keys(diff.after).length > 0) {
      await recordAudit(tx, actor, {
        action: 'update',
        entityType: 'government',
        entityId: before.id,
        summary: `${textFor(before.names, 'en') || slug}: ${Object.keys(diff.after).join(', ')} changed`,
        before: diff.before,
        after: diff.after,
      });
    }
    return after;
  });
}

/**
 * A government's membership is not a field of its record: its category, status and first day
 * follow its years of membership (the membership area adds them, and suspends), so a status
 * typed by hand can never disagree with the periods, the invoices and the daily job.
 */
function membershipByYears(slug: string): HttpProblem {
  return new HttpProblem(
    422,
    'Unprocessable Content',
    `membership follows the years of membership: start or renew a year, change the category or suspend at /api/v1/governments/${slug}/membership`,
    [
      {
        pointer: '/membership',
        detail: 'follows the years of membership',
        code: 'membership-by-years',
      },
    ],
    undefined,
    'membership-by-years',
  );
}

export async function createGovernment(
  store: Store,
  actor: AuditActor,
  input: GovernmentCreate,
): Promise<Government> {
  authorize(actor, 'government.create', {}, 'Only administrators may do this.');
  if (input.membership) throw membershipByYears(input.slug);
  checkNames(input.names, input.localLang);
  checkPopulationYear(input.population ?? null, input.populationYear ?? null);
  return store.transaction(async (tx) => {
    if (await tx.members.findGovernmentIdBySlug(input.slug)) {
      throw conflict('duplicate-value', `slug "${input.slug}" is taken`, {
        pointer: '/slug',
        fieldDetail: 'is already used by another government',
      });
    }
    await assertCdpAccountFree(tx, input.cdpAccount);
    const regionId = await tx.members.findRegionIdBySlug(input.region);
    if (regionId === undefined)
      throw invalidField('/region', 'unknown-reference', `no region "${input.region}"`, {
        record: 'region',
      });
    const now = nowIso();
    const id = await tx.members.insertGovernment({
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
    await tx.members.replaceNames(id, input.names as Names, input.aliases ?? []);
    // A new government is a prospect; its membership starts with its first year.
    await tx.members.upsertMembership(id, { category: 'non-member', status: 'none', since: null });
    const created = (await loadGovernment(tx, input.slug)) as Government;
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'government',
      entityId: id,
      summary: `${input.names.en} added`,
      after: auditView(created),
    });
    return created;
  });
}

export function listRegions(store: Store) {
  return store.members.listRegions();
}

export type { Actor };
