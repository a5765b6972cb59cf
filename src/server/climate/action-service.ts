import { cleanTranslations, retitled } from '../../core/translations';
import type { AuditActor } from '../audit/service';
import { parseTexts } from '../db/texts';
import { nowIso } from '../clock';
import { claimedVersion, type ExpectedVersions } from '../http/preconditions';
import { invalidField, notFound } from '../http/problem';
import type { Store } from '../store';
import {
  editableGovernment,
  editableGovernmentBySlug,
  governmentById,
  governmentOrThrow,
} from './access';
import { presentAction } from './present';
import type { ActionRow } from './repository';
import type { Action, ActionCreate, ActionPatch } from './schemas';
import { recordVersionedWrite } from './versions';

/** Climate actions: what a government does, and the targets each serves. */

export async function actionsOf(store: Store, slug: string): Promise<Action[]> {
  const gov = await governmentOrThrow(store, slug);
  const rows = await store.climate.actionsOfGovernment(gov.id);
  const links = await store.climate.targetIdsOfActions(rows.map((r) => r.id));
  return rows.map((r) => presentAction(r, slug, links.get(r.id) ?? []));
}

async function loadAction(store: Store, id: number): Promise<Action> {
  const row = await store.climate.findAction(id);
  if (!row) throw notFound('action', `no action ${id}`);
  const gov = await governmentById(store, row.government_id);
  const links = await store.climate.targetIdsOfActions([id]);
  return presentAction(row, gov.slug, links.get(id) ?? []);
}

async function checkActionTargets(
  store: Store,
  governmentId: number,
  ids: readonly number[] | undefined,
) {
  for (const [i, id] of (ids ?? []).entries()) {
    const t = await store.climate.findTarget(id);
    if (!t || t.government_id !== governmentId) {
      throw invalidField(
        `/targetIds/${i}`,
        'target-of-other-government',
        `target ${id} is not a target of this government`,
      );
    }
  }
}

function checkActionDates(start: string | null | undefined, end: string | null | undefined) {
  if (start && end && end < start)
    throw invalidField('/endDate', 'end-before-start', 'must not be before the start date');
}

const sortedSdgs = (sdgs: readonly number[]) => JSON.stringify([...sdgs].sort((a, b) => a - b));

export function createAction(
  store: Store,
  actor: AuditActor,
  slug: string,
  input: ActionCreate,
): Promise<Action> {
  return store.transaction(async (tx) => {
    const gov = await editableGovernmentBySlug(tx, actor, slug);
    checkActionDates(input.startDate, input.endDate);
    await checkActionTargets(tx, gov.id, input.targetIds);
    const now = nowIso();
    const id = await tx.climate.insertAction({
      government_id: gov.id,
      title: input.title.trim(),
      titles: JSON.stringify(cleanTranslations(input.titles ?? {})),
      description: input.description ?? null,
      sector: input.sector ?? null,
      status: input.status,
      start_date: input.startDate ?? null,
      end_date: input.endDate ?? null,
      expected_reduction: input.expectedReduction ?? null,
      cost: input.cost ?? null,
      cost_currency: input.costCurrency ?? null,
      co_benefits: JSON.stringify(input.coBenefits ?? []),
      sdgs: sortedSdgs(input.sdgs ?? []),
      version: 1,
      created_at: now,
      updated_at: now,
    });
    await tx.climate.setActionTargets(id, input.targetIds ?? []);
    const action = await loadAction(tx, id);
    await recordVersionedWrite(
      tx,
      actor,
      [{ type: 'action', id, version: 1, change: 'create', snapshot: action }],
      { summary: `${slug}: action "${action.title}" added`, after: action },
    );
    return action;
  });
}

export function updateAction(
  store: Store,
  actor: AuditActor,
  id: number,
  patch: ActionPatch,
  change: 'update' | 'restore' = 'update',
  expected?: ExpectedVersions,
): Promise<Action> {
  return store.transaction(async (tx) => {
    const seen = await tx.climate.findAction(id);
    if (!seen) throw notFound('action', `no action ${id}`);
    const gov = await editableGovernment(tx, actor, seen.government_id);
    // Concurrent changes of the action queue here; each then reads what the one before wrote.
    const version = claimedVersion(await tx.climate.claimActionVersion(id, expected));
    const row = await tx.climate.findAction(id);
    if (!row) throw notFound('action', `no action ${id}`);
    // Read after the claim, the row already carries the new version; the audit's before does not.
    const before = { ...(await loadAction(tx, id)), version: version - 1 };
    checkActionDates(
      patch.startDate !== undefined ? patch.startDate : row.start_date,
      patch.endDate !== undefined ? patch.endDate : row.end_date,
    );
    await checkActionTargets(tx, gov.id, patch.targetIds);
    const v: Partial<Omit<ActionRow, 'id'>> = { updated_at: nowIso() };
    if (patch.title !== undefined) v.title = patch.title.trim();
    if (patch.titles !== undefined) {
      v.titles = JSON.stringify(cleanTranslations(patch.titles));
    } else if (v.title !== undefined && v.title !== row.title) {
      // A new title without its translations keeps them (the original's own language follows).
      const titles = parseTexts(row.titles, { table: 'climate_actions', id });
      v.titles = JSON.stringify(retitled(titles, row.title, v.title));
    }
    if (patch.description !== undefined) v.description = patch.description;
    if (patch.sector !== undefined) v.sector = patch.sector;
    if (patch.status !== undefined) v.status = patch.status;
    if (patch.startDate !== undefined) v.start_date = patch.startDate;
    if (patch.endDate !== undefined) v.end_date = patch.endDate;
    if (patch.expectedReduction !== undefined) v.expected_reduction = patch.expectedReduction;
    if (patch.cost !== undefined) v.cost = patch.cost;
    if (patch.costCurrency !== undefined) v.cost_currency = patch.costCurrency;
    if (patch.coBenefits !== undefined) v.co_benefits = JSON.stringify(patch.coBenefits);
    if (patch.sdgs !== undefined) v.sdgs = sortedSdgs(patch.sdgs);
    await tx.climate.updateAction(id, v);
    if (patch.targetIds) await tx.climate.setActionTargets(id, patch.targetIds);
    const after = await loadAction(tx, id);
    await recordVersionedWrite(
      tx,
      actor,
      [{ type: 'action', id, version, change, snapshot: after }],
      {
        summary: `${gov.slug}: action "${after.title}" ${change === 'restore' ? 'restored' : 'changed'}`,
        before,
        after,
      },
    );
    return after;
  });
}

export async function deleteAction(store: Store, actor: AuditActor, id: number): Promise<void> {
  await store.transaction(async (tx) => {
    const row = await tx.climate.findAction(id);
    if (!row) throw notFound('action', `no action ${id}`);
    const gov = await editableGovernment(tx, actor, row.government_id);
    const version = claimedVersion(await tx.climate.claimActionVersion(id));
    const before = { ...(await loadAction(tx, id)), version: version - 1 };
    await tx.climate.deleteAction(id);
    await recordVersionedWrite(
      tx,
      actor,
      [{ type: 'action', id, version, change: 'delete', snapshot: null }],
      { summary: `${gov.slug}: action "${row.title}" deleted`, before },
    );
  });
}
