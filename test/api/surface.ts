/**
 * The whole API surface as the surface tests see it: Accord with the demo network, the five
 * callers (the public, a viewer, an officer of government A, an officer of government B and an
 * administrator), records in every state the routes care about (drafts, a sitting meeting, an
 * election in each phase, private and public files) and makers of fresh records for the calls
 * that change or delete them. Everything is written through the API as the secretariat would,
 * except where only time can put a record in a state (an election's windows).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Actor } from '../../src/core/roles';
import type { DialectName } from '../../src/server/db/database';
import { SYSTEM_ACTOR } from '../../src/server/audit/service';
import { DRAFT_MEETING_INPUT } from '../../src/server/governance/test-support';
import { makePhoto, multipart } from '../../src/server/files/test-support';
import { createUser } from '../../src/server/users/service';
import { ADMIN_PASSWORD, makeTestApp, OFFICER_PASSWORD, type TestApp } from '../setup/app';

export const ACTORS = ['anonymous', 'viewer', 'officerA', 'officerB', 'admin'] as const;
export type ActorKey = (typeof ACTORS)[number];

export type Headers = Record<string, string>;
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Government A and government B: both full members with a seat on the East Asia RexCom. */
export const GOV_A = 'seoul';
export const GOV_B = 'kyoto';
export const REXCOM = 'east-asia-rexcom';
/** A body whose one seat is government A's: its meetings invite A and not B. */
export const A_BODY = 'matrix-a-committee';

/** Words and addresses that only some callers may ever read. */
export const SECRET = {
  draftMeetingTitle: 'Matrix draft meeting 7Q2',
  draftJoinUrl: 'https://join.matrix.example/draft-7q2',
  aJoinUrl: 'https://join.matrix.example/a-only-4k9',
  draftInventoryNote: 'Matrix draft inventory 3Z8',
  /** The BASIC total of the draft inventory: no other figure in the demo is this number. */
  draftInventoryTotal: 7_654_321,
  draftNewsTitle: 'Matrix draft news 5R1',
  draftPhotoCaption: 'Matrix draft meeting photo 8V6',
  personAEmail: 'person.a@private-matrix.example',
  personBEmail: 'person.b@private-matrix.example',
  guestEmail: 'guest@private-matrix.example',
  proxyEmail: 'proxy@private-matrix.example',
  viewerEmail: 'viewer@private-matrix.example',
  loginEmail: 'login@private-matrix.example',
} as const;

const CDP_EMISSIONS = readFileSync(
  path.join(import.meta.dirname, '../../src/server/climate/imports/fixtures/cdp-emissions.csv'),
);
export const PDF = Buffer.from('%PDF-1.4\n% Endorsement\n%%EOF\n');
const LOGIN_PASSWORD = 'matrix-login-password-1';
const VIEWER_PASSWORD = 'matrix-viewer-password-1';

export interface Response {
  statusCode: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
  json(): unknown;
}

export interface CallInput {
  method: Method;
  url: string;
  headers?: Headers | undefined;
  payload?: unknown;
}

const DAY = 86_400_000;
const at = (offset: number) => new Date(Date.now() + offset).toISOString();

export class Surface {
  private counter = 0;
  readonly headers: Record<ActorKey, Headers | undefined>;
  readonly actors: Record<ActorKey, Actor | null>;
  /** Every e-mail address a user signs in with, by caller. */
  readonly userEmails: Record<ActorKey, string | null>;
  readonly ids: Record<string, number> = {};
  readonly gov: Record<string, number> = {};
  readonly person: Record<string, number> = {};

  private constructor(
    readonly t: TestApp,
    headers: Record<ActorKey, Headers | undefined>,
    actors: Record<ActorKey, Actor | null>,
    emails: Record<ActorKey, string | null>,
  ) {
    this.headers = headers;
    this.actors = actors;
    this.userEmails = emails;
  }

  static async open(dialect: DialectName): Promise<Surface> {
    const t = await makeTestApp(dialect);
    await createUser(t.db, SYSTEM_ACTOR, {
      email: SECRET.viewerEmail,
      displayName: 'Matrix viewer',
      role: 'viewer',
      password: VIEWER_PASSWORD,
    });
    await createUser(t.db, SYSTEM_ACTOR, {
      email: SECRET.loginEmail,
      displayName: 'Matrix login',
      role: 'viewer',
      password: LOGIN_PASSWORD,
    });
    const headers = {
      anonymous: undefined,
      viewer: await t.signIn(SECRET.viewerEmail, VIEWER_PASSWORD),
      officerA: await t.signInOfficer(GOV_A),
      officerB: await t.signInOfficer(GOV_B),
      admin: await t.signInAdmin(),
    };
    const actors = {} as Record<ActorKey, Actor | null>;
    const emails = {} as Record<ActorKey, string | null>;
    for (const key of ACTORS) {
      const h = headers[key];
      if (!h) {
        actors[key] = null;
        emails[key] = null;
        continue;
      }
      const res = await t.app.inject({ url: '/api/v1/auth/session', headers: h });
      const user = (
        res.json() as {
          user: { id: number; email: string; role: Actor['role']; government: { id: number } };
        }
      ).user;
      actors[key] = { userId: user.id, role: user.role, governmentId: user.government?.id ?? null };
      emails[key] = user.email;
    }
    const s = new Surface(t, headers, actors, emails);
    await s.build();
    return s;
  }

  close(): Promise<void> {
    return this.t.close();
  }

  /** A name no other record of the run has. */
  unique(prefix: string): string {
    this.counter += 1;
    return `${prefix}-${this.counter}`;
  }

  inject(input: CallInput): Promise<Response> {
    return this.t.app.inject({
      method: input.method,
      url: input.url,
      ...(input.headers ? { headers: input.headers } : {}),
      ...(input.payload === undefined
        ? {}
        : Buffer.isBuffer(input.payload) || typeof input.payload === 'string'
          ? { payload: input.payload }
          : { payload: input.payload as object }),
    }) as unknown as Promise<Response>;
  }

  /** A change made by the secretariat that must succeed; answers its JSON. */
  async asAdmin<T = Record<string, unknown>>(
    method: Method,
    url: string,
    payload?: unknown,
    headers: Headers = {},
  ): Promise<T> {
    const res = await this.inject({
      method,
      url: `/api/v1${url}`,
      headers: { ...this.headers.admin, ...headers },
      payload,
    });
    if (res.statusCode >= 300) {
      throw new Error(`fixture: ${method} ${url} answered ${res.statusCode}: ${res.body}`);
    }
    return (res.body ? res.json() : {}) as T;
  }

  // ------------------------------------------------------------------ the records

  private async build(): Promise<void> {
    const k = this.t.db.kysely;
    for (const g of await k.selectFrom('governments').select(['id', 'slug']).execute()) {
      this.gov[g.slug] = g.id;
    }
    for (const p of await k.selectFrom('people').select(['id', 'full_name']).execute()) {
      this.person[p.full_name] = p.id;
    }
    const ids = this.ids;

    // People with private addresses, each wholly of one government.
    ids.personA = await this.freshPerson(GOV_A, SECRET.personAEmail);
    ids.personB = await this.freshPerson(GOV_B, SECRET.personBEmail);
    // Another person of B's, to whom the matrix gives a position in A.
    ids.otherPersonB = await this.freshPerson(GOV_B);
    ids.positionA = await this.positionOf(ids.personA);

    // Climate records of A; a draft inventory of A; B's own target.
    ids.targetA = await this.freshTarget(GOV_A);
    ids.targetB = await this.freshTarget(GOV_B);
    ids.reportA = await this.freshReport(GOV_A);
    ids.actionA = await this.freshAction(GOV_A);
    const draft = await this.asAdmin<{ id: number }>('POST', `/governments/${GOV_A}/inventories`, {
      year: 2020,
      gwpSet: 'AR6',
      status: 'draft',
      notes: SECRET.draftInventoryNote,
      entries: [
        { code: 'I.1.1', gas: 'CO2', amount: SECRET.draftInventoryTotal, notationKey: null },
      ],
    });
    ids.draftInventoryA = draft.id;
    ids.draftInventoryYear = 2020;
    const final = await k
      .selectFrom('inventories')
      .where('status', '=', 'final')
      .select(['id', 'year'])
      .executeTakeFirstOrThrow();
    ids.finalInventory = final.id;
    ids.finalInventoryYear = final.year;

    // Governance: the RexCom's term and seats, a body where only A sits.
    const term = await k
      .selectFrom('body_terms as t')
      .innerJoin('bodies as b', 'b.id', 't.body_id')
      .where('b.slug', '=', REXCOM)
      .select('t.id')
      .executeTakeFirstOrThrow();
    ids.rexcomTerm = term.id;
    const seats = await k
      .selectFrom('seats')
      .where('term_id', '=', term.id)
      .select(['id', 'government_id', 'person_id'])
      .execute();
    for (const seat of seats) {
      const slug = Object.keys(this.gov).find((s) => this.gov[s] === seat.government_id);
      ids[`seat:${slug}`] = seat.id;
      if (seat.person_id !== null) ids[`seatHolder:${slug}`] = seat.person_id;
    }
    await this.asAdmin('POST', '/bodies', {
      slug: A_BODY,
      kind: 'network',
      names: { en: 'Matrix committee of A' },
    });
    const aTerm = await this.asAdmin<{ id: number }>('POST', `/bodies/${A_BODY}/terms`, {
      label: '2021–2024',
      startsOn: '2021-01-01',
      endsOn: '2024-12-31',
    });
    ids.aTerm = aTerm.id;
    const aSeat = await this.asAdmin<{ id: number }>('POST', `/terms/${aTerm.id}/seats`, {
      governmentId: this.gov[GOV_A],
      personId: ids.personA,
      position: 'member',
    });
    ids.aSeat = aSeat.id;

    // Meetings: the demo's closed one, a draft, A's scheduled meeting with a guest, a sitting
    // RexCom meeting with quorum and an open motion.
    ids.closedMeeting = (
      await k
        .selectFrom('meetings')
        .where('status', '=', 'closed')
        .select('id')
        .executeTakeFirstOrThrow()
    ).id;
    ids.draftMeeting = (
      await this.asAdmin<{ id: number }>('POST', '/meetings', {
        ...DRAFT_MEETING_INPUT,
        title: { en: SECRET.draftMeetingTitle },
        joinUrl: SECRET.draftJoinUrl,
      })
    ).id;
    const aMeeting = await this.asAdmin<{ id: number }>('POST', '/meetings', {
      ...DRAFT_MEETING_INPUT,
      body: A_BODY,
      title: { en: 'Matrix meeting of A' },
      joinUrl: SECRET.aJoinUrl,
    });
    ids.aMeeting = aMeeting.id;
    await this.asAdmin('POST', `/meetings/${aMeeting.id}/status`, { status: 'scheduled' });
    const invited = await this.asAdmin<{ items: { id: number; government: { slug: string } }[] }>(
      'POST',
      `/meetings/${aMeeting.id}/invitations`,
      { seats: true, guests: [{ name: 'Matrix guest', email: SECRET.guestEmail }] },
    );
    ids.invitationA = invited.items.find((i) => i.government?.slug === GOV_A)?.id as number;
    await this.asAdmin('PUT', `/invitations/${ids.invitationA}/reply`, {
      reply: 'proxy',
      proxyName: 'Matrix proxy',
      proxyEmail: SECRET.proxyEmail,
    });
    ids.sittingMeeting = await this.sittingMeeting();
    const sitting = await this.asAdmin<{
      attendance: { id: number }[];
      invitations: { id: number; government: { slug: string } | null }[];
    }>('GET', `/meetings/${ids.sittingMeeting}`);
    ids.attendance = sitting.attendance[0]?.id as number;
    ids.invitationB = sitting.invitations.find((i) => i.government?.slug === GOV_B)?.id as number;
    ids.openMotion = await this.freshMotion(ids.sittingMeeting);

    // Files: a public photo, a private document, and a photo of the draft meeting.
    ids.publicPhoto = await this.freshMeetingFile(ids.aMeeting, { isPublic: true });
    ids.privateDocument = await this.freshMeetingFile(ids.aMeeting, { document: true });
    ids.draftPhoto = await this.freshMeetingFile(ids.draftMeeting, {
      isPublic: true,
      caption: SECRET.draftPhotoCaption,
    });

    // News: a post the secretariat wrote and published (its byline is public), and a draft.
    this.slugs.publishedNews = await this.freshPublishedNews();
    this.slugs.draftNews = await this.freshDraftNews(SECRET.draftNewsTitle);

    // Elections: one taking nominations (A and B nominated), one voting, one closed.
    ids.nominations = await this.freshElection();
    ids.candidateA = await this.nominate(ids.nominations, GOV_A);
    ids.candidateB = await this.nominate(ids.nominations, GOV_B);
    await this.asAdmin(
      'POST',
      `/candidates/${ids.candidateA}/endorsement`,
      ...this.endorsementForm(),
    );
    ids.voting = await this.freshElection();
    await this.nominate(ids.voting, GOV_A);
    await this.setPhase(ids.voting, 'voting');
    // The closed one elected A's candidate: A's officer voted for them while voting was open.
    ids.closed = await this.freshElection();
    const elected = await this.nominate(ids.closed, GOV_A);
    await this.asAdmin('POST', `/candidates/${elected}/endorsement`, ...this.endorsementForm());
    await this.setPhase(ids.closed, 'voting');
    const vote = await this.inject({
      method: 'POST',
      url: `/api/v1/elections/${ids.closed}/ballots`,
      headers: this.headers.officerA,
      payload: { choices: [elected] },
    });
    if (vote.statusCode !== 201) throw new Error(`fixture: vote answered ${vote.body}`);
    await this.setPhase(ids.closed, 'closed');

    // An import run to read.
    ids.importRun = await this.freshImportRun();
  }

  readonly slugs: Record<string, string> = {};

  // ------------------------------------------------------------------ fresh records

  async freshPerson(government: string | null = null, email: string | null = null) {
    const person = await this.asAdmin<{ id: number }>('POST', '/people', {
      fullName: this.unique('Matrix Person'),
      email,
    });
    if (government) {
      await this.asAdmin('POST', '/positions', {
        personId: person.id,
        governmentSlug: government,
        title: 'staff-liaison',
      });
    }
    return person.id;
  }

  async positionOf(personId: number): Promise<number> {
    const p = await this.asAdmin<{ positions: { id: number }[] }>('GET', `/people/${personId}`);
    return p.positions[0]?.id as number;
  }

  async freshTarget(government: string) {
    const target = await this.asAdmin<{ id: number }>(
      'POST',
      `/governments/${government}/targets`,
      {
        type: 'base-year',
        title: this.unique('Matrix target'),
        status: 'policy',
        baseYear: 2015,
        baseEmissions: 1_000_000,
        targetYear: 2035,
        reductionPercent: 50,
      },
    );
    return target.id;
  }

  private reportYear = 1950;
  nextReportYear(): number {
    this.reportYear += 1;
    return this.reportYear;
  }

  async freshReport(government: string) {
    const r = await this.asAdmin<{ id: number }>(
      'POST',
      `/governments/${government}/emission-reports`,
      { year: this.nextReportYear(), source: 'national', sourceLabel: 'Matrix', scope1: 1000 },
    );
    return r.id;
  }

  async freshAction(government: string) {
    const a = await this.asAdmin<{ id: number }>('POST', `/governments/${government}/actions`, {
      title: this.unique('Matrix action'),
      status: 'planned',
    });
    return a.id;
  }

  private inventoryYear = 1960;
  nextInventoryYear(): number {
    this.inventoryYear += 1;
    return this.inventoryYear;
  }

  async freshInventory(government: string) {
    const inv = await this.asAdmin<{ id: number }>(
      'POST',
      `/governments/${government}/inventories`,
      { year: this.nextInventoryYear(), gwpSet: 'AR6', status: 'final' },
    );
    return inv.id;
  }

  async freshDraftMeeting(body = REXCOM) {
    const m = await this.asAdmin<{ id: number }>('POST', '/meetings', {
      ...DRAFT_MEETING_INPUT,
      body,
      title: { en: this.unique('Matrix meeting') },
    });
    return m.id;
  }

  async freshScheduledMeeting() {
    const id = await this.freshDraftMeeting();
    await this.asAdmin('POST', `/meetings/${id}/status`, { status: 'scheduled' });
    return id;
  }

  /** A RexCom meeting in progress with three of the five seats present: quorum. */
  async sittingMeeting() {
    const id = await this.freshScheduledMeeting();
    await this.asAdmin('POST', `/meetings/${id}/invitations`, { seats: true });
    await this.asAdmin('POST', `/meetings/${id}/status`, { status: 'in-progress' });
    for (const slug of [GOV_A, GOV_B, 'suwon']) {
      await this.asAdmin('POST', `/meetings/${id}/attendance`, {
        governmentId: this.gov[slug],
        personId: this.ids[`seatHolder:${slug}`],
        capacity: 'own-right',
        mode: 'online',
      });
    }
    return id;
  }

  async freshAdviser(meetingId: number) {
    const m = await this.asAdmin<{ attendance: { id: number; name: string }[] }>(
      'POST',
      `/meetings/${meetingId}/attendance`,
      { name: this.unique('Matrix adviser'), capacity: 'adviser', mode: 'online' },
    );
    return m.attendance[m.attendance.length - 1]?.id as number;
  }

  async freshMotion(meetingId: number) {
    const m = await this.asAdmin<{ motions: { id: number }[] }>(
      'POST',
      `/meetings/${meetingId}/motions`,
      { kind: 'substantive', text: { en: this.unique('Matrix motion') } },
    );
    return m.motions[m.motions.length - 1]?.id as number;
  }

  /** A closed RexCom meeting without a news post. */
  async freshClosedMeeting() {
    const id = await this.freshScheduledMeeting();
    await this.asAdmin('POST', `/meetings/${id}/status`, { status: 'in-progress' });
    await this.asAdmin('POST', `/meetings/${id}/status`, { status: 'closed' });
    return id;
  }

  uploadForm(options: { document?: boolean; isPublic?: boolean; caption?: string } = {}) {
    return async () => {
      const data = options.document ? PDF : await makePhoto(40, 30);
      return multipart([
        {
          name: 'file',
          filename: options.document ? 'agenda.pdf' : 'photo.jpg',
          contentType: options.document ? 'application/pdf' : 'image/jpeg',
          data,
        },
        { name: 'kind', value: options.document ? 'document' : 'photo' },
        { name: 'isPublic', value: options.isPublic ? 'true' : 'false' },
        ...(options.caption ? [{ name: 'caption_en', value: options.caption }] : []),
      ]);
    };
  }

  async freshMeetingFile(
    meetingId: number,
    options: { document?: boolean; isPublic?: boolean; caption?: string } = {},
  ) {
    const form = await this.uploadForm(options)();
    const info = await this.asAdmin<{ id: number }>(
      'POST',
      `/meetings/${meetingId}/files`,
      form.payload,
      form.headers,
    );
    return info.id;
  }

  endorsementForm(): [Buffer, Headers] {
    const form = multipart([
      { name: 'file', filename: 'endorsement.pdf', contentType: 'application/pdf', data: PDF },
    ]);
    return [form.payload, form.headers];
  }

  async freshDraftNews(title = this.unique('Matrix news')) {
    const post = await this.asAdmin<{ slug: string }>('POST', '/news', {
      slug: this.unique('matrix-news'),
      translations: { en: { title, summary: 'Matrix summary', bodyHtml: '<p>Matrix</p>' } },
    });
    return post.slug;
  }

  async freshPublishedNews() {
    const slug = await this.freshDraftNews();
    await this.asAdmin('POST', `/news/${slug}/publish`);
    return slug;
  }

  /** A RexCom election taking nominations now; voting opens in two days. */
  async freshElection() {
    const e = await this.asAdmin<{ id: number }>('POST', '/elections', {
      body: REXCOM,
      title: { en: this.unique('Matrix election') },
      seats: 1,
      termLabel: '2031–2033',
      termStartsOn: '2031-01-01',
      termEndsOn: '2033-12-31',
      nominationsOpen: at(-10 * DAY),
      nominationsClose: at(DAY),
      votingOpen: at(2 * DAY),
      votingClose: at(5 * DAY),
    });
    return e.id;
  }

  async nominate(electionId: number, government: string): Promise<number> {
    const e = await this.asAdmin<{ candidates: { id: number; government: { slug: string } }[] }>(
      'POST',
      `/elections/${electionId}/candidates`,
      {
        governmentId: this.gov[government],
        personId: this.ids[`seatHolder:${government}`],
        codeOfHonourAccepted: true,
      },
    );
    return e.candidates.find((c) => c.government.slug === government)?.id as number;
  }

  /** Only time moves an election into voting or past it: its windows are moved back. */
  async setPhase(electionId: number, phase: 'voting' | 'closed') {
    const windows =
      phase === 'voting'
        ? { nominations_open: -10, nominations_close: -5, voting_open: -1, voting_close: 5 }
        : { nominations_open: -10, nominations_close: -5, voting_open: -3, voting_close: -1 };
    await this.t.db.kysely
      .updateTable('elections')
      .set(Object.fromEntries(Object.entries(windows).map(([k, d]) => [k, at(d * DAY)])))
      .where('id', '=', electionId)
      .execute();
  }

  async freshApiToken(owner: ActorKey): Promise<number> {
    const res = await this.inject({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      headers: this.headers[owner],
      payload: { name: this.unique('matrix token') },
    });
    return (res.json() as { token: { id: number } }).token.id;
  }

  async freshImportRun(): Promise<number> {
    const res = await this.asAdmin<{ run: { id: number } }>(
      'POST',
      '/imports/cdp-emissions?dryRun=true',
      CDP_EMISSIONS,
      { 'content-type': 'text/csv' },
    );
    // The run goes on in the background: wait for it, so that it writes nothing during a test.
    for (let i = 0; i < 500; i++) {
      const run = await this.asAdmin<{ status: string }>('GET', `/imports/${res.run.id}`);
      if (run.status !== 'running') return res.run.id;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`fixture: import run ${res.run.id} did not finish`);
  }

  /** A preview of a tracker file whose one row matches Taipei by a likely name: its match. */
  async freshImportMatch(): Promise<{ runId: number; matchId: number }> {
    const file = [
      'id_code,name,country,actor_type,end_target,end_target_year',
      `${this.unique('CIT-MATRIX')},Taipei City,Taiwan,City,Net zero,2050`,
    ].join('\n');
    const res = await this.asAdmin<{ run: { id: number } }>(
      'POST',
      '/imports/nzt?dryRun=true',
      Buffer.from(file),
      { 'content-type': 'text/csv' },
    );
    for (let i = 0; i < 500; i++) {
      const run = await this.asAdmin<{ status: string }>('GET', `/imports/${res.run.id}`);
      if (run.status !== 'running') break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const matches = await this.asAdmin<{ items: { id: number }[] }>(
      'GET',
      `/imports/${res.run.id}/matches`,
    );
    const match = matches.items[0];
    if (!match) throw new Error('fixture: the preview listed no match');
    return { runId: res.run.id, matchId: match.id };
  }

  /** Two new prospects of one city, for a merge (keep, merge). */
  async freshMergePair(): Promise<[string, string]> {
    const slugs: string[] = [];
    for (const en of ['Matrix Town', 'Matrix Town City']) {
      const slug = this.unique('matrix-town');
      await this.asAdmin('POST', '/governments', {
        slug,
        names: { en },
        kind: 'city',
        country: 'KR',
        region: 'east-asia',
        localLang: 'en',
      });
      slugs.push(slug);
    }
    return slugs as [string, string];
  }

  /** A merge of two new prospects, to undo. */
  async freshMerge(): Promise<number> {
    const [keep, merge] = await this.freshMergePair();
    return (await this.asAdmin<{ id: number }>('POST', '/government-merges', { keep, merge })).id;
  }

  /** Two new targets of government A that state the same thing (keep, remove). */
  async freshTargetPair(): Promise<[number, number]> {
    return [await this.freshTarget(GOV_A), await this.freshTarget(GOV_A)];
  }

  /** Two new prospects marked as two governments, not one: the mark, to withdraw. */
  async freshDismissal(): Promise<number> {
    const [a, b] = await this.freshMergePair();
    return (
      await this.asAdmin<{ id: number }>('POST', '/duplicate-dismissals/governments', { a, b })
    ).id;
  }

  /** A new member with one year of membership and its open invoice (to suspend, to pay). */
  async freshMember(): Promise<{ slug: string; invoiceId: number }> {
    const slug = this.unique('matrix-member');
    await this.asAdmin('POST', '/governments', {
      slug,
      names: { en: 'Matrix Member' },
      kind: 'city',
      country: 'KR',
      region: 'east-asia',
      localLang: 'en',
      population: 150_000,
      populationYear: 2020,
    });
    const view = await this.asAdmin<{ invoices: { id: number }[] }>(
      'POST',
      `/governments/${slug}/membership/periods`,
      { category: 'full-member', start: '2026-01-01' },
    );
    return { slug, invoiceId: (view.invoices[0] as { id: number }).id };
  }

  importFile(): Buffer {
    return CDP_EMISSIONS;
  }

  /** Each caller's password, as it stands (the matrix changes them). */
  readonly passwords: Record<ActorKey, string> = {
    anonymous: '',
    viewer: VIEWER_PASSWORD,
    officerA: OFFICER_PASSWORD,
    officerB: OFFICER_PASSWORD,
    admin: ADMIN_PASSWORD,
  };

  /** A fresh session of the caller (so that signing out leaves the shared one alone). */
  async freshSession(actor: ActorKey): Promise<Headers | undefined> {
    const email = this.userEmails[actor];
    return email ? this.t.signIn(email, this.passwords[actor]) : undefined;
  }

  /** A session of a new viewer nobody else uses (for calls that may end its sessions). */
  async throwawaySession(): Promise<Headers> {
    const email = `${this.unique('throwaway')}@private-matrix.example`;
    const password = 'matrix-throwaway-password';
    await createUser(this.t.db, SYSTEM_ACTOR, {
      email,
      displayName: 'Matrix throwaway',
      role: 'viewer',
      password,
    });
    return this.t.signIn(email, password);
  }

  /** After the caller changed their password: every session of theirs ended, so a new one. */
  async passwordChanged(actor: ActorKey, password: string): Promise<void> {
    this.passwords[actor] = password;
    this.headers[actor] = await this.freshSession(actor);
  }

  /** The secret token of a new personal calendar address of the caller. */
  async freshCalendarToken(owner: ActorKey): Promise<string> {
    const res = await this.inject({
      method: 'POST',
      url: '/api/v1/auth/calendar-feed',
      headers: this.headers[owner],
    });
    const url = (res.json() as { url: string }).url;
    return decodeURIComponent(url.slice(url.lastIndexOf('/') + 1).replace(/\.ics$/, ''));
  }

  loginBody() {
    return { email: SECRET.loginEmail, password: LOGIN_PASSWORD };
  }
}
