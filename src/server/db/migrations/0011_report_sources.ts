import { sql, type Kysely } from 'kysely';

/**
 * Every reported figure keeps its source, and which figure of a year counts becomes a rule
 * (src/core/climate/sources.ts) instead of a flag set in the order files were imported:
 *
 * - `report_year`: the year the report was published (CDP's reporting year), which decides
 *   between a figure and its restatement; filled from what imports kept in the provenance.
 * - `dataset`: the kind of file a report came from (`cdp-emissions`); null when entered by hand.
 * - `total_coverage`: what `total` covers (basic, basic-plus, scope-1-2, scope-1), null when the
 *   source does not say; filled where the total is the BASIC column or scope 1 + scope 2.
 * - `preferred` now means only "chosen by staff", which beats the rule. Imports set it on the
 *   first report of a year they met; on imported reports it is cleared unless a person chose
 *   it: their history shows it turned on by an edit, or the report was entered by hand first.
 *   (A choice undone by choosing another report and then made again reads as the import's and
 *   is cleared; the rule then decides, and staff can choose again.)
 */

interface ReportRow {
  id: number;
  preferred: number;
  provenance: string;
  import_key: string | null;
  report_year: number | null;
  dataset: string | null;
  total_coverage: string | null;
  basic: number | null;
  total: number | null;
  scope1: number | null;
  scope2: number | null;
}
interface VersionRow {
  entity_type: string;
  entity_id: number;
  version: number;
  snapshot: string | null;
}
interface Tables {
  emission_reports: ReportRow;
  record_versions: VersionRow;
}

/** Stays below both databases' limits on bound parameters. */
const CHUNK = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

function parsed(text: string | null): Record<string, unknown> | null {
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The CDP reporting year an import kept, from the provenance or else its key ("cdp|2019|…"). */
function reportYearOf(row: Pick<ReportRow, 'provenance' | 'import_key'>): number | null {
  const kept = parsed(row.provenance)?.reportedYear;
  if (typeof kept === 'number' && Number.isInteger(kept)) return kept;
  const fromKey = /^cdp\|(\d{4})\|/.exec(row.import_key ?? '')?.[1];
  return fromKey ? Number(fromKey) : null;
}

async function fillReportYears(db: Kysely<Tables>): Promise<void> {
  const rows = await db
    .selectFrom('emission_reports')
    .select(['id', 'provenance', 'import_key'])
    .where('import_key', 'is not', null)
    .execute();
  const byYear = new Map<number, number[]>();
  for (const row of rows) {
    const year = reportYearOf(row);
    if (year === null) continue;
    const ids = byYear.get(year);
    if (ids) ids.push(row.id);
    else byYear.set(year, [row.id]);
  }
  for (const [year, ids] of byYear) {
    for (const chunk of chunks(ids)) {
      await db
        .updateTable('emission_reports')
        .set({ report_year: year })
        .where('id', 'in', chunk)
        .execute();
    }
  }
}

/**
 * Whether a person chose the report: a version turned `preferred` on after one without it, or
 * its first version was entered by hand with it on.
 */
function chosenByPerson(snapshots: readonly Record<string, unknown>[]): boolean {
  return snapshots.some((snapshot, i) => {
    if (snapshot.preferred !== true) return false;
    const before = snapshots[i - 1];
    if (before) return before.preferred === false;
    const provenance = snapshot.provenance;
    return typeof provenance === 'object' && provenance !== null && 'enteredBy' in provenance;
  });
}

async function clearImportedPreferences(db: Kysely<Tables>): Promise<void> {
  const flagged = await db
    .selectFrom('emission_reports')
    .select('id')
    .where('preferred', '=', 1)
    .where('import_key', 'is not', null)
    .execute();
  const clear: number[] = [];
  for (const chunk of chunks(flagged.map((r) => r.id))) {
    const versions = await db
      .selectFrom('record_versions')
      .select(['entity_id', 'version', 'snapshot'])
      .where('entity_type', '=', 'emission-report')
      .where('entity_id', 'in', chunk)
      .orderBy('entity_id')
      .orderBy('version')
      .execute();
    const history = new Map<number, Record<string, unknown>[]>();
    for (const v of versions) {
      const snapshot = parsed(v.snapshot);
      if (!snapshot) continue;
      const list = history.get(v.entity_id);
      if (list) list.push(snapshot);
      else history.set(v.entity_id, [snapshot]);
    }
    for (const id of chunk) if (!chosenByPerson(history.get(id) ?? [])) clear.push(id);
  }
  for (const chunk of chunks(clear)) {
    await db
      .updateTable('emission_reports')
      .set({ preferred: 0 })
      .where('id', 'in', chunk)
      .execute();
  }
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('emission_reports').addColumn('report_year', 'integer').execute();
  await db.schema.alterTable('emission_reports').addColumn('dataset', 'text').execute();
  await db.schema.alterTable('emission_reports').addColumn('total_coverage', 'text').execute();

  const k = db as Kysely<Tables>;
  await fillReportYears(k);
  await k
    .updateTable('emission_reports')
    .set({ dataset: 'cdp-emissions' })
    .where('import_key', 'like', 'cdp|%')
    .execute();
  // What a total is can be told where it is one of the figures beside it, as imports made it.
  await k
    .updateTable('emission_reports')
    .set({ total_coverage: 'basic' })
    .where('basic', 'is not', null)
    .whereRef('total', '=', 'basic')
    .execute();
  await k
    .updateTable('emission_reports')
    .set({ total_coverage: 'scope-1-2' })
    .where('total_coverage', 'is', null)
    .where('basic', 'is', null)
    .where('scope1', 'is not', null)
    .where('scope2', 'is not', null)
    .where('total', '=', sql<number>`scope1 + scope2`)
    .execute();
  await clearImportedPreferences(k);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // The preferences cleared stay cleared: the rule chose the same or a newer report.
  for (const column of ['total_coverage', 'dataset', 'report_year']) {
    await db.schema.alterTable('emission_reports').dropColumn(column).execute();
  }
}
