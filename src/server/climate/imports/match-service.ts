import type { AuditActor } from '../../audit/service';
import { nowIso } from '../../clock';
import { authorize } from '../../http/authorize';
import { conflict, invalidField, notFound } from '../../http/problem';
import type { Store } from '../../store';
import { prospectNames } from './governments';
import type { RunMatchRecord } from './match-repository';
import type { ImportMatch, ImportMatchDecision } from './match-schemas';

/**
 * The matches a run was not sure of (governments.ts: a likely name, several candidates, a
 * namesake with another key), and a person's decisions on a preview's: confirm the match (or
 * choose another government), create a prospect, or leave the rows out. The real import of the
 * file names the preview (`decisionsFrom`) and applies them.
 */

function mayImport(actor: AuditActor | null | undefined): asserts actor is AuditActor {
  authorize(actor, 'climate.import', {}, 'Only administrators may do this.');
}

async function present(store: Store, rows: readonly RunMatchRecord[]): Promise<ImportMatch[]> {
  const parse = (text: string) => JSON.parse(text) as string[];
  const slugs = rows.flatMap((r) => [
    ...parse(r.candidates),
    ...(r.applied ? [r.applied] : []),
    ...(r.decision_slug ? [r.decision_slug] : []),
  ]);
  const names = await store.importMatches.namesBySlug(slugs);
  // A government that does not exist (a preview's prospect) is named as it would be.
  const side = (slug: string, wouldBe?: string) => ({
    slug,
    name: names.get(slug) ?? wouldBe ?? slug,
    exists: names.has(slug),
  });
  return rows.map((r) => ({
    id: r.id,
    row: r.row_number,
    names: parse(r.names),
    country: r.country,
    status: r.status,
    applied: r.applied ? side(r.applied, prospectNames(parse(r.names))[0]) : null,
    candidates: parse(r.candidates).map((slug) => side(slug)),
    decision: r.decision,
    government: r.decision_slug,
    decidedAt: r.decided_at,
    decidedBy: r.decided_by,
  }));
}

export async function listRunMatches(
  store: Store,
  actor: AuditActor | null | undefined,
  runId: number,
  options: { page: number; pageSize: number },
): Promise<{ items: ImportMatch[]; total: number; page: number; pageSize: number }> {
  mayImport(actor);
  if (!(await store.imports.findRun(runId)))
    throw notFound('import-run', `No import run ${runId}.`);
  const { rows, total } = await store.importMatches.pageRunMatches(
    runId,
    options.page,
    options.pageSize,
  );
  return { items: await present(store, rows), total, ...options };
}

export async function decideRunMatch(
  store: Store,
  actor: AuditActor | null | undefined,
  runId: number,
  matchId: number,
  input: ImportMatchDecision,
): Promise<ImportMatch> {
  mayImport(actor);
  const run = await store.imports.findRun(runId);
  if (!run) throw notFound('import-run', `No import run ${runId}.`);
  const match = await store.importMatches.findRunMatch(runId, matchId);
  if (!match) throw notFound('import-match', `No match ${matchId} in import run ${runId}.`);
  if (!run.dry_run) {
    throw conflict(
      'run-imported-already',
      `Run ${runId} has imported already: decide on a preview of the file.`,
    );
  }
  let slug: string | null = null;
  if (input.decision === 'accept') {
    const chosen =
      input.government ??
      (() => {
        const candidates = JSON.parse(match.candidates) as string[];
        return candidates.length === 1 ? (candidates[0] as string) : null;
      })();
    if (!chosen)
      throw invalidField(
        '/government',
        'match-government-missing',
        'say which government the rows are about',
      );
    const exists = await store.importMatches.namesBySlug([chosen]);
    if (!exists.has(chosen))
      throw invalidField('/government', 'unknown-reference', `no government "${chosen}"`, {
        record: 'government',
      });
    slug = chosen;
  } else if (input.government) {
    throw invalidField(
      '/government',
      'match-government-unexpected',
      'only a confirmed match names a government',
    );
  }
  await store.importMatches.decideRunMatch(match.id, {
    decision: input.decision,
    decision_slug: slug,
    decided_at: input.decision ? nowIso() : null,
    decided_by: input.decision ? actor.label : null,
  });
  const updated = (await store.importMatches.findRunMatch(runId, matchId)) as RunMatchRecord;
  return (await present(store, [updated]))[0] as ImportMatch;
}
