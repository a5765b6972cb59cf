import { parseTexts } from '../db/texts';
import { recordAudit, type AuditActor } from '../audit/service';
import { nowIso } from '../clock';
import { authorize } from '../http/authorize';
import { invalidField, notFound } from '../http/problem';
import type { Store } from '../store';
import type { DismissalKind, DismissalRecord } from './dismissal-repository';
import type {
  DuplicateDismissal,
  GovernmentDismissalInput,
  TargetDismissalInput,
} from './merge-schemas';

/**
 * "Not the same": an administrator marks two governments, or two targets of one government,
 * as two records, not one. The duplicates report then leaves the pair out (and counts it);
 * the mark is listed and can be withdrawn. A mark holds for the pair in either order, and
 * nothing else changes it: a merge of one of the governments leaves it as it is (it then
 * matches nothing until the merge is undone). Marks and withdrawals are in the audit log.
 */

const WHO = 'Only administrators decide which records are one.';

const englishName = (
  names: readonly { kind: string; lang: string | null; name: string }[] | undefined,
  fallback: string,
) =>
  names?.find((n) => n.kind === 'name' && n.lang === 'en')?.name ??
  names?.find((n) => n.kind === 'name')?.name ??
  fallback;

/** A mark and whether this call made it (a repeated mark answers the one there is). */
export interface DismissalResult {
  dismissal: DuplicateDismissal;
  created: boolean;
}

async function record(
  tx: Store,
  actor: AuditActor,
  kind: DismissalKind,
  a: { id: number; label: string },
  b: { id: number; label: string },
  summary: string,
): Promise<DismissalResult> {
  const existing = await tx.dismissals.findDismissalOfPair(kind, a.id, b.id);
  if (existing) return { dismissal: (await present(tx, [existing]))[0]!, created: false };
  const id = await tx.dismissals.insertDismissal({
    kind,
    a,
    b,
    at: nowIso(),
    actor_user_id: actor.userId ?? null,
    actor_label: actor.label,
  });
  await recordAudit(tx, actor, {
    action: 'create',
    entityType: kind,
    entityId: Math.min(a.id, b.id),
    summary,
    after: { dismissal: id, kind, pair: [a.id, b.id].sort((x, y) => x - y) },
  });
  const made = (await tx.dismissals.findDismissal(id)) as DismissalRecord;
  return { dismissal: (await present(tx, [made]))[0]!, created: true };
}

export function dismissGovernmentPair(
  store: Store,
  actor: AuditActor,
  input: GovernmentDismissalInput,
): Promise<DismissalResult> {
  authorize(actor, 'government.merge', {}, WHO);
  if (input.a === input.b)
    throw invalidField('/b', 'same-record-twice', 'is the same government: choose another one');
  return store.transaction(async (tx) => {
    const ids: number[] = [];
    for (const field of ['a', 'b'] as const) {
      const id = await tx.members.findGovernmentIdBySlug(input[field]);
      if (id === undefined)
        throw invalidField(`/${field}`, 'unknown-reference', `no government "${input[field]}"`, {
          record: 'government',
        });
      ids.push(id);
    }
    const [a, b] = ids as [number, number];
    const names = await tx.members.namesOf([a, b]);
    const label = (id: number, slug: string) => englishName(names.get(id), slug);
    const la = label(a, input.a);
    const lb = label(b, input.b);
    return record(
      tx,
      actor,
      'government',
      { id: a, label: la },
      { id: b, label: lb },
      `${la} (${input.a}) and ${lb} (${input.b}) marked as two governments, not one`,
    );
  });
}

export function dismissTargetPair(
  store: Store,
  actor: AuditActor,
  input: TargetDismissalInput,
): Promise<DismissalResult> {
  authorize(actor, 'government.merge', {}, WHO);
  if (input.a === input.b)
    throw invalidField('/b', 'same-record-twice', 'is the same target: choose another one');
  return store.transaction(async (tx) => {
    const a = await tx.climate.findTarget(input.a);
    if (!a)
      throw invalidField('/a', 'unknown-reference', `no target ${input.a}`, { record: 'target' });
    const b = await tx.climate.findTarget(input.b);
    if (!b)
      throw invalidField('/b', 'unknown-reference', `no target ${input.b}`, { record: 'target' });
    if (a.government_id !== b.government_id) {
      throw invalidField(
        '/b',
        'target-of-other-government',
        'must be a target of the same government',
      );
    }
    const slug = (await tx.climate.governmentSlugs([a.government_id])).get(a.government_id);
    return record(
      tx,
      actor,
      'target',
      { id: a.id, label: a.title },
      { id: b.id, label: b.title },
      `${slug ?? a.government_id}: targets "${a.title}" (#${a.id}) and "${b.title}" (#${b.id}) marked as two targets, not one`,
    );
  });
}

/** Withdraws a mark: the pair is listed in the report again if it still looks alike. */
export async function withdrawDismissal(
  store: Store,
  actor: AuditActor,
  id: number,
): Promise<void> {
  authorize(actor, 'government.merge', {}, WHO);
  await store.transaction(async (tx) => {
    const mark = await tx.dismissals.findDismissal(id);
    if (!mark || !(await tx.dismissals.deleteDismissal(id))) {
      throw notFound('dismissal', `No mark ${id} of two records as not the same.`);
    }
    const what = mark.kind === 'government' ? 'governments' : 'targets';
    await recordAudit(tx, actor, {
      action: 'delete',
      entityType: mark.kind,
      entityId: mark.first_id,
      summary: `${mark.first_label} and ${mark.second_label}: the mark as two ${what}, not one, withdrawn`,
      before: { dismissal: id, kind: mark.kind, pair: [mark.first_id, mark.second_id] },
    });
  });
}

/** The marks as the API shows them: each side's name now (its label once gone). */
async function present(
  store: Store,
  marks: readonly DismissalRecord[],
): Promise<DuplicateDismissal[]> {
  const ofKind = (kind: DismissalKind) =>
    marks.filter((m) => m.kind === kind).flatMap((m) => [m.first_id, m.second_id]);
  const governmentIds = ofKind('government');
  const targets = new Map(
    (await store.climate.targetsByIds(ofKind('target'))).map((t) => [t.id, t]),
  );
  const allGovernments = [...governmentIds, ...[...targets.values()].map((t) => t.government_id)];
  const unique = [...new Set(allGovernments)];
  const [slugs, names, nameRows] = await Promise.all([
    store.climate.governmentSlugs(allGovernments),
    store.members.namesOf(unique),
    store.members.governmentNamesByIds(unique),
  ]);
  const byLanguage = new Map<number, { names: Record<string, string>; localLang: string }>();
  for (const r of nameRows) {
    const g = byLanguage.get(r.id) ?? { names: {}, localLang: r.local_lang };
    if (r.lang && r.name) g.names[r.lang] = r.name;
    byLanguage.set(r.id, g);
  }
  const side = (kind: DismissalKind, id: number, label: string): DuplicateDismissal['a'] => {
    if (kind === 'government') {
      const slug = slugs.get(id) ?? null;
      return {
        name: slug ? englishName(names.get(id), label) : label,
        exists: slug !== null,
        slug,
        governmentName: null,
        government: slug ? (byLanguage.get(id) ?? null) : null,
        titles: null,
      };
    }
    const target = targets.get(id);
    const slug = target ? (slugs.get(target.government_id) ?? null) : null;
    return {
      name: target?.title ?? label,
      exists: target !== undefined,
      slug,
      governmentName: target && slug ? englishName(names.get(target.government_id), slug) : null,
      government: target && slug ? (byLanguage.get(target.government_id) ?? null) : null,
      titles: target ? parseTexts(target.titles, { table: 'climate_targets', id }) : null,
    };
  };
  return marks.map((m) => ({
    id: m.id,
    kind: m.kind,
    a: side(m.kind, m.first_id, m.first_label),
    b: side(m.kind, m.second_id, m.second_label),
    at: m.at,
    by: m.actor_label,
  }));
}

export async function listDismissals(
  store: Store,
  actor: AuditActor | null | undefined,
  options: { kind?: DismissalKind; page: number; pageSize: number },
): Promise<{ items: DuplicateDismissal[]; total: number; page: number; pageSize: number }> {
  authorize(actor, 'government.merge', {}, WHO);
  const { rows, total } = await store.dismissals.pageDismissals(
    options.page,
    options.pageSize,
    options.kind,
  );
  return {
    items: await present(store, rows),
    total,
    page: options.page,
    pageSize: options.pageSize,
  };
}
