import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases } from '../../../test/setup/databases';
import { makeTestApp, type TestApp } from '../../../test/setup/app';

type Headers = { cookie: string; 'x-csrf-token': string };
interface CandidateView {
  id: number;
  government: { slug: string };
  person: { fullName: string };
  title: string | null;
  status: string;
  hasEndorsement: boolean;
  endorsementUrl: string | null;
  ineligibility: string[];
}

const DAY = 24 * 60 * 60 * 1000;
const at = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();
const todayUtc = () => new Date().toISOString().slice(0, 10);
const PDF = Buffer.from('%PDF-1.4\n% Endorsement by the city council\n%%EOF\n');
const BODY_SLUG = 'east-asia-rexcom-elections-test';

/** A multipart/form-data body with one file part, written out by hand as a browser would. */
function multipart(filename: string, content: Buffer) {
  const boundary = `----accord-test-${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\n` +
      `Content-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
      'Content-Type: application/octet-stream\r\n\r\n',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, content, tail]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

describe.each(dialectCases())('elections on $label', ({ dialect, skip }) => {
  const it_ = skip ? it.skip : it;
  let t: TestApp;
  let admin: Headers;
  const officer: Record<string, Headers> = {};
  const gov: Record<string, number> = {};
  const person: Record<string, number> = {};

  beforeAll(async () => {
    if (skip) return;
    t = await makeTestApp(dialect);
    admin = await t.signInAdmin();
    for (const slug of ['kyoto', 'seoul', 'suwon', 'changchun', 'new-taipei', 'tokyo']) {
      officer[slug] = await t.signInOfficer(slug);
    }
    const k = t.db.kysely;
    for (const g of await k.selectFrom('governments').select(['id', 'slug']).execute()) {
      gov[g.slug] = g.id;
    }
    for (const p of await k.selectFrom('people').select(['id', 'full_name']).execute()) {
      person[p.full_name] = p.id;
    }
    // The governance routes are written alongside; a body row is all an election needs.
    const region = await k
      .selectFrom('regions')
      .where('slug', '=', 'east-asia')
      .select('id')
      .executeTakeFirstOrThrow();
    const now = new Date().toISOString();
    await k
      .insertInto('bodies')
      .values({
        slug: BODY_SLUG,
        kind: 'rexcom',
        region_id: region.id,
        names: JSON.stringify({ en: 'East Asia Regional Executive Committee (test)' }),
        description: '{}',
        quorum_numerator: 1,
        quorum_denominator: 2,
        quorum_strict: 1,
        proxies_count: 1,
        max_principals_per_proxy: 1,
        majority_rule: 'simple',
        term_years: 3,
        sort_order: 0,
        is_demo: 0,
        created_at: now,
        updated_at: now,
      })
      .execute();
  });
  afterAll(async () => {
    await t?.close();
  });

  const inject = (
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    headers?: Headers,
    payload?: object,
  ) => t.app.inject({ method, url: `/api/v1${url}`, ...(headers ? { headers } : {}), payload });

  /** Nominations open now; voting opens in two days. */
  async function createElection(fields: Record<string, unknown> = {}) {
    const res = await inject('POST', '/elections', admin, {
      body: BODY_SLUG,
      title: { en: 'RexCom election' },
      seats: 2,
      termLabel: '2031–2033',
      termStartsOn: '2031-01-01',
      termEndsOn: '2033-12-31',
      nominationsOpen: at(-10 * DAY),
      nominationsClose: at(DAY),
      votingOpen: at(2 * DAY),
      votingClose: at(5 * DAY),
      ...fields,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: number; phase: string; candidates: CandidateView[] };
  }

  async function nominate(
    headers: Headers,
    electionId: number,
    government: string,
    fullName: string,
    codeOfHonourAccepted = true,
  ): Promise<CandidateView> {
    const res = await inject('POST', `/elections/${electionId}/candidates`, headers, {
      governmentId: gov[government],
      personId: person[fullName],
      codeOfHonourAccepted,
    });
    expect(res.statusCode, res.body).toBe(201);
    const found = (res.json().candidates as CandidateView[]).find(
      (c) => c.government.slug === government,
    );
    if (!found) throw new Error(`no candidate of ${government}`);
    return found;
  }

  function upload(headers: Headers, candidateId: number, filename = 'endorsement.pdf', data = PDF) {
    const body = multipart(filename, data);
    return t.app.inject({
      method: 'POST',
      url: `/api/v1/candidates/${candidateId}/endorsement`,
      headers: { ...headers, 'content-type': body.contentType },
      payload: body.payload,
    });
  }

  async function endorse(headers: Headers, candidateId: number) {
    const res = await upload(headers, candidateId);
    expect(res.statusCode, res.body).toBe(200);
  }

  /** Moves the windows so that nominations closed yesterday and voting is open. */
  async function openVoting(id: number) {
    const res = await inject('PATCH', `/elections/${id}`, admin, {
      nominationsClose: at(-2 * DAY),
      votingOpen: at(-DAY),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().phase).toBe('voting');
  }

  async function closeVoting(id: number) {
    const res = await inject('PATCH', `/elections/${id}`, admin, { votingClose: at(-1000) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().phase).toBe('closed');
  }

  const vote = (slug: string, id: number, choices: number[]) =>
    inject('POST', `/elections/${id}/ballots`, officer[slug], { choices });

  it_('refuses bad windows, bad terms and unknown bodies, naming the field', async () => {
    const base = {
      body: BODY_SLUG,
      title: { en: 'Bad' },
      seats: 2,
      termLabel: 'x',
      termStartsOn: '2031-01-01',
      termEndsOn: '2033-12-31',
      nominationsOpen: at(DAY),
      nominationsClose: at(2 * DAY),
      votingOpen: at(3 * DAY),
      votingClose: at(4 * DAY),
    };
    const cases: [Record<string, unknown>, number, string][] = [
      [{ nominationsClose: at(0) }, 422, '/nominationsClose'],
      [{ votingOpen: at(1.5 * DAY) }, 422, '/votingOpen'],
      [{ votingClose: base.votingOpen }, 422, '/votingClose'],
      [{ termEndsOn: '2030-12-31' }, 422, '/termEndsOn'],
      [{ body: 'no-such-body' }, 422, '/body'],
      [{ seats: 0 }, 400, '/seats'],
    ];
    for (const [change, status, pointer] of cases) {
      const res = await inject('POST', '/elections', admin, { ...base, ...change });
      expect(res.statusCode, JSON.stringify(change)).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
    }
    const byOfficer = await inject('POST', '/elections', officer.kyoto, base);
    expect(byOfficer.statusCode).toBe(403);
    expect((await inject('GET', '/elections/999999')).statusCode).toBe(404);
  });

  // The main election: seats 2, candidates Kyoto, Suwon and New Taipei on the ballot.
  let main: { id: number };
  const cand: Record<string, CandidateView> = {};

  it_('takes nominations and reports why a candidacy is not eligible', async () => {
    main = await createElection();
    expect((await inject('GET', `/elections/${main.id}`)).json().phase).toBe('nominations');

    const kyoto = await nominate(officer.kyoto!, main.id, 'kyoto', 'Daisaku Kadokawa');
    expect(kyoto).toMatchObject({ title: 'mayor', status: 'nominated', hasEndorsement: false });
    expect(kyoto.ineligibility).toEqual(['endorsement-missing']);
    await endorse(officer.kyoto!, kyoto.id);

    // A prospect, standing through someone who holds no post there.
    const tokyo = await nominate(admin, main.id, 'tokyo', 'Daisaku Kadokawa');
    expect(tokyo.ineligibility).toEqual(
      expect.arrayContaining(['not-full-member', 'no-political-leader']),
    );
    // A member standing through its director-general, who is not a political leader.
    const seoul = await nominate(officer.seoul!, main.id, 'seoul', 'Min Kwon');
    expect(seoul.ineligibility).toContain('no-political-leader');
    expect(seoul.ineligibility).not.toContain('not-full-member');
    await endorse(officer.seoul!, seoul.id);

    const changchun = await nominate(admin, main.id, 'changchun', 'Lina Jia', false);
    expect(changchun.ineligibility).toEqual(['code-of-honour-not-accepted', 'endorsement-missing']);

    cand.kyoto = kyoto;
    cand.suwon = await nominate(officer.suwon!, main.id, 'suwon', 'Tae-Young Yeom');
    await endorse(admin, cand.suwon.id);
    cand.newTaipei = await nominate(admin, main.id, 'new-taipei', 'Cheng-Ta Hsieh');
    await endorse(admin, cand.newTaipei.id);

    const election = (await inject('GET', `/elections/${main.id}`, officer.kyoto)).json();
    const bySlug = new Map<string, CandidateView>(
      (election.candidates as CandidateView[]).map((c) => [c.government.slug, c]),
    );
    expect(bySlug.get('kyoto')).toMatchObject({ ineligibility: [], hasEndorsement: true });
    expect(bySlug.get('kyoto')?.endorsementUrl).toBe(`/api/v1/candidates/${kyoto.id}/endorsement`);
    // Another member's officer learns that an endorsement exists, not where to read it.
    expect(bySlug.get('suwon')).toMatchObject({ hasEndorsement: true, endorsementUrl: null });
    expect(election.eligibleVoters).toBe(5);
    expect(election.viewer).toMatchObject({
      canManage: false,
      governmentId: gov.kyoto,
      canVote: false,
      hasVoted: false,
      cannotVoteReason: 'voting-not-open',
    });
  });

  it_('lets an officer act only for their own government, and once', async () => {
    const forKyoto = await inject('POST', `/elections/${main.id}/candidates`, officer.seoul, {
      governmentId: gov.kyoto,
      personId: person['Daisaku Kadokawa'],
      codeOfHonourAccepted: true,
    });
    expect(forKyoto.statusCode).toBe(403);
    const again = await inject('POST', `/elections/${main.id}/candidates`, officer.kyoto, {
      governmentId: gov.kyoto,
      personId: person['Daisaku Kadokawa'],
      codeOfHonourAccepted: true,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors[0].pointer).toBe('/governmentId');
    const unknownPerson = await inject('POST', `/elections/${main.id}/candidates`, admin, {
      governmentId: gov.busan,
      personId: 999999,
      codeOfHonourAccepted: true,
    });
    expect(unknownPerson.statusCode).toBe(422);
    expect(unknownPerson.json().errors[0].pointer).toBe('/personId');

    expect((await upload(officer.seoul!, cand.kyoto!.id)).statusCode).toBe(403);
    const exe = await upload(officer.kyoto!, cand.kyoto!.id, 'endorsement.exe', Buffer.from('MZ'));
    expect(exe.statusCode).toBe(422);
    expect(exe.json().errors[0].pointer).toBe('/file');
  });

  it_('serves the endorsement to the secretariat and the candidate officer only', async () => {
    const url = `/candidates/${cand.kyoto!.id}/endorsement`;
    const byAdmin = await inject('GET', url, admin);
    expect(byAdmin.statusCode).toBe(200);
    expect(byAdmin.headers['content-type']).toBe('application/pdf');
    expect(byAdmin.rawPayload.equals(PDF)).toBe(true);
    expect((await inject('GET', url, officer.kyoto)).statusCode).toBe(200);
    expect((await inject('GET', url, officer.seoul)).statusCode).toBe(403);
    expect((await inject('GET', url)).statusCode).toBe(401);
  });

  // Found by test/api/hostile-input.test.ts: PostgreSQL refused a name holding a NUL (500).
  it_('keeps no control characters of an endorsement file name', async () => {
    const candidate = cand.kyoto!.id;
    const res = await upload(officer.kyoto!, candidate, 'en\u0000dorsement\t.pdf');
    expect(res.statusCode, res.body).toBe(200);
    const read = await inject('GET', `/candidates/${candidate}/endorsement`, admin);
    expect(read.headers['content-disposition']).toContain('filename="endorsement.pdf"');
  });

  it_('refuses ballots before voting opens', async () => {
    const res = await vote('kyoto', main.id, [cand.kyoto!.id]);
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toMatch(/Voting opens/);
  });

  it_('takes one secret ballot per member from its officer', async () => {
    await openVoting(main.id);
    const K = cand.kyoto!.id;
    const S = cand.suwon!.id;
    const N = cand.newTaipei!.id;

    const view = (await inject('GET', `/elections/${main.id}`, officer.kyoto)).json();
    expect(view.viewer).toMatchObject({ canVote: true, hasVoted: false, cannotVoteReason: null });

    // The secretariat does not vote for members, and a prospect has no vote.
    expect(
      (await inject('POST', `/elections/${main.id}/ballots`, admin, { choices: [K] })).statusCode,
    ).toBe(403);
    expect((await vote('tokyo', main.id, [K])).statusCode).toBe(403);
    // Once voting is open the candidates are fixed, even for the secretariat.
    const late = await inject('POST', `/elections/${main.id}/candidates`, admin, {
      governmentId: gov.busan,
      personId: person['Daisaku Kadokawa'],
      codeOfHonourAccepted: true,
    });
    expect(late.statusCode).toBe(409);

    const tooMany = await vote('kyoto', main.id, [K, S, N]);
    expect(tooMany.statusCode).toBe(422);
    expect(tooMany.json().errors[0].pointer).toBe('/choices');
    // Seoul's candidacy is not eligible, so it is not on the ballot.
    const seoulCandidate = (view.candidates as CandidateView[]).find(
      (c) => c.government.slug === 'seoul',
    );
    expect((await vote('kyoto', main.id, [seoulCandidate!.id])).statusCode).toBe(422);

    const first = await vote('kyoto', main.id, [S, K]);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toEqual({ votedOn: todayUtc() });
    const second = await vote('kyoto', main.id, [N]);
    expect(second.statusCode).toBe(409);
    expect(second.json().detail).toBe('This member has already voted.');

    expect((await vote('seoul', main.id, [K, S])).statusCode).toBe(201);
    expect((await vote('suwon', main.id, [S])).statusCode).toBe(201);
    expect((await vote('changchun', main.id, [])).statusCode).toBe(201);
    // New Taipei does not vote.

    const after = (await inject('GET', `/elections/${main.id}`, officer.kyoto)).json();
    expect(after.votesCast).toBe(4);
    expect(after.viewer).toMatchObject({
      canVote: false,
      hasVoted: true,
      cannotVoteReason: 'already-voted',
    });
    const early = await inject('GET', `/elections/${main.id}/result`);
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toMatch(/still open/);
  });

  it_('keeps the register and the ballot box apart', async () => {
    const register = await inject('GET', `/elections/${main.id}/voters`, admin);
    expect(register.statusCode).toBe(200);
    const rows = register.json().items as {
      government: { slug: string };
      eligible: boolean;
      reason: string | null;
      votedOn: string | null;
    }[];
    expect(rows.map((r) => r.government.slug).sort()).toEqual(
      ['changchun', 'kyoto', 'new-taipei', 'seoul', 'suwon'].sort(),
    );
    expect(rows.every((r) => r.eligible && r.reason === null)).toBe(true);
    const voted = rows.filter((r) => r.votedOn !== null).map((r) => r.government.slug);
    expect(voted.sort()).toEqual(['changchun', 'kyoto', 'seoul', 'suwon']);
    expect(rows.find((r) => r.government.slug === 'kyoto')?.votedOn).toBe(todayUtc());
    expect((await inject('GET', `/elections/${main.id}/voters`, officer.kyoto)).statusCode).toBe(
      403,
    );

    const box = await t.db.kysely
      .selectFrom('ballots')
      .selectAll()
      .where('election_id', '=', main.id)
      .execute();
    expect(box).toHaveLength(4);
    for (const b of box) {
      expect(Object.keys(b).sort()).toEqual(['choices', 'election_id', 'id']);
      expect(b.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    const K = cand.kyoto!.id;
    const S = cand.suwon!.id;
    const sorted = [K, S].sort((a, b) => a - b);
    expect(box.map((b) => b.choices).sort()).toEqual(
      [JSON.stringify(sorted), JSON.stringify(sorted), JSON.stringify([S]), '[]'].sort(),
    );

    // The audit log says who voted and nothing about how.
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_type', '=', 'election')
      .where('entity_id', '=', String(main.id))
      .where('summary', 'like', '%voted in%')
      .execute();
    expect(audit.map((a) => a.summary).sort()).toEqual(
      ['Changchun', 'Kyoto', 'Seoul', 'Suwon'].map((n) => `${n} voted in "RexCom election"`),
    );
    expect(audit.every((a) => a.before_json === null && a.after_json === null)).toBe(true);
    const everything = JSON.stringify(
      await t.db.kysely.selectFrom('audit_log').selectAll().execute(),
    );
    for (const b of box) expect(everything).not.toContain(b.id);
  });

  it_('counts the stored ballots once voting has closed', async () => {
    const locked = await inject('PATCH', `/elections/${main.id}`, admin, { seats: 3 });
    expect(locked.statusCode).toBe(409);
    await closeVoting(main.id);
    expect((await vote('new-taipei', main.id, [cand.kyoto!.id])).statusCode).toBe(409);
    const reopen = await inject('PATCH', `/elections/${main.id}`, admin, { votingClose: at(DAY) });
    expect(reopen.statusCode).toBe(409);

    const res = await inject('GET', `/elections/${main.id}/result`);
    expect(res.statusCode).toBe(200);
    const result = res.json();
    const K = cand.kyoto!.id;
    const S = cand.suwon!.id;
    const N = cand.newTaipei!.id;
    // By hand: Suwon 3 (Kyoto, Seoul, Suwon), Kyoto 2 (Kyoto, Seoul), New Taipei 0; one blank.
    expect(result).toMatchObject({
      seats: 2,
      ballots: 4,
      blankBallots: 1,
      invalidBallots: 0,
      elected: [S, K],
      tieAtCutoff: false,
      seatsUndecided: 0,
      candidates: [
        { candidateId: S, votes: 3, rank: 1, elected: true, tied: false },
        { candidateId: K, votes: 2, rank: 2, elected: true, tied: false },
        { candidateId: N, votes: 0, rank: 3, elected: false, tied: false },
      ],
    });
    expect(Date.parse(result.countedAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it_('fills the seats from the result once', async () => {
    const noTie = await inject('POST', `/elections/${main.id}/fill`, admin, {
      tieWinners: [cand.newTaipei!.id],
    });
    expect(noTie.statusCode).toBe(422);
    expect((await inject('POST', `/elections/${main.id}/fill`, officer.kyoto, {})).statusCode).toBe(
      403,
    );

    const res = await inject('POST', `/elections/${main.id}/fill`, admin, {});
    expect(res.statusCode, res.body).toBe(200);
    const filled = res.json().filledTerm;
    expect(filled).toMatchObject({
      label: '2031–2033',
      startsOn: '2031-01-01',
      endsOn: '2033-12-31',
      seatCount: 2,
    });
    const seats = await t.db.kysely
      .selectFrom('seats')
      .where('term_id', '=', filled.id)
      .select(['id', 'government_id', 'person_id', 'position'])
      .orderBy('sort_order')
      .execute();
    expect(seats.map((s) => [s.government_id, s.person_id, s.position])).toEqual([
      [gov.suwon, person['Tae-Young Yeom'], 'member'],
      [gov.kyoto, person['Daisaku Kadokawa'], 'member'],
    ]);
    const events = await t.db.kysely
      .selectFrom('seat_events')
      .where(
        'seat_id',
        'in',
        seats.map((s) => s.id),
      )
      .select(['kind', 'person_id'])
      .execute();
    expect(events.map((e) => e.kind)).toEqual(['created', 'created']);

    const twice = await inject('POST', `/elections/${main.id}/fill`, admin, {});
    expect(twice.statusCode).toBe(409);
    const edit = await inject('PATCH', `/elections/${main.id}`, admin, { termLabel: 'y' });
    expect(edit.statusCode).toBe(409);
  });

  let tiedId = 0;
  it_('flags a tie across the last seat and fills it by the secretariat decision', async () => {
    const e = await createElection({
      title: { en: 'Tied election' },
      termLabel: '2034–2036',
      termStartsOn: '2034-01-01',
      termEndsOn: '2036-12-31',
    });
    tiedId = e.id;
    const K = (await nominate(officer.kyoto!, e.id, 'kyoto', 'Daisaku Kadokawa')).id;
    const Se = (await nominate(officer.seoul!, e.id, 'seoul', 'Jeong Hyup Seo')).id;
    const Su = (await nominate(officer.suwon!, e.id, 'suwon', 'Moo Young Jo')).id;
    const C = (await nominate(officer.changchun!, e.id, 'changchun', 'Lina Jia')).id;
    for (const id of [K, Se, Su, C]) await endorse(admin, id);
    const withdrawn = await inject('POST', `/candidates/${C}/withdraw`, officer.changchun);
    expect(withdrawn.statusCode).toBe(200);
    expect((withdrawn.json().candidates as CandidateView[]).find((c) => c.id === C)?.status).toBe(
      'withdrawn',
    );
    expect((await inject('POST', `/candidates/${C}/withdraw`, officer.changchun)).statusCode).toBe(
      409,
    );

    await openVoting(e.id);
    // A withdrawn candidacy is not on the ballot.
    expect((await vote('changchun', e.id, [C])).statusCode).toBe(422);
    // Members voting at the same moment all get in; a member voting twice at once gets in once.
    const together = await Promise.all([
      vote('kyoto', e.id, [K, Se]),
      vote('seoul', e.id, [K, Su]),
      vote('suwon', e.id, [K]),
      vote('suwon', e.id, [K]),
    ]);
    expect(together.map((r) => r.statusCode).sort()).toEqual([201, 201, 201, 409]);
    expect((await vote('changchun', e.id, [Se, Su])).statusCode).toBe(201);
    await closeVoting(e.id);
    expect(
      await t.db.kysely
        .selectFrom('ballots')
        .where('election_id', '=', e.id)
        .select('id')
        .execute(),
    ).toHaveLength(4);

    const result = (await inject('GET', `/elections/${e.id}/result`)).json();
    // Kyoto 3; Seoul 2 and Suwon 2 tie for the second seat.
    expect(result).toMatchObject({ elected: [K], tieAtCutoff: true, seatsUndecided: 1 });
    expect(
      (result.candidates as { candidateId: number; tied: boolean }[])
        .filter((c) => c.tied)
        .map((c) => c.candidateId)
        .sort(),
    ).toEqual([Se, Su].sort());

    for (const body of [{}, { tieWinners: [K] }, { tieWinners: [Se, Su] }]) {
      const res = await inject('POST', `/elections/${e.id}/fill`, admin, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(422);
      expect(res.json().errors[0].pointer).toBe('/tieWinners');
    }
    const res = await inject('POST', `/elections/${e.id}/fill`, admin, { tieWinners: [Su] });
    expect(res.statusCode, res.body).toBe(200);
    const seats = await t.db.kysely
      .selectFrom('seats')
      .where('term_id', '=', res.json().filledTerm.id)
      .select(['government_id', 'person_id'])
      .orderBy('sort_order')
      .execute();
    expect(seats).toEqual([
      { government_id: gov.kyoto, person_id: person['Daisaku Kadokawa'] },
      { government_id: gov.suwon, person_id: person['Moo Young Jo'] },
    ]);
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .where('entity_type', '=', 'election')
      .where('entity_id', '=', String(e.id))
      .where('summary', 'like', '%filled%')
      .select('summary')
      .executeTakeFirstOrThrow();
    expect(audit.summary).toContain("resolved by the secretariat's decision");
    expect(
      (await inject('POST', `/elections/${e.id}/fill`, admin, { tieWinners: [Su] })).statusCode,
    ).toBe(409);
  });

  it_('lists elections newest first with their phase', async () => {
    const res = await inject('GET', `/elections?body=${BODY_SLUG}`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { id: number; phase: string; filledTerm: unknown }[];
    expect(items.map((i) => i.id)).toEqual([tiedId, main.id]);
    expect(items.every((i) => i.phase === 'closed' && i.filledTerm !== null)).toBe(true);
    expect((await inject('GET', '/elections?body=nothing-here')).json().items).toEqual([]);
  });

  it_('documents every route in the OpenAPI document', async () => {
    const doc = (await inject('GET', '/openapi.json')).json();
    for (const p of [
      '/api/v1/elections',
      '/api/v1/elections/{id}',
      '/api/v1/elections/{id}/candidates',
      '/api/v1/candidates/{id}/endorsement',
      '/api/v1/candidates/{id}/withdraw',
      '/api/v1/elections/{id}/ballots',
      '/api/v1/elections/{id}/voters',
      '/api/v1/elections/{id}/result',
      '/api/v1/elections/{id}/fill',
    ]) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
  });
});
