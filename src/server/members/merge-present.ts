import type { Store } from '../store';
import type { MergeRecord } from './merge-repository';
import type { GovernmentMerge } from './merge-schemas';
import { splitNames } from './present';

type GovernmentRow = NonNullable<Awaited<ReturnType<Store['members']['governmentRow']>>>;

/** What a merge keeps of the merged government, to restore it on undo and to name it. */
export interface MergedRecord {
  government: GovernmentRow;
  name: string;
}

/**
 * Merges as the API shows them: both sides named by language, with kind and country so that two
 * governments of one name can be told apart, the rows each moved, and whether it can be undone.
 */
export async function presentMerges(
  store: Store,
  merges: readonly MergeRecord[],
): Promise<GovernmentMerge[]> {
  const ids = merges.map((m) => m.id);
  const [counts, existing, mergedNames] = await Promise.all([
    store.merges.mergeRowCounts(ids),
    store.merges.existingGovernments(merges.map((m) => m.kept_government_id)),
    store.merges.mergedNameRows(ids),
  ]);
  const names = await store.members.namesOf(merges.map((m) => m.kept_government_id));
  const out: GovernmentMerge[] = [];
  for (const m of merges) {
    const keptNames = names.get(m.kept_government_id) ?? [];
    const keptName =
      keptNames.find((n) => n.kind === 'name' && n.lang === 'en')?.name ??
      keptNames.find((n) => n.kind === 'name')?.name ??
      m.kept_slug;
    const record = JSON.parse(m.merged_record) as MergedRecord;
    const later = m.undone_at ? [] : await store.merges.laterMergesOf(m.id, m.kept_government_id);
    const mergedExists = m.undone_at !== null;
    const kept = existing.get(m.kept_government_id);
    const merged = record.government;
    const mergedNameRows = (mergedNames.get(m.id) ?? []).map(
      (json) => JSON.parse(json) as { kind: 'name' | 'alias'; lang: string | null; name: string },
    );
    out.push({
      id: m.id,
      kept: {
        slug: m.kept_slug,
        name: keptName,
        names: splitNames(keptNames).names,
        // A kept government merged into another since is gone; the one it took in stood for the
        // same place, so its kind and country say where.
        localLang: kept?.local_lang ?? 'en',
        kind: (kept?.kind ?? merged.kind) as GovernmentMerge['kept']['kind'],
        country: kept?.country ?? merged.country,
        exists: kept !== undefined,
      },
      merged: {
        slug: m.merged_slug,
        name: record.name,
        names: { en: record.name, ...splitNames(mergedNameRows).names },
        localLang: merged.local_lang,
        kind: merged.kind as GovernmentMerge['merged']['kind'],
        country: merged.country,
        exists: mergedExists,
      },
      at: m.at,
      by: m.actor_label,
      rows: counts.get(m.id) ?? {},
      undoneAt: m.undone_at,
      undoneBy: m.undone_by,
      undoable: m.undone_at === null && existing.has(m.kept_government_id) && later.length === 0,
    });
  }
  return out;
}
