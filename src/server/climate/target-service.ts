import {
  missingTargetFields,
  TARGET_TYPE_FIELDS,
  type TargetTypeField,
} from '../../core/climate/target-fields';
import { cleanTranslations, retitled } from '../../core/translations';
import type { AuditActor } from '../audit/service';
import { nowIso } from '../clock';
import { parseTexts } from '../db/texts';
import { claimedVersion, type ExpectedVersions } from '../http/preconditions';
import { invalidField, notFound } from '../http/problem';
import type { Store } from '../store';
import {
  editableGovernment,
  editableGovernmentBySlug,
  governmentById,
  governmentOrThrow,
} from './access';
import { presentTarget, TARGET_FIELD_COLUMNS, targetSnapshot } from './present';
import type { TargetRow } from './repository';
import type { Target, TargetCreate, TargetPatch } from './schemas';
import { assess, currentYear, seriesOfGovernments } from './series';
import { recordVersionedWrite } from './versions';

/** Targets: reading them with their assessment, and adding, changing and deleting them. */

export async function targetsOf(
  store: Store,
  slug: string,
  asOfYear = currentYear(),
): Promise<Target[]> {
  const gov = await governmentOrThrow(store, slug);
  const [rows, seriesMap] = await Promise.all([
    store.climate.targetsOfGovernments([gov.id]),
    seriesOfGovernments(store, [gov]),
  ]);
  const series = seriesMap.get(gov.id) ?? [];
  return rows.map((r) => presentTarget(r, slug, rows, assess(r, series, gov, asOfYear)));
}

export async function getTarget(
  store: Store,
  id: number,
  asOfYear = currentYear(),
): Promise<Target> {
  const row = await store.climate.findTarget(id);
  if (!row) throw notFound('target', `no target ${id}`);
  const gov = await governmentById(store, row.government_id);
  const [rows, seriesMap] = await Promise.all([
    store.climate.targetsOfGovernments([gov.id]),
    seriesOfGovernments(store, [gov]),
  ]);
  return presentTarget(
    row,
    gov.slug,
    rows,
    assess(row, seriesMap.get(gov.id) ?? [], gov, asOfYear),
  );
}

type TargetInput = TargetCreate | TargetPatch;
type TargetValues = Partial<Omit<TargetRow, 'id'>>;

/** The columns an input sets (absent fields are left as they are). */
function targetValues(input: TargetInput): TargetValues {
  const v: TargetValues = {};
  const set = <K extends keyof TargetValues>(key: K, value: TargetValues[K] | undefined) => {
    if (value !== undefined) v[key] = value;
  };
  set('parent_target_id', input.parentTargetId);
  set('type', input.type);
  set('title', input.title?.trim());
  if (input.titles) v.titles = JSON.stringify(cleanTranslations(input.titles));
  set('description', input.description);
  for (const field of TARGET_TYPE_FIELDS) set(TARGET_FIELD_COLUMNS[field], input[field]);
  if (input.coverage) {
    v.coverage_gases = JSON.stringify(input.coverage.gases);
    v.coverage_scopes = JSON.stringify([...input.coverage.scopes].sort());
    v.coverage_sectors = JSON.stringify(input.coverage.sectors);
    v.boundary = input.coverage.boundary;
  }
  set('status', input.status);
  set('date_set', input.dateSet);
  set('source_url', input.sourceUrl);
  set('source_document', input.sourceDocument);
  if (input.initiatives) v.initiatives = JSON.stringify(input.initiatives);
  if (input.offsetsAllowed !== undefined) {
    v.offsets_allowed = input.offsetsAllowed === null ? null : input.offsetsAllowed ? 1 : 0;
  }
  return v;
}

/** Rules a schema cannot say: what each type of target needs, and years in order. */
async function checkTarget(store: Store, governmentId: number, t: TargetValues, selfId?: number) {
  if (t.type) {
    const values: Partial<Record<TargetTypeField, unknown>> = {};
    for (const field of TARGET_TYPE_FIELDS) values[field] = t[TARGET_FIELD_COLUMNS[field]];
    const [missing] = missingTargetFields(t.type, values);
    if (missing) throw invalidField(`/${missing.field}`, 'required', missing.detail);
  }
  if (t.base_year != null && t.target_year != null && t.target_year <= t.base_year) {
    throw invalidField('/targetYear', 'target-year-before-base', 'must be after the base year');
  }
  if (t.parent_target_id != null) {
    if (t.parent_target_id === selfId)
      throw invalidField(
        '/parentTargetId',
        'target-own-parent',
        'a target cannot be its own end target',
      );
    const parent = await store.climate.findTarget(t.parent_target_id);
    if (!parent || parent.government_id !== governmentId) {
      throw invalidField(
        '/parentTargetId',
        'target-of-other-government',
        'must be a target of the same government',
      );
    }
    if (parent.target_year != null && t.target_year != null && parent.target_year < t.target_year) {
      throw invalidField(
        '/parentTargetId',
        'interim-after-end',
        'an interim target must come before its end target',
      );
    }
  }
}

export function createTarget(
  store: Store,
  actor: AuditActor,
  slug: string,
  input: TargetCreate,
): Promise<Target> {
  return store.transaction(async (tx) => {
    const gov = await editableGovernmentBySlug(tx, actor, slug);
    const values = targetValues(input);
    await checkTarget(tx, gov.id, values);
    const now = nowIso();
    const id = await tx.climate.insertTarget({
      coverage_gases: '[]',
      coverage_scopes: '[]',
      coverage_sectors: '[]',
      initiatives: '[]',
      boundary: 'unknown',
      ...values,
      government_id: gov.id,
      type: input.type,
      title: input.title.trim(),
      status: input.status,
      version: 1,
      created_at: now,
      updated_at: now,
    });
    const target = await getTarget(tx, id);
    const snapshot = targetSnapshot(target);
    await recordVersionedWrite(
      tx,
      actor,
      [{ type: 'target', id, version: 1, change: 'create', snapshot }],
      { summary: `${slug}: target "${target.title}" added`, after: snapshot },
    );
    return target;
  });
}

export function updateTarget(
  store: Store,
  actor: AuditActor,
  id: number,
  patch: TargetPatch,
  change: 'update' | 'restore' = 'update',
  expected?: ExpectedVersions,
): Promise<Target> {
  return store.transaction(async (tx) => {
    const seen = await tx.climate.findTarget(id);
    if (!seen) throw notFound('target', `no target ${id}`);
    const gov = await editableGovernment(tx, actor, seen.government_id);
    // Concurrent changes of the target queue here; each then reads what the one before wrote.
    const version = claimedVersion(await tx.climate.claimTargetVersion(id, expected));
    const row = await tx.climate.findTarget(id);
    if (!row) throw notFound('target', `no target ${id}`);
    // Read after the claim, the row already carries the new version; the audit's before does not.
    const before = { ...targetSnapshot(await getTarget(tx, id)), version: version - 1 };
    const values = targetValues(patch);
    // A new title without its translations keeps them (the original's own language follows).
    if (values.title !== undefined && values.titles === undefined && values.title !== row.title) {
      values.titles = JSON.stringify(
        retitled(parseTexts(row.titles, { table: 'climate_targets', id }), row.title, values.title),
      );
    }
    await checkTarget(tx, gov.id, { ...row, ...values }, id);
    await tx.climate.updateTarget(id, { ...values, updated_at: nowIso() });
    const after = await getTarget(tx, id);
    const snapshot = targetSnapshot(after);
    await recordVersionedWrite(tx, actor, [{ type: 'target', id, version, change, snapshot }], {
      summary: `${gov.slug}: target "${after.title}" ${change === 'restore' ? 'restored' : 'changed'}`,
      before,
      after: snapshot,
    });
    return after;
  });
}

export async function deleteTarget(store: Store, actor: AuditActor, id: number): Promise<void> {
  await store.transaction(async (tx) => {
    const row = await tx.climate.findTarget(id);
    if (!row) throw notFound('target', `no target ${id}`);
    const gov = await editableGovernment(tx, actor, row.government_id);
    const version = claimedVersion(await tx.climate.claimTargetVersion(id));
    const before = { ...targetSnapshot(await getTarget(tx, id)), version: version - 1 };
    await tx.climate.deleteTarget(id);
    await recordVersionedWrite(
      tx,
      actor,
      [{ type: 'target', id, version, change: 'delete', snapshot: null }],
      { summary: `${gov.slug}: target "${row.title}" deleted`, before },
    );
  });
}
