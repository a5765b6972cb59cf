import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases, freshDatabase } from '../../../test/setup/databases';
import type { AuditActor } from '../audit/service';
import { bootstrapDatabase } from '../setup/bootstrap';
import { FileStore } from '../media/storage';
import { electionRowHeaders } from '../db/row-headers';
import { countingStatements, selectRowids } from '../db/statement-counter';
import { storeOver, type StoreDb } from '../store';
import * as elections from './service';

/**
 * The elections services without HTTP, on both databases: nominations and who may stand,
 * casting with the register apart from the box, the count and filling the seats.
 */

const DAY = 24 * 60 * 60 * 1000;
const at = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();
const PDF = Buffer.from('%PDF-1.4\n% Endorsement\n%%EOF\n');
const admin: AuditActor = {
  userId: null as unknown as number,
  role: 'admin',
  governmentId: null,
  label: 'secretariat (test)',
};

describe.each(dialectCases())('elections services on $label', ({ dialect, skip }) => {
  const it_ = skip ? it.skip : it;
  let db: StoreDb;
  let drop: () => Promise<void>;
  let files: FileStore;
  let dataDir: string;
  const gov: Record<string, number> = {};
  const person: Record<string, number> = {};
  const officer = (slug: string): AuditActor => ({
    userId: null as unknown as number,
    role: 'officer',
    governmentId: gov[slug] ?? null,
    label: `officer of ${slug}`,
  });

  beforeAll(async () => {
    if (skip) return;
    ({ db, drop } = await freshDatabase(dialect));
    await bootstrapDatabase(db, { seedDemo: true, adminPassword: 'x'.repeat(12) });
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-elections-'));
    files = new FileStore(dataDir);
    for (const g of await db.kysely.selectFrom('governments').select(['id', 'slug']).execute()) {
      gov[g.slug] = g.id;
    }
    for (const p of await db.kysely.selectFrom('people').select(['id', 'full_name']).execute()) {
      person[p.full_name] = p.id;
    }
  });
  afterAll(async () => {
    await drop?.();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  /** An election of the East Asia RexCom whose nominations are open now. */
  const call = (termStartsOn: string, seats = 1) =>
    elections.createElection(db, admin, {
      body: 'east-asia-rexcom',
      title: { en: `Election of ${termStartsOn}` },
      seats,
      termLabel: `term from ${termStartsOn}`,
      termStartsOn,
      termEndsOn: `${Number(termStartsOn.slice(0, 4)) + 2}-12-31`,
      nominationsOpen: at(-10 * DAY),
      nominationsClose: at(DAY),
      votingOpen: at(2 * DAY),
      votingClose: at(5 * DAY),
    });

  it_(
    'lets an officer nominate for their own government only, and judges who may stand',
    async () => {
      const election = await call('2041-01-01');
      await expect(
        elections.nominate(db, officer('seoul'), election.id, {
          governmentId: gov.kyoto as number,
          personId: person['Daisaku Kadokawa'] as number,
          codeOfHonourAccepted: true,
        }),
      ).rejects.toMatchObject({
        status: 403,
        detail: 'An officer nominates candidates only for their own government.',
      });
      const viewer: AuditActor = { ...officer('seoul'), role: 'viewer' };
      await expect(
        elections.nominate(db, viewer, election.id, {
          governmentId: gov.seoul as number,
          personId: person['Min Kwon'] as number,
          codeOfHonourAccepted: true,
        }),
      ).rejects.toMatchObject({
        status: 403,
        detail: "Only the secretariat or a member's officer nominates candidates.",
      });

      const after = await elections.nominate(db, officer('kyoto'), election.id, {
        governmentId: gov.kyoto as number,
        personId: person['Daisaku Kadokawa'] as number,
        codeOfHonourAccepted: false,
      });
      const kyoto = after.candidates.find((c) => c.government.slug === 'kyoto');
      expect(kyoto?.title).toBe('mayor');
      // Without the code of honour and an endorsement the candidacy stands but is off the ballot.
      expect(kyoto?.ineligibility).toEqual(expect.arrayContaining(['code-of-honour-not-accepted']));
      expect(kyoto?.hasEndorsement).toBe(false);
      // The candidate's own officer may read the endorsement address, another officer may not.
      await elections.attachEndorsement(db, files, officer('kyoto'), kyoto!.id, {
        buffer: PDF,
        filename: 'endorsement.pdf',
      });
      const ownView = await elections.getElection(db, officer('kyoto'), election.id);
      const otherView = await elections.getElection(db, officer('seoul'), election.id);
      expect(ownView.candidates[0]?.endorsementUrl).toBe(
        `/api/v1/candidates/${kyoto!.id}/endorsement`,
      );
      expect(otherView.candidates[0]?.endorsementUrl).toBeNull();
      expect(otherView.viewer).toMatchObject({
        canManage: false,
        cannotVoteReason: 'voting-not-open',
      });
      expect((await elections.getElection(db, null, election.id)).viewer.cannotVoteReason).toBe(
        'not-signed-in',
      );
      expect((await elections.getElection(db, admin, election.id)).viewer).toMatchObject({
        canManage: true,
        cannotVoteReason: 'administrator',
      });
    },
  );

  it_('casts one ballot per member, keeps the register apart and counts and fills', async () => {
    const election = await call('2051-01-01');
    const candidates: number[] = [];
    for (const [slug, name] of [
      ['kyoto', 'Daisaku Kadokawa'],
      ['suwon', 'Tae-Young Yeom'],
    ] as const) {
      const view = await elections.nominate(db, admin, election.id, {
        governmentId: gov[slug] as number,
        personId: person[name] as number,
        codeOfHonourAccepted: true,
      });
      const c = view.candidates.find((x) => x.government.slug === slug)!;
      await elections.attachEndorsement(db, files, admin, c.id, {
        buffer: PDF,
        filename: `${slug}.pdf`,
      });
      candidates.push(c.id);
    }
    const onBallot = await elections.getElection(db, admin, election.id);
    expect(onBallot.candidates.map((c) => c.ineligibility)).toEqual([[], []]);
    const early = elections.castBallot(db, officer('kyoto'), election.id, {
      choices: [candidates[0]!],
    });
    await expect(early).rejects.toMatchObject({ status: 409 });
    await elections.updateElection(db, admin, election.id, {
      nominationsClose: at(-2 * DAY),
      votingOpen: at(-DAY),
    });

    await expect(
      elections.castBallot(db, admin, election.id, { choices: [candidates[0]!] }),
    ).rejects.toMatchObject({
      status: 403,
      detail: "Administrators do not cast ballots for members; each member's officer votes.",
    });
    await expect(
      elections.castBallot(db, { ...officer('kyoto'), role: 'viewer' }, election.id, {
        choices: [],
      }),
    ).rejects.toMatchObject({ status: 403, detail: "Only a member's officer casts its ballot." });

    await expect(elections.voterRegister(db, officer('kyoto'), election.id)).rejects.toMatchObject({
      status: 403,
    });
    const register = await elections.voterRegister(db, admin, election.id);
    const voters = register.items.filter((v) => v.eligible).map((v) => v.government.slug);
    expect(voters.length).toBeGreaterThanOrEqual(3);
    // Every eligible member but one votes for Kyoto's candidate; the last for Suwon's.
    const boxIds = async () =>
      (
        await db.kysely
          .selectFrom('ballots')
          .where('election_id', '=', election.id)
          .select('id')
          .execute()
      ).map((b) => b.id);
    let idsBefore: string[] = [];
    for (const [i, slug] of voters.entries()) {
      const choice = i === voters.length - 1 ? candidates[1]! : candidates[0]!;
      const receipt = await elections.castBallot(db, officer(slug), election.id, {
        choices: [choice],
      });
      expect(receipt.votedOn).toBe(new Date().toISOString().slice(0, 10));
      // A cast writes its ballot once and moves no other: two copies of the box taken apart
      // show which ballots arrived between them (the totals say as much) and, their keys being
      // independent random draws, nothing of which came with which cast (ballot-box.test.ts).
      const idsAfter = await boxIds();
      expect(idsAfter).toHaveLength(i + 1);
      expect(idsAfter.filter((id) => !idsBefore.includes(id))).toHaveLength(1);
      expect(idsBefore.every((id) => idsAfter.includes(id))).toBe(true);
      idsBefore = idsAfter;
    }
    await expect(
      elections.castBallot(db, officer(voters[0]!), election.id, { choices: [] }),
    ).rejects.toMatchObject({ status: 409, detail: 'This member has already voted.' });
    const view = await elections.getElection(db, officer(voters[0]!), election.id);
    expect(view.votesCast).toBe(voters.length);
    expect(view.viewer).toMatchObject({ canVote: false, cannotVoteReason: 'already-voted' });
    const afterVote = await elections.voterRegister(db, admin, election.id);
    expect(afterVote.items.filter((v) => v.votedOn !== null)).toHaveLength(voters.length);
    // The box holds the choices only: no column of it names a government.
    const box = await db.kysely.selectFrom('ballots').selectAll().execute();
    expect(box.filter((b) => b.election_id === election.id)).toHaveLength(voters.length);
    expect(Object.keys(box[0] ?? {}).sort()).toEqual(['choices', 'election_id', 'id']);

    await expect(elections.electionResult(db, election.id)).rejects.toMatchObject({
      status: 409,
    });
    if (dialect === 'postgres') {
      // While voting, PostgreSQL's row headers tie each ballot to its register line: both were
      // written by the cast's transaction.
      const lines = new Set(
        (await electionRowHeaders(db, 'election_voters', election.id)).map((h) => h.writer),
      );
      const box = await electionRowHeaders(db, 'ballots', election.id);
      expect(new Set(box.map((h) => h.writer)).size).toBe(voters.length);
      expect(box.every((h) => lines.has(h.writer))).toBe(true);
    }
    await elections.updateElection(db, admin, election.id, { votingClose: at(-1000) });
    const result = await elections.electionResult(db, election.id);
    expect(result.ballots).toBe(voters.length);
    // The first count after the close sealed the box: the same ballots, and on PostgreSQL one
    // writer for all of them and for the register, and the box lying in key order.
    expect((await boxIds()).sort()).toEqual([...idsBefore].sort());
    const sealed = await db.kysely
      .selectFrom('elections')
      .select('ballots_sealed_at')
      .where('id', '=', election.id)
      .executeTakeFirstOrThrow();
    expect(sealed.ballots_sealed_at).not.toBeNull();
    if (dialect === 'postgres') {
      const lines = await electionRowHeaders(db, 'election_voters', election.id);
      const box = await electionRowHeaders(db, 'ballots', election.id);
      expect(new Set([...lines, ...box].map((h) => h.writer)).size).toBe(1);
      const places = box.map((h) => h.place);
      const inPlaceOrder = [...places].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      expect(places).toEqual(inPlaceOrder);
    }
    // Counted again, it is not rewritten again.
    await elections.electionResult(db, election.id);
    const again = await db.kysely
      .selectFrom('elections')
      .select('ballots_sealed_at')
      .where('id', '=', election.id)
      .executeTakeFirstOrThrow();
    expect(again.ballots_sealed_at).toBe(sealed.ballots_sealed_at);
    expect(result.elected).toEqual([candidates[0]]);
    expect(result.tieAtCutoff).toBe(false);

    const filled = await elections.fillSeats(db, admin, election.id, {});
    expect(filled.filledTerm).toMatchObject({ startsOn: '2051-01-01', seatCount: 1 });
    const seats = await db.kysely
      .selectFrom('seats')
      .where('term_id', '=', filled.filledTerm!.id)
      .select(['government_id', 'person_id'])
      .execute();
    expect(seats).toEqual([{ government_id: gov.kyoto, person_id: person['Daisaku Kadokawa'] }]);
    await expect(elections.fillSeats(db, admin, election.id, {})).rejects.toMatchObject({
      status: 409,
    });
  });

  it_(
    'writes each cast once: the box holds the ballots cast, by key, at a cost that does not grow',
    async () => {
      const election = await call('2061-01-01');
      const view = await elections.nominate(db, admin, election.id, {
        governmentId: gov.kyoto as number,
        personId: person['Daisaku Kadokawa'] as number,
        codeOfHonourAccepted: true,
      });
      const candidate = view.candidates[0]!.id;
      await elections.attachEndorsement(db, files, admin, candidate, {
        buffer: PDF,
        filename: 'kyoto.pdf',
      });
      await elections.updateElection(db, admin, election.id, {
        nominationsClose: at(-2 * DAY),
        votingOpen: at(-DAY),
      });
      const register = await elections.voterRegister(db, admin, election.id);
      const [first, second] = register.items
        .filter((v) => v.eligible)
        .map((v) => v.government.slug);

      // Every statement the casts send, counted by a plugin on the same connection.
      const counter = countingStatements(db);
      const counted = storeOver(counter.db);
      const statementsOfCast = async (slug: string, choices: number[]) => {
        counter.reset();
        await elections.castBallot(counted, officer(slug!), election.id, { choices });
        return counter.count();
      };

      const intoEmptyBox = await statementsOfCast(first!, [candidate]);
      // 300 ballots more, as if as many members had voted.
      const earlier = Array.from({ length: 300 }, (_, i) => ({
        id: crypto.randomUUID(),
        election_id: election.id,
        choices: i % 3 ? JSON.stringify([candidate]) : '[]',
      }));
      for (let i = 0; i < earlier.length; i += 100) {
        await db.kysely
          .insertInto('ballots')
          .values(earlier.slice(i, i + 100))
          .execute();
      }
      const intoFullBox = await statementsOfCast(second!, []);
      expect(intoFullBox).toBe(intoEmptyBox);

      // The box holds exactly the ballots cast, each once, and reads in key order.
      const box = await db.elections.ballotsOf(election.id);
      expect(box).toHaveLength(302);
      expect(box.map((b) => b.id)).toEqual(box.map((b) => b.id).sort());
      expect(new Set(box.map((b) => b.id)).size).toBe(302);
      const tally = (choices: string[]) =>
        [...choices]
          .sort()
          .reduce<Record<string, number>>((t, c) => ({ ...t, [c]: (t[c] ?? 0) + 1 }), {});
      expect(tally(box.map((b) => b.choices))).toEqual(
        tally([...earlier.map((b) => b.choices), JSON.stringify([candidate]), '[]']),
      );
      if (dialect === 'sqlite') {
        // No rowid keeps the order in which the ballots were written.
        await expect(selectRowids(db, 'ballots')).rejects.toThrow(/rowid/);
      }
    },
  );
});
