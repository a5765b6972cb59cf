import { statesSameTarget } from '../../core/climate/same-target';
import { recordAudit, type AuditActor } from '../audit/service';
import { authorize } from '../http/authorize';
import { conflict, invalidField } from '../http/problem';
import type {
  DuplicateTargetPair,
  DuplicateTargetSide,
  TargetResolution,
  TargetResolutionInput,
} from '../members/merge-schemas';
import type { Store } from '../store';
import { updateAction } from './action-service';
import type { TargetRow } from './repository';
import { deleteTarget, updateTarget } from './target-service';
import { targetOrigin, targetStatement } from './target-statement';

/**
 * Targets stated twice: two targets of one government that state the same thing (CDP's file
 * and the tracker, or two governments merged into one), found by the core's rule
 * (core/climate/same-target.ts), and keeping one of them. The other goes through the target
 * service's delete (a version and an audit entry, as any delete); its interim targets and the
 * actions linked to it point at the one kept first, each a versioned change of its own, all in
 * one transaction.
 */

/** The key of a pair of ids, whichever order they come in (as dismissals store it). */
export const pairKey = (x: number, y: number): string => (x < y ? `${x}|${y}` : `${y}|${x}`);

/** How much a target states: its figures and words given (to suggest which to keep). */
function stated(t: TargetRow): number {
  const values = [
    t.net_zero_label,
    t.description,
    t.base_year,
    t.base_emissions,
    t.reduction_percent,
    t.target_emissions,
    t.bau_emissions,
    t.base_intensity,
    t.intensity_unit,
    t.date_set,
    t.source_url,
    t.offsets_allowed,
  ];
  return values.filter((v) => v !== null).length;
}

const englishName = (
  names: readonly { kind: string; lang: string | null; name: string }[],
  fallback: string,
) =>
  names.find((n) => n.kind === 'name' && n.lang === 'en')?.name ??
  names.find((n) => n.kind === 'name')?.name ??
  fallback;

/**
 * Every pair of targets of one government that state the same thing, but those an
 * administrator said are two (`dismissed`, keys from pairKey), which are only counted.
 */
export async function duplicateTargetPairs(
  store: Store,
  dismissed: ReadonlySet<string>,
): Promise<{ pairs: DuplicateTargetPair[]; dismissed: number }> {
  const [targets, actions] = await Promise.all([
    store.climate.targetsForDuplicates(),
    store.climate.actionCountsByTarget(),
  ]);
  const interims = new Map<number, number>();
  for (const t of targets) {
    if (t.parent_target_id !== null) {
      interims.set(t.parent_target_id, (interims.get(t.parent_target_id) ?? 0) + 1);
    }
  }
  const byGovernment = new Map<number, TargetRow[]>();
  for (const t of targets) {
    const list = byGovernment.get(t.government_id) ?? [];
    list.push(t);
    byGovernment.set(t.government_id, list);
  }

  const found: [TargetRow, TargetRow][] = [];
  let hidden = 0;
  for (const list of byGovernment.values()) {
    if (list.length < 2) continue;
    const statements = list.map(targetStatement);
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        if (!statesSameTarget(statements[i]!, statements[j]!)) continue;
        const a = list[i]!;
        const b = list[j]!;
        if (dismissed.has(pairKey(a.id, b.id))) hidden += 1;
        else found.push([a, b]);
      }
    }
  }

  const governmentIds = [...new Set(found.map(([a]) => a.government_id))];
  const slugs = await store.climate.governmentSlugs(governmentIds);
  const names = new Map<number, string>();
  for (let i = 0; i < governmentIds.length; i += 500) {
    const part = governmentIds.slice(i, i + 500);
    const rows = await store.members.namesOf(part);
    for (const id of part) names.set(id, englishName(rows.get(id) ?? [], slugs.get(id) ?? ''));
  }
  const links = (t: TargetRow) => (interims.get(t.id) ?? 0) + (actions.get(t.id) ?? 0);
  const side = (t: TargetRow): DuplicateTargetSide => ({
    id: t.id,
    title: t.title,
    type: t.type,
    netZeroLabel: t.net_zero_label,
    baseYear: t.base_year,
    targetYear: t.target_year,
    reductionPercent: t.reduction_percent,
    targetEmissions: t.target_emissions,
    status: t.status,
    origin: targetOrigin(t.import_key),
    sourceDocument: t.source_document,
    interim: t.parent_target_id !== null,
    interims: interims.get(t.id) ?? 0,
    actions: actions.get(t.id) ?? 0,
    updatedAt: t.updated_at,
  });
  const keep = (a: TargetRow, b: TargetRow) =>
    links(a) !== links(b)
      ? links(a) > links(b)
        ? a
        : b
      : stated(a) !== stated(b)
        ? stated(a) > stated(b)
          ? a
          : b
        : a.id < b.id
          ? a
          : b;
  const pairs = found.map(([a, b]): DuplicateTargetPair => ({
    government: {
      slug: slugs.get(a.government_id) ?? '',
      name: names.get(a.government_id) ?? '',
    },
    a: side(a),
    b: side(b),
    suggestedKeep: keep(a, b).id,
  }));
  pairs.sort(
    (x, y) =>
      x.government.name.localeCompare(y.government.name) ||
      (x.a.targetYear ?? 0) - (y.a.targetYear ?? 0) ||
      x.a.id - y.a.id,
  );
  return { pairs, dismissed: hidden };
}

/**
 * Keeps one of two targets that state the same thing and removes the other: its interim
 * targets and linked actions point at the one kept, then it is deleted as any target is.
 */
export function resolveDuplicateTargets(
  store: Store,
  actor: AuditActor,
  input: TargetResolutionInput,
): Promise<TargetResolution> {
  authorize(actor, 'government.merge', {}, 'Only administrators resolve targets stated twice.');
  if (input.keep === input.remove) {
    throw invalidField('/remove', 'same-record-twice', 'is the target to keep: choose another one');
  }
  return store.transaction(async (tx) => {
    // Two resolutions of one pair (keep A, keep B) queue here; the second finds one gone.
    await tx.climate.lockTargets([input.keep, input.remove]);
    const kept = await tx.climate.findTarget(input.keep);
    if (!kept)
      throw invalidField('/keep', 'unknown-reference', `no target ${input.keep}`, {
        record: 'target',
      });
    const removed = await tx.climate.findTarget(input.remove);
    if (!removed)
      throw invalidField('/remove', 'unknown-reference', `no target ${input.remove}`, {
        record: 'target',
      });
    if (kept.government_id !== removed.government_id) {
      throw invalidField(
        '/remove',
        'target-of-other-government',
        'must be a target of the same government',
      );
    }
    if (!statesSameTarget(targetStatement(kept), targetStatement(removed))) {
      throw conflict(
        'targets-differ',
        `Targets ${kept.id} and ${removed.id} do not state the same thing (any more): change or delete one of them instead.`,
      );
    }

    // The kept one, if it was an interim step of the removed one, takes that one's end target.
    if (kept.parent_target_id === removed.id) {
      await updateTarget(tx, actor, kept.id, { parentTargetId: removed.parent_target_id });
    }
    const interims = (await tx.climate.interimIdsOf(removed.id)).filter((id) => id !== kept.id);
    for (const id of interims) await updateTarget(tx, actor, id, { parentTargetId: kept.id });
    const actions = await tx.climate.actionIdsOfTarget(removed.id);
    if (actions.length) {
      const links = await tx.climate.targetIdsOfActions(actions);
      for (const id of actions) {
        const targetIds = [
          ...new Set((links.get(id) ?? []).map((t) => (t === removed.id ? kept.id : t))),
        ];
        await updateAction(tx, actor, id, { targetIds });
      }
    }
    await deleteTarget(tx, actor, removed.id);

    const slug = (await tx.climate.governmentSlugs([kept.government_id])).get(kept.government_id);
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'target',
      entityId: kept.id,
      summary: `${slug ?? kept.government_id}: target "${kept.title}" kept and "${removed.title}" (#${removed.id}) removed, both stating the same; ${interims.length} interim targets and ${actions.length} actions moved to it`,
      before: { removed: removed.id },
      after: { kept: kept.id, interims, actions },
    });
    return {
      kept: kept.id,
      removed: removed.id,
      interims: interims.length,
      actions: actions.length,
    };
  });
}
