/**
 * Governance at network scale, on the database the directory bench filled: a Council of 300
 * seats meeting with a long agenda and a full register, and a network-wide election in which
 * every full member votes (each cast writes one ballot, whatever the size of the box).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { SYSTEM_ADMIN, type AuditActor } from '../src/server/audit/service';
import type { StoreDb as Db } from '../src/server/store';
import { nowIso } from '../src/server/clock';
import * as elections from '../src/server/elections/service';
import * as governance from '../src/server/governance/service';
import type { AppInstance } from '../src/server/http/app-types';
import { FileStore } from '../src/server/media/storage';
import { summarize, type BenchOptions, type Measurement } from './harness';

const SEATS = 300;
const DAY = 86_400_000;
const at = (offset: number) => new Date(Date.now() + offset).toISOString();

function median(times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  return (sorted[Math.floor(sorted.length / 2)] as number).toFixed(1);
}

async function timed(app: AppInstance, url: string, runs: number): Promise<string> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    const res = await app.inject({ url });
    if (res.statusCode !== 200)
      throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    times.push(performance.now() - s);
  }
  return median(times);
}

export async function benchGovernance(db: Db, app: AppInstance): Promise<void> {
  const admin = SYSTEM_ADMIN;
  const members = await db.kysely
    .selectFrom('memberships')
    .innerJoin('governments', 'governments.id', 'memberships.government_id')
    .where('memberships.category', '=', 'full-member')
    .select(['governments.id', 'governments.slug'])
    .orderBy('governments.id')
    .execute();

  // A Council of 300 seats, each with a representative.
  const t0 = performance.now();
  await governance.createBody(db, admin, {
    slug: 'bench-council',
    kind: 'council',
    names: { en: 'Council' },
  });
  const term = await governance.createTerm(db, admin, 'bench-council', {
    label: '2025–2028',
    startsOn: '2025-01-01',
    endsOn: '2028-12-31',
  });
  const now = nowIso();
  const seated = members.slice(0, SEATS);
  const people = await db.kysely
    .insertInto('people')
    .values(
      seated.map((g) => ({
        full_name: `Representative of ${g.slug}`,
        names: '{}',
        email: null,
        is_demo: 0,
        created_at: now,
        updated_at: now,
      })),
    )
    .returning('id')
    .execute();
  await db.kysely
    .insertInto('positions')
    .values(
      seated.map((g, i) => ({
        government_id: g.id,
        office_id: null,
        person_id: (people[i] as { id: number }).id,
        title: 'mayor',
        start_date: '2020-01-01',
        end_date: null,
      })),
    )
    .execute();
  for (const [i, g] of seated.entries()) {
    await governance.addSeat(db, admin, term.id, {
      governmentId: g.id,
      personId: (people[i] as { id: number }).id,
      position: i === 0 ? 'chair' : 'member',
      sortOrder: i,
    });
  }
  const agenda = Array.from({ length: 10 }, (_, i) => ({
    kind: 'report' as const,
    title: { en: `Part ${i + 1}` },
    children: Array.from({ length: 3 }, (_, j) => ({
      kind: 'report' as const,
      title: { en: `Item ${i + 1}.${j + 1}` },
      durationMinutes: 5,
    })),
  }));
  const meeting = await governance.createMeeting(db, admin, {
    body: 'bench-council',
    title: { en: 'Council meeting' },
    format: 'hybrid',
    start: '2026-06-01T09:00',
    end: '2026-06-01T17:00',
    timeZone: 'Europe/Berlin',
    agenda,
  });
  await governance.setMeetingStatus(db, admin, meeting.id, 'scheduled');
  await governance.invite(
    db,
    { publicUrl: 'http://bench', mailFrom: 'bench@accord.example' },
    admin,
    meeting.id,
    {
      seats: true,
    },
  );
  await governance.setMeetingStatus(db, admin, meeting.id, 'in-progress');
  const addTimes: number[] = [];
  for (const [i, g] of seated.slice(0, 280).entries()) {
    const s = performance.now();
    await governance.addAttendance(db, admin, meeting.id, {
      governmentId: g.id,
      name: i % 10 === 0 ? `Proxy ${i}` : `Representative of ${g.slug}`,
      capacity: i % 10 === 0 ? 'proxy' : 'own-right',
      mode: i % 2 ? 'online' : 'in-person',
    });
    if (i >= 250) addTimes.push(performance.now() - s);
  }
  console.log(
    `governance bench: a ${SEATS}-seat Council meeting with 40 agenda items, 280 present (28 by proxy), set up in ${(performance.now() - t0).toFixed(0)} ms`,
  );
  console.log(
    `  ${'record one attendee (register of ~260)'.padEnd(46)} median ${median(addTimes)} ms`,
  );
  console.log(
    `  ${'meeting page (GET /meetings/:id)'.padEnd(46)} median ${await timed(app, `/api/v1/meetings/${meeting.id}`, 20)} ms`,
  );
  console.log(
    `  ${'meeting .ics'.padEnd(46)} median ${await timed(app, `/api/v1/meetings/${meeting.id}.ics`, 20)} ms`,
  );
  const withMotion = await governance.addMotion(db, admin, meeting.id, {
    kind: 'substantive',
    text: { en: 'Adopt the budget' },
  });
  const motionId = (withMotion.motions[0] as { id: number }).id;
  const s = performance.now();
  await governance.decide(db, admin, motionId, {
    votes: withMotion.seats
      .filter((seat) => withMotion.quorum?.counted.includes(seat.government.id))
      .map((seat, i) => ({ seatId: seat.id, choice: i % 4 === 0 ? 'against' : 'for' })),
  });
  console.log(
    `  ${'record a decision, 300 seats'.padEnd(46)} ${(performance.now() - s).toFixed(1)} ms`,
  );

  // A network-wide election: every full member in good standing votes.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-bench-'));
  const store = new FileStore(path.join(dataDir, 'uploads'));
  await governance.createBody(db, admin, {
    slug: 'bench-gexcom',
    kind: 'gexcom',
    names: { en: 'GexCom' },
  });
  const election = await elections.createElection(db, admin, {
    body: 'bench-gexcom',
    title: { en: 'GexCom election' },
    seats: 5,
    termLabel: '2027–2030',
    termStartsOn: '2027-01-01',
    termEndsOn: '2030-12-31',
    nominationsOpen: at(-10 * DAY),
    nominationsClose: at(DAY),
    votingOpen: at(2 * DAY),
    votingClose: at(5 * DAY),
  });
  const candidateIds: number[] = [];
  for (const [i, g] of seated.slice(0, 12).entries()) {
    const after = await elections.nominate(db, admin, election.id, {
      governmentId: g.id,
      personId: (people[i] as { id: number }).id,
      codeOfHonourAccepted: true,
    });
    const candidate = after.candidates.find((c) => c.government.id === g.id);
    if (!candidate) throw new Error('bench: nomination lost');
    candidateIds.push(candidate.id);
    await elections.attachEndorsement(db, store, admin, candidate.id, {
      buffer: Buffer.from('%PDF-1.4\n%%EOF\n'),
      filename: 'endorsement.pdf',
    });
  }
  await elections.updateElection(db, admin, election.id, {
    nominationsClose: at(-2 * DAY),
    votingOpen: at(-DAY),
  });
  const castTimes: number[] = [];
  const t2 = performance.now();
  for (const [i, g] of members.entries()) {
    const officer: AuditActor = { userId: 1, role: 'officer', governmentId: g.id, label: 'bench' };
    const choices = [0, 1, 2, 3, 4].map(
      (k) => candidateIds[(i + k * 3) % candidateIds.length] as number,
    );
    const c = performance.now();
    await elections.castBallot(db, officer, election.id, { choices: [...new Set(choices)] });
    castTimes.push(performance.now() - c);
  }
  const castTotal = performance.now() - t2;
  const window = (from: number, to: number) => median(castTimes.slice(from, to));
  console.log(
    `election bench: ${members.length} members voted in ${(castTotal / 1000).toFixed(1)} s`,
  );
  console.log(`  ${'one cast, box of ~100'.padEnd(46)} median ${window(50, 150)} ms`);
  console.log(
    `  ${`one cast, box of ~${members.length - 100}`.padEnd(46)} median ${window(members.length - 150, members.length - 50)} ms`,
  );
  await elections.updateElection(db, admin, election.id, { votingClose: at(-1000) });
  console.log(
    `  ${'count from the stored ballots (GET /result)'.padEnd(46)} median ${await timed(app, `/api/v1/elections/${election.id}/result`, 10)} ms`,
  );
  fs.rmSync(dataDir, { recursive: true, force: true });
}

/**
 * Casting ballots as the box grows: `voters` members (10,000; 2,000 when quick) of a network-wide
 * body vote one after another. A cast's cost must not depend on the ballots already in the box,
 * so the last 1,000 casts are compared with the first 1,000 (their ratio stays near 1 when the
 * whole election is linear; a cast that rewrote the box would make it grow with the electorate).
 */
export async function benchElectionCasts(
  db: Db,
  _app: AppInstance,
  opts: BenchOptions,
): Promise<Measurement[]> {
  const voters = opts.quick ? 2_000 : 10_000;
  const window = Math.min(1_000, Math.floor(voters / 2));
  const admin = SYSTEM_ADMIN;
  const now = nowIso();
  const region = await db.kysely.selectFrom('regions').select('id').executeTakeFirstOrThrow();
  const electorate: number[] = [];
  for (let start = 0; start < voters; start += 500) {
    const ids = await db.kysely
      .insertInto('governments')
      .values(
        Array.from({ length: Math.min(500, voters - start) }, (_, i) => ({
          slug: `bench-voter-${start + i}`,
          kind: 'city',
          country: 'JP',
          region_id: region.id,
          local_lang: 'en',
          population: null,
          population_year: null,
          area_km2: null,
          latitude: null,
          longitude: null,
          unlocode: null,
          cdp_account: null,
          website: null,
          is_demo: 0,
          created_at: now,
          updated_at: now,
        })),
      )
      .returning('id')
      .execute();
    await db.kysely
      .insertInto('memberships')
      .values(
        ids.map(({ id }) => ({
          government_id: id,
          category: 'full-member' as const,
          status: 'current' as const,
          since: null,
        })),
      )
      .execute();
    electorate.push(...ids.map((r) => r.id));
  }
  const standing = electorate.slice(0, 12);
  const people = await db.kysely
    .insertInto('people')
    .values(
      standing.map((_, i) => ({
        full_name: `Candidate ${i + 1}`,
        names: '{}',
        email: null,
        is_demo: 0,
        created_at: now,
        updated_at: now,
      })),
    )
    .returning('id')
    .execute();
  await db.kysely
    .insertInto('positions')
    .values(
      standing.map((governmentId, i) => ({
        government_id: governmentId,
        office_id: null,
        person_id: (people[i] as { id: number }).id,
        title: 'mayor',
        start_date: '2020-01-01',
        end_date: null,
      })),
    )
    .execute();

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-bench-casts-'));
  const files = new FileStore(path.join(dataDir, 'uploads'));
  await governance.createBody(db, admin, {
    slug: 'bench-casts-gexcom',
    kind: 'gexcom',
    names: { en: 'GexCom (casts)' },
  });
  const election = await elections.createElection(db, admin, {
    body: 'bench-casts-gexcom',
    title: { en: 'GexCom election (casts)' },
    seats: 5,
    termLabel: '2031–2034',
    termStartsOn: '2031-01-01',
    termEndsOn: '2034-12-31',
    nominationsOpen: at(-10 * DAY),
    nominationsClose: at(DAY),
    votingOpen: at(2 * DAY),
    votingClose: at(5 * DAY),
  });
  const candidateIds: number[] = [];
  for (const [i, governmentId] of standing.entries()) {
    const after = await elections.nominate(db, admin, election.id, {
      governmentId,
      personId: (people[i] as { id: number }).id,
      codeOfHonourAccepted: true,
    });
    const candidate = after.candidates.find((c) => c.government.id === governmentId);
    if (!candidate) throw new Error('bench: nomination lost');
    candidateIds.push(candidate.id);
    await elections.attachEndorsement(db, files, admin, candidate.id, {
      buffer: Buffer.from('%PDF-1.4\n%%EOF\n'),
      filename: 'endorsement.pdf',
    });
  }
  await elections.updateElection(db, admin, election.id, {
    nominationsClose: at(-2 * DAY),
    votingOpen: at(-DAY),
  });
  const castMs: number[] = [];
  const started = performance.now();
  for (const [i, governmentId] of electorate.entries()) {
    const officer: AuditActor = { userId: 1, role: 'officer', governmentId, label: 'bench' };
    const choices = [0, 1, 2, 3, 4].map(
      (k) => candidateIds[(i + k * 3) % candidateIds.length] as number,
    );
    const s = performance.now();
    await elections.castBallot(db, officer, election.id, { choices: [...new Set(choices)] });
    castMs.push(performance.now() - s);
  }
  const totalMs = performance.now() - started;
  fs.rmSync(dataDir, { recursive: true, force: true });

  const first = summarize(castMs.slice(0, window));
  const last = summarize(castMs.slice(-window));
  const ratio = last.median / first.median;
  return [
    {
      id: 'elections.cast',
      what: `Casting a ballot in a ${voters.toLocaleString('en')}-voter election: last ${window.toLocaleString('en')} casts over first ${window.toLocaleString('en')}`,
      database: db.dialect,
      unit: 'ms',
      accord: last.median,
      reference: { label: `first ${window.toLocaleString('en')} casts`, value: first.median },
      target: '≤ 1.5 × the first casts (linear total)',
      met: ratio <= 1.5,
      detail: {
        voters,
        'total s': Number((totalMs / 1000).toFixed(1)),
        'last p95 ms': Number(last.p95.toFixed(2)),
        'first p95 ms': Number(first.p95.toFixed(2)),
      },
    },
  ];
}
