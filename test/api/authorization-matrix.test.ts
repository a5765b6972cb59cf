/**
 * The authorisation matrix: every route of the OpenAPI document, called as the public, a
 * viewer, an officer of government A, an officer of government B and an administrator, must
 * answer as the policy (src/core/policy.ts) says. Each route has an entry below naming the
 * policy's action and the subject the route acts on; the expected answer is `can()`'s. A route
 * the document lists without an entry fails ("new route without a policy entry").
 *
 * Afterwards every answer given to a caller is searched for what that caller may not see:
 * drafts, join links, ballots, private e-mail addresses and the audit log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can } from '../../src/core/policy';
import { dialectCases } from '../setup/databases';
import { MATRIX, urlOf, type Case, type RouteRequest } from './route-table';
import { ACTORS, GOV_A, SECRET, Surface, type ActorKey } from './surface';

type Outcome = 'allowed' | 401 | 403 | 404;

async function expectedOutcome(s: Surface, c: Case, actor: ActorKey): Promise<Outcome> {
  const who = s.actors[actor];
  let allowed: boolean;
  if (c.rule.kind === 'public') allowed = true;
  else if (c.rule.kind === 'signedIn') allowed = who !== null;
  else {
    const subject = c.rule.subject ? await c.rule.subject(s, actor) : {};
    allowed = c.rule.actions.every((action) => can(who, action, subject));
  }
  if (allowed) return 'allowed';
  if (c.refusal === 'hidden') return 404;
  if (who === null) return 401;
  return c.refusal === 'signInThenHidden' ? 404 : 403;
}

const outcomeOf = (status: number): Outcome | number =>
  status >= 200 && status < 300 ? 'allowed' : status;

/** The order of the callers: the refused first, so that a record is still there for the others. */
const ORDER: ActorKey[] = ['anonymous', 'viewer', 'officerB', 'officerA', 'admin'];

describe.each(dialectCases())('authorisation matrix on $label', ({ dialect, skip }) => {
  const it_ = skip ? it.skip : it;
  let s: Surface;
  let documented: string[] = [];
  /** Every answer each caller received, for the search for what they may not see. */
  const answers = new Map<ActorKey, { route: string; body: string }[]>(ACTORS.map((a) => [a, []]));

  beforeAll(async () => {
    if (skip) return;
    s = await Surface.open(dialect);
    await s.t.app.ready();
    const doc = s.t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
  }, 120_000);
  afterAll(async () => {
    await s?.close();
  });

  it_('has a policy entry for every route of the OpenAPI document, and no other', () => {
    expect(documented.length).toBeGreaterThan(100);
    const missing = documented.filter((route) => !MATRIX[route]);
    expect(missing, 'new route without a policy entry').toEqual([]);
    const stale = Object.keys(MATRIX).filter((route) => !documented.includes(route));
    expect(stale, 'entries for routes the document does not list').toEqual([]);
  });

  it_.each(Object.keys(MATRIX))('%s answers each caller as the policy says', async (route) => {
    const rows: string[] = [];
    for (const c of MATRIX[route] ?? []) {
      let shared: RouteRequest | undefined;
      for (const actor of ORDER) {
        const request = c.fresh || !shared ? await c.request(s, actor) : shared;
        if (!c.fresh) shared = request;
        // Judged before the call: an allowed call may change the subject.
        const want = await expectedOutcome(s, c, actor);
        const { method, url } = urlOf(route, request);
        const session = 'session' in request ? request.session : s.headers[actor];
        const res = await s.inject({
          method: method as 'GET',
          url,
          headers: { ...session, ...request.headers },
          payload: request.payload,
        });
        answers.get(c.readsAs ?? actor)?.push({ route: `${method} ${url}`, body: res.body });
        await c.after?.(s, actor, request, res.statusCode);
        const got = outcomeOf(res.statusCode);
        if (got !== want) {
          rows.push(
            `${c.label} as ${actor}: expected ${want}, got ${res.statusCode} ${res.body.slice(0, 200)}`,
          );
        }
        if (res.statusCode >= 400) {
          expect(res.headers['content-type'], `${route} as ${actor}`).toMatch(
            /^application\/problem\+json/,
          );
        }
      }
    }
    expect(rows).toEqual([]);
  });

  it_('never shows a caller what the policy keeps from them', async () => {
    const k = s.t.db.kysely;
    const ballots = (await k.selectFrom('ballots').select('id').execute()).map((b) => b.id);
    expect(ballots.length, 'the officers voted in the matrix').toBeGreaterThan(0);
    const personal = new Set(
      [
        ...(await k.selectFrom('users').select('email').execute()).map((r) => r.email),
        ...(await k.selectFrom('people').select('email').execute()).map((r) => r.email),
        ...(await k.selectFrom('invitations').select(['email', 'proxy_email']).execute()).flatMap(
          (r) => [r.email, r.proxy_email],
        ),
      ]
        .filter((e): e is string => !!e)
        .map((e) => e.toLowerCase()),
    );
    const readable = async (actor: ActorKey, email: string): Promise<boolean> => {
      const who = s.actors[actor];
      if (email === s.userEmails[actor]) return true;
      if (can(who, 'user.manage')) return true;
      const person = await k
        .selectFrom('people')
        .where('email', '=', email)
        .select('id')
        .executeTakeFirst();
      return person
        ? can(who, 'person.readContact', await s.t.db.people.whereServes(person.id))
        : false;
    };
    const gov = (slug: string) => ({ governmentId: s.gov[slug] ?? -1 });
    const secrets: { text: string; may(actor: ActorKey): boolean }[] = [
      { text: SECRET.draftMeetingTitle, may: (a) => can(s.actors[a], 'meeting.readDraft') },
      { text: SECRET.draftJoinUrl, may: (a) => can(s.actors[a], 'meeting.readDraft') },
      {
        text: SECRET.aJoinUrl,
        may: (a) =>
          can(s.actors[a], 'meeting.readJoinLink', { invitedGovernmentIds: [s.gov[GOV_A]!] }),
      },
      {
        text: SECRET.draftInventoryNote,
        may: (a) => can(s.actors[a], 'climate.readDraft', gov(GOV_A)),
      },
      {
        text: String(SECRET.draftInventoryTotal),
        may: (a) => can(s.actors[a], 'climate.readDraft', gov(GOV_A)),
      },
      { text: SECRET.draftNewsTitle, may: (a) => can(s.actors[a], 'news.readDraft') },
      { text: SECRET.draftPhotoCaption, may: (a) => can(s.actors[a], 'file.readPrivate') },
      { text: 'Demo network loaded', may: (a) => can(s.actors[a], 'audit.read') },
      ...ballots.map((id) => ({ text: id, may: () => false })),
    ];
    const leaks: string[] = [];
    const seen = new Set<string>();
    for (const actor of ACTORS) {
      for (const { route, body } of answers.get(actor) ?? []) {
        // Signing in answers with the account signed into, whoever asked.
        if (route === 'POST /api/v1/auth/login') continue;
        for (const secret of secrets) {
          if (body.includes(secret.text)) {
            if (secret.may(actor)) seen.add(`${actor}:${secret.text}`);
            else leaks.push(`${actor} reads "${secret.text}" in ${route}`);
          }
        }
        for (const match of body.toLowerCase().matchAll(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g)) {
          const email = match[0];
          if (!personal.has(email)) continue;
          if (await readable(actor, email)) seen.add(`${actor}:${email}`);
          else leaks.push(`${actor} reads ${email} in ${route}`);
        }
      }
    }
    expect([...new Set(leaks)]).toEqual([]);
    // The search finds what it looks for: those who may see these did read them.
    for (const expected of [
      `admin:${SECRET.draftMeetingTitle}`,
      `admin:${SECRET.draftInventoryNote}`,
      `admin:${SECRET.guestEmail}`,
      `admin:Demo network loaded`,
      `officerA:${SECRET.aJoinUrl}`,
      `officerA:${SECRET.draftInventoryNote}`,
      `officerA:${SECRET.personAEmail}`,
    ]) {
      expect(seen, expected).toContain(expected);
    }
  });
});
