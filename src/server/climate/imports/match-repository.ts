import type { Selectable } from 'kysely';
import type { ImportRunMatchTable } from '../../db/schema';
import type { Executor } from '../../db/types';

/**
 * The matches an import run was not sure of (import_run_matches), once per subject, and a
 * person's decisions on them in a preview, which a real run of the same file then applies.
 */

export type RunMatchRecord = Selectable<ImportRunMatchTable>;

/** A match as the run found it (subject-placer.ts's UncertainMatch). */
export interface NewRunMatch {
  subjectKey: string;
  row: number;
  names: readonly string[];
  country: string | null;
  status: RunMatchRecord['status'];
  applied: string | null;
  candidates: readonly string[];
  decision: RunMatchRecord['decision'];
}

export async function insertRunMatches(
  db: Executor,
  runId: number,
  matches: readonly NewRunMatch[],
): Promise<void> {
  for (let i = 0; i < matches.length; i += 200) {
    await db
      .insertInto('import_run_matches')
      .values(
        matches.slice(i, i + 200).map((m) => ({
          run_id: runId,
          subject_key: m.subjectKey,
          row_number: m.row,
          names: JSON.stringify(m.names),
          country: m.country,
          status: m.status,
          applied: m.applied,
          candidates: JSON.stringify(m.candidates),
          decision: m.decision,
          decision_slug: m.decision === 'accept' ? m.applied : null,
          decided_at: null,
          decided_by: null,
        })),
      )
      .execute();
  }
}

export async function pageRunMatches(
  db: Executor,
  runId: number,
  page: number,
  pageSize: number,
): Promise<{ rows: RunMatchRecord[]; total: number }> {
  const query = db.selectFrom('import_run_matches').where('run_id', '=', runId);
  const [rows, count] = await Promise.all([
    query
      .selectAll()
      .orderBy('row_number')
      .orderBy('id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export function findRunMatch(db: Executor, runId: number, id: number) {
  return db
    .selectFrom('import_run_matches')
    .selectAll()
    .where('run_id', '=', runId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function decideRunMatch(
  db: Executor,
  id: number,
  values: {
    decision: RunMatchRecord['decision'];
    decision_slug: string | null;
    decided_at: string | null;
    decided_by: string | null;
  },
): Promise<void> {
  await db.updateTable('import_run_matches').set(values).where('id', '=', id).execute();
}

/** The decisions a person took on a preview's matches. */
export function decidedMatches(db: Executor, runId: number) {
  return db
    .selectFrom('import_run_matches')
    .select(['subject_key', 'decision', 'decision_slug'])
    .where('run_id', '=', runId)
    .where('decision', 'is not', null)
    .execute();
}

/** English names (or any name) of governments by slug, to show the candidates. */
export async function namesBySlug(db: Executor, slugs: readonly string[]) {
  const names = new Map<string, string>();
  if (slugs.length === 0) return names;
  const rows = await db
    .selectFrom('governments as g')
    .leftJoin('government_names as n', (join) =>
      join.onRef('n.government_id', '=', 'g.id').on('n.kind', '=', 'name'),
    )
    .select(['g.slug', 'n.lang', 'n.name'])
    .where('g.slug', 'in', [...new Set(slugs)])
    .orderBy('n.id')
    .execute();
  const english = new Set<string>();
  for (const r of rows) {
    if (english.has(r.slug)) continue;
    if (r.name !== null && r.lang === 'en') {
      names.set(r.slug, r.name);
      english.add(r.slug);
    } else if (!names.has(r.slug)) {
      names.set(r.slug, r.name ?? r.slug);
    }
  }
  return names;
}
