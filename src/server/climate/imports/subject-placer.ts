import type { ImportReason } from '../../../core/climate/import-reasons';
import type { GovernmentIndex, GovernmentRef, ProspectPlan } from './governments';
import type { Subject } from './mapping';

/**
 * Where each row's subject goes: the government it matches (governments.ts), the one a person
 * chose for it in a preview, a new prospect, or nowhere (skipped, saying why); and the matches
 * the run was not sure of, listed once per subject for a person to decide on.
 */

/** A person's answer, in a preview, to a match the run was not sure of. */
export interface MatchDecision {
  /** The preview run it was given in. */
  runId: number;
  decision: 'accept' | 'create' | 'skip';
  /** For accept: the government the rows are about. */
  slug: string | null;
}

/** Why a run lists a match for a person. */
export type UncertainStatus = 'likely' | 'several' | 'other-key';

/** A match a run was not sure of, listed once per subject for a person to confirm or reject. */
export interface UncertainMatch {
  subjectKey: string;
  row: number;
  names: string[];
  country: string | null;
  status: UncertainStatus;
  /** What the run did: the government it used or created, or null when it skipped the rows. */
  applied: string | null;
  /** Governments the rows may be about, by slug. */
  candidates: string[];
  /** The decision from a preview that this run applied, if any. */
  decision: MatchDecision['decision'] | null;
}

export type Placement =
  | {
      ref: GovernmentRef;
      prospect: ProspectPlan | null;
      link: { governmentId: number; cdpAccount: string | null; nztId: string | null } | null;
      notes: ImportReason[];
      match: UncertainMatch | null;
    }
  | { skip: ImportReason; match: UncertainMatch | null };

/**
 * Places each row's subject: matches it (see GovernmentIndex.match), applies a person's decision
 * from a preview where the run could not be sure, or plans a prospect; lists once per subject
 * the matches a person should look at.
 */
export class SubjectPlacer {
  private readonly listed = new Set<string>();

  constructor(
    private readonly index: GovernmentIndex,
    private readonly options: { noCreate: boolean },
    private readonly decisions: ReadonlyMap<string, MatchDecision> = new Map(),
  ) {}

  place(subject: Subject, row: number): Placement {
    const match = this.index.match(subject);
    const sure = match.kind === 'matched' && !match.uncertain;
    const decided = sure ? undefined : this.decisions.get(subject.key);
    const list = (
      status: UncertainStatus,
      candidates: readonly GovernmentRef[],
      applied: string | null,
    ): UncertainMatch | null => {
      if (this.listed.has(subject.key)) return null;
      this.listed.add(subject.key);
      return {
        subjectKey: subject.key,
        row,
        names: subject.names,
        country: subject.iso2 ?? subject.country,
        status,
        applied,
        candidates: [...new Set(candidates.map((c) => c.slug))],
        decision: decided?.decision ?? null,
      };
    };
    const status: UncertainStatus =
      match.kind === 'ambiguous' ? 'several' : match.kind === 'none' ? 'other-key' : 'likely';
    const candidates =
      match.kind === 'ambiguous'
        ? match.candidates
        : match.kind === 'none'
          ? match.others
          : [match.ref];
    const run = decided?.runId ?? 0;

    if (decided?.decision === 'skip') {
      return {
        skip: { code: 'rejected-in-preview', params: { run } },
        match: list(status, candidates, null),
      };
    }
    if (decided?.decision === 'accept' && decided.slug) {
      const ref = this.index.bySlug(decided.slug);
      if (ref)
        return this.matched(
          ref,
          subject,
          [{ code: 'matched-as-confirmed', params: { run } }],
          list(status, candidates, ref.slug),
        );
    }
    if (decided?.decision === 'create') {
      return this.prospect(
        subject,
        (name) => ({ code: 'new-prospect-as-chosen', params: { name, run } }),
        (slug) => list(status, candidates, slug),
      );
    }

    if (match.kind === 'matched') {
      const notes: ImportReason[] = [];
      if (match.by === 'likely-name') {
        notes.push({ code: 'matched-by-likely-name', params: { government: match.ref.name } });
      } else if (match.by === 'name') notes.push({ code: 'matched-by-name' });
      return this.matched(
        match.ref,
        subject,
        notes,
        match.uncertain ? list('likely', [match.ref], match.ref.slug) : null,
      );
    }
    if (match.kind === 'ambiguous') {
      return {
        skip: {
          code: 'several-governments',
          params: { governments: match.candidates.map((r) => r.name) },
        },
        match: list('several', match.candidates, null),
      };
    }
    const namesakes = match.others.map((r) => r.name);
    if (this.options.noCreate) {
      return {
        skip: namesakes.length
          ? { code: 'no-matching-government-namesakes', params: { namesakes } }
          : { code: 'no-matching-government' },
        match: namesakes.length ? list('other-key', match.others, null) : null,
      };
    }
    return this.prospect(
      subject,
      (name) =>
        namesakes.length
          ? { code: 'new-prospect-beside-namesakes', params: { name, namesakes } }
          : { code: 'new-prospect', params: { name } },
      (slug) => (namesakes.length ? list('other-key', match.others, slug) : null),
    );
  }

  private matched(
    ref: GovernmentRef,
    subject: Subject,
    notes: ImportReason[],
    match: UncertainMatch | null,
  ): Placement {
    if (!notes.length) return { ref, prospect: null, link: null, notes, match };
    // Matched without its key: the key is recorded so that the next run matches by it.
    const learnt = this.index.link(ref, subject);
    const link = learnt ? { governmentId: ref.id, ...learnt } : null;
    if (learnt?.cdpAccount) {
      notes.push({ code: 'cdp-account-recorded', params: { account: learnt.cdpAccount } });
    } else if (learnt?.nztId) {
      notes.push({ code: 'nzt-id-recorded', params: { id: learnt.nztId } });
    }
    return { ref, prospect: null, link, notes, match };
  }

  /** Plans a prospect; `note` says why, given the name the prospect gets. */
  private prospect(
    subject: Subject,
    note: (name: string) => ImportReason,
    listed: (slug: string | null) => UncertainMatch | null,
  ): Placement {
    const planned = this.index.planProspect(subject);
    if ('error' in planned) return { skip: planned.error, match: listed(null) };
    return {
      ref: planned.ref,
      prospect: planned.plan,
      link: null,
      notes: [note(planned.plan.name)],
      match: listed(planned.plan.slug),
    };
  }
}
