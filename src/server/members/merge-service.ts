import { recordAudit, type AuditActor } from '../audit/service';
import { nowIso } from '../clock';
import { authorize } from '../http/authorize';
import type { ProblemCode } from '../../core/problems';
import { conflict, invalidField, notFound, problem, type FieldProblem } from '../http/problem';
import type { Store } from '../store';
import type { GovernmentRefs, NewMergeRow } from './merge-repository';
import type { GovernmentMerge, GovernmentMergeInput } from './merge-schemas';
import { presentMerges, type MergedRecord } from './merge-present';

/**
 * Merging two records of one government: every row that points at the merged government
 * (names, membership, positions, users, climate records, seats, invitations, register entries,
 * votes, candidacies, the register of who voted, news links, membership periods and invoices)
 * moves to the kept one, in one transaction, through each table's owner; the merged
 * government's row goes, and the kept government takes the keys and figures it lacked (CDP
 * account, tracker id, place, population, …). What moved is stored with each row as it was (government_merge_rows), so
 * the merge can be undone exactly. Both are in the audit log.
 *
 * Moved records keep their version: they are unchanged but for their government, and the undo
 * puts them back as they were. A merge that would break a rule of the data (both governments
 * hold a seat in one term, stood or voted in one election, vote in one meeting, or have an
 * inventory of one year) is refused, naming each clash.
 */

type GovernmentRow = NonNullable<Awaited<ReturnType<Store['members']['governmentRow']>>>;

/** Columns of the kept government that a merge fills when it has no value and the other has. */
const FILLED: readonly (readonly (keyof GovernmentRow)[])[] = [
  ['cdp_account'],
  ['nzt_id'],
  ['latitude', 'longitude'],
  ['population', 'population_year'],
  ['area_km2'],
  ['website'],
  ['unlocode'],
];

/** A merged government's record as the merge keeps it. */

const CATEGORY_RANK: Record<string, number> = {
  'full-member': 3,
  'associate-member': 2,
  'associate-partner': 1,
  'non-member': 0,
};

function englishName(refs: GovernmentRefs, governmentId: number, fallback: string): string {
  const names = refs.government_names.filter((n) => n.government_id === governmentId);
  return (
    names.find((n) => n.kind === 'name' && n.lang === 'en')?.name ??
    names.find((n) => n.kind === 'name')?.name ??
    fallback
  );
}

/** Rows of both governments that may not stand together once they are one. */
function clashes(refs: GovernmentRefs, keptId: number, mergedId: number): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const both = <R extends { government_id: number | null }>(
    rows: readonly R[],
    key: (row: R) => string | number | null,
    code: ProblemCode,
    detail: (value: string | number) => string,
    only: (row: R) => boolean = () => true,
  ) => {
    const kept = new Set(
      rows.filter((r) => r.government_id === keptId && only(r)).map((r) => key(r)),
    );
    const seen = new Set<string | number>();
    for (const r of rows) {
      const value = key(r);
      if (r.government_id !== mergedId || !only(r) || value === null) continue;
      if (kept.has(value) && !seen.has(value)) {
        seen.add(value);
        problems.push({ pointer: '/merge', detail: detail(value), code });
      }
    }
  };
  both(
    refs.seats,
    (s) => s.term_id,
    'merge-both-seated',
    (term) => `both hold a seat in term ${term}`,
  );
  both(
    refs.candidates,
    (c) => c.election_id,
    'merge-both-candidates',
    (e) => `both stand in election ${e}`,
  );
  both(
    refs.election_voters,
    (v) => v.election_id,
    'merge-both-voted',
    (e) => `both voted in election ${e}`,
  );
  both(
    refs.attendance,
    (a) => a.meeting_id,
    'merge-both-attending',
    (m) => `both are in the register of meeting ${m} as voting participants`,
    (a) => a.present === 1 && (a.capacity === 'own-right' || a.capacity === 'proxy'),
  );
  both(
    refs.inventories,
    (i) => i.year,
    'merge-both-inventories',
    (year) => `both have an inventory of ${year}`,
  );
  both(
    refs.membership_periods,
    (p) => p.start_date,
    'merge-both-periods',
    (start) => `both have a membership period from ${start}`,
  );
  both(
    refs.invoices,
    (i) => i.period_start,
    'merge-both-invoiced',
    (start) => `both are invoiced for the membership year from ${start}`,
  );
  return problems;
}

function mergeRow(
  table: string,
  rowId: number | null,
  action: 'moved' | 'deleted',
  before: unknown,
): Omit<NewMergeRow, 'merge_id'> {
  return { table_name: table, row_id: rowId, action, before_json: JSON.stringify(before) };
}

export async function mergeGovernments(
  store: Store,
  actor: AuditActor,
  input: GovernmentMergeInput,
): Promise<GovernmentMerge> {
  authorize(actor, 'government.merge', {}, 'Only administrators merge governments.');
  if (input.keep === input.merge) {
    throw invalidField(
      '/merge',
      'same-record-twice',
      'is the government to keep: choose another one',
    );
  }
  const id = await store.transaction(async (tx) => {
    const keptId = await tx.members.findGovernmentIdBySlug(input.keep);
    if (keptId === undefined)
      throw invalidField('/keep', 'unknown-reference', `no government "${input.keep}"`, {
        record: 'government',
      });
    const mergedId = await tx.members.findGovernmentIdBySlug(input.merge);
    if (mergedId === undefined)
      throw invalidField('/merge', 'unknown-reference', `no government "${input.merge}"`, {
        record: 'government',
      });
    // Both records are taken for the transaction (in one order, so two merges cannot deadlock):
    // an edit or another merge of either waits for this one. The kept one changes (its next
    // version); the merged one is kept as it is, for the undo.
    for (const gid of [keptId, mergedId].sort((a, b) => a - b)) {
      if (gid === keptId) await tx.members.claimGovernmentVersion(gid);
      else await tx.members.lockGovernment(gid);
    }
    const kept = await tx.members.governmentRow(keptId);
    const merged = await tx.members.governmentRow(mergedId);
    // Another merge took one of them while this one waited for its row.
    if (!kept) {
      throw conflict(
        'merged-meanwhile',
        `${input.keep} was merged into another government meanwhile.`,
      );
    }
    if (!merged) {
      throw conflict(
        'merged-meanwhile',
        `${input.merge} was merged into another government meanwhile.`,
      );
    }
    const refs = await tx.merges.rowsReferencing([keptId, mergedId]);
    const problems = clashes(refs, keptId, mergedId);
    if (problems.length) {
      throw problem(
        409,
        problems[0]?.code ?? 'merge-clash',
        `${merged.slug} cannot be merged into ${kept.slug}: ${problems.map((p) => p.detail).join('; ')}.`,
        { errors: problems },
      );
    }
    const ofMerged = <R extends { government_id: number | null }>(rows: readonly R[]) =>
      rows.filter((r) => r.government_id === mergedId);
    const ofKept = <R extends { government_id: number | null }>(rows: readonly R[]) =>
      rows.filter((r) => r.government_id === keptId);
    const rows: Omit<NewMergeRow, 'merge_id'>[] = [];
    const keptName = englishName(refs, keptId, kept.slug);
    const mergedName = englishName(refs, mergedId, merged.slug);

    // Names: a name the kept government lacks in a language stays a name; the others become
    // aliases; one it already has (the same search key) goes.
    const keys = new Set(ofKept(refs.government_names).map((n) => n.search_key));
    const langs = new Set(
      ofKept(refs.government_names).flatMap((n) => (n.kind === 'name' && n.lang ? [n.lang] : [])),
    );
    const moveNames: Parameters<Store['members']['setNamesGovernment']>[0][number][] = [];
    const dropNames: number[] = [];
    for (const n of ofMerged(refs.government_names)) {
      if (keys.has(n.search_key)) {
        dropNames.push(n.id);
        rows.push(mergeRow('government_names', n.id, 'deleted', n));
        continue;
      }
      keys.add(n.search_key);
      const keepsName = n.kind === 'name' && n.lang !== null && !langs.has(n.lang);
      if (keepsName) langs.add(n.lang as string);
      moveNames.push({
        id: n.id,
        government_id: keptId,
        lang: keepsName ? n.lang : null,
        kind: keepsName ? 'name' : 'alias',
      });
      rows.push(mergeRow('government_names', n.id, 'moved', n));
    }
    await tx.members.deleteNamesById(dropNames);
    await tx.members.setNamesGovernment(moveNames);

    // Membership: the kept government's, unless it is a prospect and the other a member.
    const keptMembership = ofKept(refs.memberships)[0];
    const mergedMembership = ofMerged(refs.memberships)[0];
    if (mergedMembership) {
      const better =
        !keptMembership ||
        (CATEGORY_RANK[mergedMembership.category] ?? 0) >
          (CATEGORY_RANK[keptMembership.category] ?? 0);
      const dropped = better ? keptMembership : mergedMembership;
      if (dropped) {
        await tx.members.deleteMembershipById(dropped.id);
        rows.push(mergeRow('memberships', dropped.id, 'deleted', dropped));
      }
      if (better) {
        await tx.members.setMembershipGovernment(mergedMembership.id, keptId);
        rows.push(mergeRow('memberships', mergedMembership.id, 'moved', mergedMembership));
      }
    }

    // Rows that only change government.
    const move = async <R extends { id: number; government_id: number | null }>(
      table: string,
      list: readonly R[],
      write: (ids: number[], governmentId: number) => Promise<void>,
    ) => {
      const mine = ofMerged(list);
      await write(
        mine.map((r) => r.id),
        keptId,
      );
      for (const r of mine) rows.push(mergeRow(table, r.id, 'moved', r));
    };
    await move('positions', refs.positions, (ids, g) => tx.people.setPositionsGovernment(ids, g));
    await move('users', refs.users, (ids, g) => tx.users.setUsersGovernment(ids, g));
    await move('climate_targets', refs.climate_targets, (ids, g) =>
      tx.climate.setTargetsGovernment(ids, g),
    );
    await move('inventories', refs.inventories, (ids, g) =>
      tx.climate.setInventoriesGovernment(ids, g),
    );
    await move('climate_actions', refs.climate_actions, (ids, g) =>
      tx.climate.setActionsGovernment(ids, g),
    );
    await move('seats', refs.seats, (ids, g) => tx.governance.setSeatsGovernment(ids, g));
    await move('invitations', refs.invitations, (ids, g) =>
      tx.governance.setInvitationsGovernment(ids, g),
    );
    await move('attendance', refs.attendance, (ids, g) =>
      tx.governance.setAttendanceGovernment(ids, g),
    );
    await move('motion_votes', refs.motion_votes, (ids, g) =>
      tx.governance.setMotionVotesGovernment(ids, g),
    );
    await move('candidates', refs.candidates, (ids, g) =>
      tx.elections.setCandidatesGovernment(ids, g),
    );
    await move('membership_periods', refs.membership_periods, (ids, g) =>
      tx.membership.setPeriodsGovernment(ids, g),
    );
    await move('invoices', refs.invoices, (ids, g) => tx.membership.setInvoicesGovernment(ids, g));

    // Emission reports: a year the kept government already has a preferred figure for keeps it.
    const preferredYears = new Set(
      ofKept(refs.emission_reports).flatMap((r) => (r.preferred === 1 ? [r.year] : [])),
    );
    const reports = ofMerged(refs.emission_reports);
    await tx.climate.setReportsGovernment(
      reports.map((r) => ({
        id: r.id,
        preferred: r.preferred === 1 && preferredYears.has(r.year) ? 0 : r.preferred,
      })),
      keptId,
    );
    for (const r of reports) rows.push(mergeRow('emission_reports', r.id, 'moved', r));

    // News: a post about both keeps one link.
    const keptPosts = new Set(ofKept(refs.news_governments).map((n) => n.post_id));
    const links = ofMerged(refs.news_governments);
    const twice = links.filter((n) => keptPosts.has(n.post_id));
    const moved = links.filter((n) => !keptPosts.has(n.post_id));
    await tx.news.deleteNewsGovernmentsById(twice.map((n) => n.id));
    await tx.news.setNewsGovernmentsGovernment(
      moved.map((n) => n.id),
      keptId,
    );
    for (const n of twice) rows.push(mergeRow('news_governments', n.id, 'deleted', n));
    for (const n of moved) rows.push(mergeRow('news_governments', n.id, 'moved', n));

    // The register of who voted (keyed by election and government).
    const voters = ofMerged(refs.election_voters);
    await tx.elections.setElectionVotersGovernment(
      voters.map((v) => v.election_id),
      mergedId,
      keptId,
    );
    for (const v of voters) rows.push(mergeRow('election_voters', null, 'moved', v));

    // The merged government goes; the kept one takes the keys and figures it lacked.
    await tx.members.deleteGovernmentById(mergedId);
    const fill: Partial<GovernmentRow> = {};
    const keptBefore: Partial<GovernmentRow> = {};
    for (const group of FILLED) {
      const lacks = group.every((c) => kept[c] === null);
      const has = group.every((c) => merged[c] !== null);
      if (!lacks || !has) continue;
      for (const c of group) {
        (fill as Record<string, unknown>)[c] = merged[c];
        (keptBefore as Record<string, unknown>)[c] = kept[c];
      }
    }
    const now = nowIso();
    await tx.members.updateGovernmentRow(keptId, { ...fill, updated_at: now });

    const record: MergedRecord = { government: merged, name: mergedName };
    const mergeId = await tx.merges.insertMerge({
      kept_government_id: keptId,
      merged_government_id: mergedId,
      kept_slug: kept.slug,
      merged_slug: merged.slug,
      merged_cdp_account: merged.cdp_account,
      merged_nzt_id: merged.nzt_id,
      merged_record: JSON.stringify(record),
      kept_before: JSON.stringify(keptBefore),
      at: now,
      actor_user_id: actor.userId ?? null,
      actor_label: actor.label,
      undone_at: null,
      undone_by: null,
    });
    await tx.merges.insertMergeRows(rows.map((r) => ({ ...r, merge_id: mergeId })));

    const counts = countByTable(rows);
    const summary = Object.entries(counts)
      .map(([table, n]) => `${n} ${table}`)
      .join(', ');
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'government',
      entityId: keptId,
      summary: `${mergedName} (${merged.slug}) merged into ${keptName} (${kept.slug}), merge #${mergeId}: ${summary || 'no rows'} moved`,
      before: keptBefore,
      after: { mergeId, merged: merged.slug, filled: fill, rows: counts },
    });
    await recordAudit(tx, actor, {
      action: 'delete',
      entityType: 'government',
      entityId: mergedId,
      summary: `${mergedName} (${merged.slug}) merged into ${keptName} (${kept.slug}), merge #${mergeId}`,
      before: record,
      after: { mergeId, keptInto: kept.slug },
    });
    return mergeId;
  });
  return getMerge(store, id);
}

function countByTable(rows: readonly { table_name: string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of rows) counts[r.table_name] = (counts[r.table_name] ?? 0) + 1;
  return counts;
}

type Before = Record<string, unknown> & { id: number; government_id: number };

/** Undoes a merge: the merged government comes back with every row that moved, as it was. */
export async function undoMerge(
  store: Store,
  actor: AuditActor,
  id: number,
): Promise<GovernmentMerge> {
  authorize(actor, 'government.merge', {}, 'Only administrators merge governments.');
  await store.transaction(async (tx) => {
    const merge = await tx.merges.lockMerge(id);
    if (!merge) throw notFound('merge', `No merge ${id}.`);
    if (merge.undone_at) {
      throw conflict('merge-undone', `Merge ${id} was undone on ${merge.undone_at}.`, {
        params: { day: merge.undone_at.slice(0, 10) },
      });
    }
    const later = await tx.merges.laterMergesOf(id, merge.kept_government_id);
    if (later.length) {
      const l = later[0] as { id: number; kept_slug: string };
      throw conflict(
        'merge-merged-since',
        `${merge.kept_slug} was merged into ${l.kept_slug} since (merge #${l.id}): undo that merge first.`,
      );
    }
    const keptId = merge.kept_government_id;
    const mergedId = merge.merged_government_id;
    if ((await tx.members.claimGovernmentVersion(keptId)) === undefined) {
      throw conflict('merge-kept-gone', `${merge.kept_slug} no longer exists.`);
    }
    const record = JSON.parse(merge.merged_record) as MergedRecord;
    if ((await tx.members.findGovernmentIdBySlug(merge.merged_slug)) !== undefined) {
      throw conflict(
        'merge-address-taken',
        `Another government has taken the address "${merge.merged_slug}" since.`,
      );
    }
    const kept = (await tx.members.governmentRow(keptId)) as GovernmentRow;
    const keptBefore = JSON.parse(merge.kept_before) as Record<string, unknown>;

    // The kept government gives back what the merge filled, unless someone changed it since.
    const restore: Record<string, unknown> = {};
    for (const [column, value] of Object.entries(keptBefore)) {
      const c = column as keyof GovernmentRow;
      if (kept[c] === record.government[c]) restore[column] = value;
    }
    await tx.members.updateGovernmentRow(keptId, {
      ...(restore as Partial<GovernmentRow>),
      updated_at: nowIso(),
    });
    const cdp = record.government.cdp_account;
    const holder = cdp ? await tx.members.findGovernmentByCdpAccount(cdp) : undefined;
    if (holder) {
      throw conflict('cdp-account-taken', `CDP account ${cdp} belongs to ${holder.slug} now.`, {
        params: { account: cdp ?? '' },
      });
    }
    await tx.members.restoreGovernment(record.government);

    const rows = await tx.merges.mergeRowsOf(id);
    const before = (table: string, action: 'moved' | 'deleted') =>
      rows
        .filter((r) => r.table_name === table && r.action === action)
        .map((r) => JSON.parse(r.before_json) as Before);
    let gone = 0;
    /** Rows moved by the merge that still belong to the kept government. */
    const stillMoved = async (
      table: Parameters<Store['merges']['currentGovernmentOf']>[0],
    ): Promise<Before[]> => {
      const moved = before(table, 'moved');
      const now = await tx.merges.currentGovernmentOf(
        table,
        moved.map((r) => r.id),
      );
      const back = moved.filter((r) => now.get(r.id) === keptId);
      gone += moved.length - back.length;
      return back;
    };
    const ids = (list: readonly Before[]) => list.map((r) => r.id);

    await tx.members.setNamesGovernment(
      (await stillMoved('government_names')).map((n) => ({
        id: n.id,
        government_id: mergedId,
        lang: n.lang as string | null,
        kind: n.kind as 'name' | 'alias',
      })),
    );
    for (const m of await stillMoved('memberships')) {
      await tx.members.setMembershipGovernment(m.id, mergedId);
    }
    await tx.people.setPositionsGovernment(ids(await stillMoved('positions')), mergedId);
    await tx.users.setUsersGovernment(ids(await stillMoved('users')), mergedId);
    await tx.climate.setTargetsGovernment(ids(await stillMoved('climate_targets')), mergedId);
    await tx.climate.setInventoriesGovernment(ids(await stillMoved('inventories')), mergedId);
    await tx.climate.setActionsGovernment(ids(await stillMoved('climate_actions')), mergedId);
    await tx.climate.setReportsGovernment(
      (await stillMoved('emission_reports')).map((r) => ({
        id: r.id,
        preferred: r.preferred as number,
      })),
      mergedId,
    );
    await tx.governance.setSeatsGovernment(ids(await stillMoved('seats')), mergedId);
    await tx.governance.setInvitationsGovernment(ids(await stillMoved('invitations')), mergedId);
    await tx.governance.setAttendanceGovernment(ids(await stillMoved('attendance')), mergedId);
    await tx.governance.setMotionVotesGovernment(ids(await stillMoved('motion_votes')), mergedId);
    await tx.elections.setCandidatesGovernment(ids(await stillMoved('candidates')), mergedId);
    await tx.membership.setPeriodsGovernment(ids(await stillMoved('membership_periods')), mergedId);
    await tx.membership.setInvoicesGovernment(ids(await stillMoved('invoices')), mergedId);
    await tx.news.setNewsGovernmentsGovernment(ids(await stillMoved('news_governments')), mergedId);
    const voted = await tx.merges.electionsVotedBy(keptId);
    const voters = before('election_voters', 'moved').map((v) => v.election_id as number);
    await tx.elections.setElectionVotersGovernment(
      voters.filter((e) => voted.has(e)),
      keptId,
      mergedId,
    );

    // Rows the merge removed as duplicates come back with their ids.
    await tx.members.restoreNames(
      before('government_names', 'deleted') as unknown as Parameters<
        Store['members']['restoreNames']
      >[0],
    );
    for (const m of before('memberships', 'deleted')) {
      await tx.members.restoreMembership(
        m as unknown as Parameters<Store['members']['restoreMembership']>[0],
      );
    }
    await tx.news.restoreNewsGovernments(
      before('news_governments', 'deleted') as unknown as Parameters<
        Store['news']['restoreNewsGovernments']
      >[0],
    );

    const at = nowIso();
    await tx.merges.markMergeUndone(id, at, actor.label);
    const note = gone ? `; ${gone} rows deleted or moved since stay as they are` : '';
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'government',
      entityId: keptId,
      summary: `Merge #${id} undone: ${record.name} (${merge.merged_slug}) is apart from ${merge.kept_slug} again${note}`,
      before: { mergeId: id },
      after: { mergeId: id, restored: restore, rowsLeft: gone },
    });
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'government',
      entityId: mergedId,
      summary: `${record.name} (${merge.merged_slug}) restored: merge #${id} undone`,
      after: { mergeId: id },
    });
  });
  return getMerge(store, id);
}

export async function getMerge(store: Store, id: number): Promise<GovernmentMerge> {
  const merge = await store.merges.findMerge(id);
  if (!merge) throw notFound('merge', `No merge ${id}.`);
  return (await presentMerges(store, [merge]))[0] as GovernmentMerge;
}

export async function listMerges(
  store: Store,
  actor: AuditActor | null | undefined,
  options: { page: number; pageSize: number },
): Promise<{ items: GovernmentMerge[]; total: number; page: number; pageSize: number }> {
  authorize(actor, 'government.merge', {}, 'Only administrators merge governments.');
  const { rows, total } = await store.merges.pageMerges(options.page, options.pageSize);
  return { items: await presentMerges(store, rows), total, ...options };
}
