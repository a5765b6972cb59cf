/**
 * Every route of the OpenAPI document with the policy that governs it: the action(s) the route
 * asks of `can()`, the subject it acts on in the demo network (see surface.ts), and a request
 * that reaches the decision (real ids, a valid body). Read by the authorisation matrix and by
 * the hostile-input test, which mutates the bodies of the write routes.
 */
import { SEED_FEE_SCHEDULE } from '../../src/core/membership-fees';
import type { Action, Subject } from '../../src/core/policy';
import { DRAFT_MEETING_INPUT } from '../../src/server/governance/test-support';
import { APPLICATION_MATRIX } from './route-table-applications';
import type { Case, RouteRequest, Rule } from './route-types';
import { A_BODY, GOV_A, GOV_B, REXCOM, SECRET, type ActorKey, type Surface } from './surface';

export type { Case, RouteRequest, Rule } from './route-types';

const PUBLIC: Rule = { kind: 'public' };
/** A saved import layout's body: a city's own columns, mapped. */
const MATRIX_LAYOUT = {
  kind: 'cdp-emissions',
  columns: [
    { header: 'City', field: 'city' },
    { header: 'Year', field: 'accountingYear' },
    { header: 'Scope 1', field: 'scope1Total' },
    { header: 'Notes', field: null },
  ],
};
/** The letter inviting the matrix's guest: its address is private, its outbox entry the secretariat's. */
const guestLetter = async (s: Surface) =>
  (
    await s.t.db.kysely
      .selectFrom('outbox')
      .where('to_email', '=', SECRET.guestEmail)
      .select('id')
      .executeTakeFirstOrThrow()
  ).id;
const policy = (
  actions: Action | Action[],
  subject?: (s: Surface, actor: ActorKey) => Subject | Promise<Subject>,
): Rule => ({
  kind: 'policy',
  actions: Array.isArray(actions) ? actions : [actions],
  ...(subject ? { subject } : {}),
});
const ofGov =
  (slug: string) =>
  (s: Surface): Subject => ({ governmentId: s.gov[slug] ?? -1 });
const own = (s: Surface, actor: ActorKey): Subject => ({
  userId: s.actors[actor]?.userId ?? -1,
});
const personSubject = (s: Surface, personId: number) => s.t.db.people.whereServes(personId);

const read = (request: Case['request'], label = 'public'): Case => ({
  label,
  rule: PUBLIC,
  request,
});

const TARGET = {
  type: 'base-year',
  title: 'Matrix target',
  status: 'policy',
  baseYear: 2015,
  baseEmissions: 1_000_000,
  targetYear: 2035,
  reductionPercent: 50,
};

/** Route (method and OpenAPI path) → its cases. */
export const MATRIX: Record<string, Case[]> = {
  // ------------------------------------------------------------ system and accounts
  'GET /api/v1/health': [read(() => ({}))],
  'GET /api/v1/auth/session': [read(() => ({}))],
  'POST /api/v1/auth/login': [read((s) => ({ payload: s.loginBody() }))],
  'POST /api/v1/auth/logout': [
    {
      label: 'public',
      rule: PUBLIC,
      fresh: true,
      request: async (s, actor) => ({ session: await s.freshSession(actor) }),
    },
  ],
  'POST /api/v1/me/password': [
    {
      label: 'own password',
      rule: policy('user.changeOwnPassword', own),
      fresh: true,
      request: async (s, actor) => ({
        session: await s.freshSession(actor),
        payload: {
          currentPassword: s.passwords[actor] || 'no-password-at-all',
          newPassword: `${s.unique('matrix-password')}-long-enough`,
        },
      }),
      after: async (s, actor, request, status) => {
        if (status !== 200) return;
        await s.passwordChanged(actor, (request.payload as { newPassword: string }).newPassword);
      },
    },
  ],
  'GET /api/v1/auth/calendar-feed': [
    { label: 'own', rule: policy('calendar.personalFeed', own), request: () => ({}) },
  ],
  'POST /api/v1/auth/calendar-feed': [
    { label: 'own', rule: policy('calendar.personalFeed', own), request: () => ({}) },
  ],
  'DELETE /api/v1/auth/calendar-feed': [
    {
      label: 'own',
      rule: policy('calendar.personalFeed', own),
      fresh: true,
      request: async (s, actor) => {
        if (actor !== 'anonymous') await s.freshCalendarToken(actor);
        return {};
      },
    },
  ],
  // The secret address is the key: whoever holds it reads the owner's feed, as the owner.
  'GET /api/v1/calendar/{token}.ics': [
    {
      label: "officer A's feed",
      rule: PUBLIC,
      readsAs: 'officerA',
      request: async (s) => ({ params: { token: await s.freshCalendarToken('officerA') } }),
    },
    {
      label: "officer B's feed",
      rule: PUBLIC,
      readsAs: 'officerB',
      request: async (s) => ({ params: { token: await s.freshCalendarToken('officerB') } }),
    },
  ],
  'GET /api/v1/auth/tokens': [
    { label: 'own tokens', rule: policy('token.manage', own), request: () => ({}) },
  ],
  'POST /api/v1/auth/tokens': [
    {
      label: 'own token',
      rule: policy('token.manage', own),
      request: () => ({ payload: { name: 'matrix' } }),
    },
  ],
  'DELETE /api/v1/auth/tokens/{id}': [
    {
      label: "the caller's own token",
      rule: policy('token.manage', own),
      fresh: true,
      request: async (s, actor) => ({
        params: { id: await s.freshApiToken(actor === 'anonymous' ? 'admin' : actor) },
      }),
    },
    {
      label: "officer A's token",
      rule: policy('token.manage', (s) => ({ userId: s.actors.officerA?.userId ?? -1 })),
      refusal: 'signInThenHidden',
      fresh: true,
      request: async (s) => ({ params: { id: await s.freshApiToken('officerA') } }),
    },
  ],
  'GET /api/v1/users': [{ label: 'all', rule: policy('user.manage'), request: () => ({}) }],
  'POST /api/v1/users': [
    {
      label: 'new viewer',
      rule: policy('user.manage'),
      fresh: true,
      request: (s) => ({
        payload: {
          email: `${s.unique('new-user')}@private-matrix.example`,
          displayName: 'Matrix user',
          role: 'viewer',
          password: 'matrix-new-user-password',
        },
      }),
    },
  ],
  'PATCH /api/v1/users/{id}': [
    {
      label: 'a viewer',
      rule: policy('user.manage'),
      request: async (s) => ({
        params: {
          id: (
            await s.t.db.kysely
              .selectFrom('users')
              .where('email', '=', SECRET.loginEmail)
              .select('id')
              .executeTakeFirstOrThrow()
          ).id,
        },
        payload: { displayName: 'Matrix login (renamed)' },
      }),
    },
  ],

  // ------------------------------------------------------------ the directory
  'GET /api/v1/regions': [read(() => ({}))],
  'GET /api/v1/governments': [read(() => ({}))],
  'GET /api/v1/governments/{slug}': [read(() => ({ params: { slug: GOV_A } }))],
  'POST /api/v1/governments': [
    {
      label: 'new government',
      rule: policy('government.create'),
      fresh: true,
      request: (s) => ({
        payload: {
          slug: s.unique('matrix-city'),
          names: { en: 'Matrix City' },
          kind: 'city',
          country: 'KR',
          region: 'east-asia',
          localLang: 'en',
        },
      }),
    },
  ],
  'PATCH /api/v1/governments/{slug}': [
    {
      label: "A's record",
      rule: policy('government.edit', ofGov(GOV_A)),
      request: () => ({ params: { slug: GOV_A }, payload: { website: 'https://seoul.example' } }),
    },
    {
      label: "B's record",
      rule: policy('government.edit', ofGov(GOV_B)),
      request: () => ({ params: { slug: GOV_B }, payload: { website: 'https://kyoto.example' } }),
    },
    {
      label: "A's region",
      rule: policy(['government.edit', 'government.editRegion'], ofGov(GOV_A)),
      request: () => ({ params: { slug: GOV_A }, payload: { region: 'east-asia' } }),
    },
  ],
  'GET /api/v1/government-duplicates': [
    { label: 'the report', rule: policy('government.merge'), request: () => ({}) },
  ],
  'GET /api/v1/government-merges': [
    { label: 'merges', rule: policy('government.merge'), request: () => ({}) },
  ],
  'POST /api/v1/government-merges': [
    {
      label: 'two prospects of one city',
      rule: policy('government.merge'),
      fresh: true,
      request: async (s) => {
        const [keep, merge] = await s.freshMergePair();
        return { payload: { keep, merge } };
      },
    },
  ],
  'POST /api/v1/government-merges/{id}/undo': [
    {
      label: 'a merge',
      rule: policy('government.merge'),
      fresh: true,
      request: async (s) => ({ params: { id: await s.freshMerge() } }),
    },
  ],
  'GET /api/v1/duplicate-dismissals': [
    { label: 'marks', rule: policy('government.merge'), request: () => ({}) },
  ],
  'POST /api/v1/duplicate-dismissals/governments': [
    {
      label: 'two prospects of one city',
      rule: policy('government.merge'),
      fresh: true,
      request: async (s) => {
        const [a, b] = await s.freshMergePair();
        return { payload: { a, b } };
      },
    },
  ],
  'POST /api/v1/duplicate-dismissals/targets': [
    {
      label: 'two targets stating the same',
      rule: policy('government.merge'),
      fresh: true,
      request: async (s) => {
        const [a, b] = await s.freshTargetPair();
        return { payload: { a, b } };
      },
    },
  ],
  'DELETE /api/v1/duplicate-dismissals/{id}': [
    {
      label: 'a mark',
      rule: policy('government.merge'),
      fresh: true,
      request: async (s) => ({ params: { id: await s.freshDismissal() } }),
    },
  ],
  'POST /api/v1/target-duplicates/resolutions': [
    {
      label: 'two targets stating the same',
      rule: policy('government.merge'),
      fresh: true,
      request: async (s) => {
        const [keep, remove] = await s.freshTargetPair();
        return { payload: { keep, remove } };
      },
    },
  ],
  // ------------------------------------------------------------ membership and fees
  'GET /api/v1/membership/fee-preview': [
    read(() => ({ query: 'country=JP&kind=city&population=237000&category=full-member' })),
  ],
  'GET /api/v1/governments/{slug}/membership': [
    {
      label: "A's membership",
      rule: policy('membership.manage', ofGov(GOV_A)),
      request: () => ({ params: { slug: GOV_A } }),
    },
  ],
  'POST /api/v1/governments/{slug}/membership/periods': [
    {
      label: 'a renewal',
      rule: policy('membership.manage', ofGov(GOV_A)),
      fresh: true,
      request: async (s) => ({ params: { slug: (await s.freshMember()).slug }, payload: {} }),
    },
  ],
  'PUT /api/v1/governments/{slug}/membership/suspension': [
    {
      label: 'a member',
      rule: policy('membership.manage'),
      fresh: true,
      request: async (s) => ({ params: { slug: (await s.freshMember()).slug }, payload: {} }),
    },
  ],
  'DELETE /api/v1/governments/{slug}/membership/suspension': [
    {
      label: 'a suspended member',
      rule: policy('membership.manage'),
      fresh: true,
      request: async (s) => {
        const { slug } = await s.freshMember();
        await s.asAdmin('PUT', `/governments/${slug}/membership/suspension`, {});
        return { params: { slug } };
      },
    },
  ],
  'GET /api/v1/invoices': [
    {
      label: 'invoices',
      rule: policy('invoice.manage'),
      request: () => ({ query: 'status=overdue' }),
    },
  ],
  'PUT /api/v1/invoices/{id}/payment': [
    {
      label: 'an open invoice',
      rule: policy('invoice.manage'),
      fresh: true,
      request: async (s) => ({
        params: { id: (await s.freshMember()).invoiceId },
        payload: { paidOn: new Date().toISOString().slice(0, 10) },
      }),
    },
  ],
  'PUT /api/v1/invoices/{id}/cancellation': [
    {
      label: 'an open invoice',
      rule: policy('invoice.manage'),
      fresh: true,
      request: async (s) => ({
        params: { id: (await s.freshMember()).invoiceId },
        payload: { reason: 'issued twice by mistake' },
      }),
    },
  ],
  'GET /api/v1/fee-schedule': [
    { label: 'the schedule', rule: policy('feeSchedule.edit'), request: () => ({}) },
  ],
  'PUT /api/v1/fee-schedule': [
    {
      label: 'the schedule',
      rule: policy('feeSchedule.edit'),
      request: () => ({ payload: SEED_FEE_SCHEDULE }),
    },
  ],
  ...Object.fromEntries(
    ['csv', 'xlsx'].flatMap((format) => [
      [
        `GET /api/v1/exports/members.${format}`,
        [
          {
            label: 'members',
            rule: policy('membership.manage'),
            request: () => ({ query: 'lang=ko' }),
          },
        ],
      ],
      [
        `GET /api/v1/exports/invoices.${format}`,
        [
          {
            label: 'invoices',
            rule: policy('invoice.manage'),
            request: () => ({ query: 'lang=ja' }),
          },
        ],
      ],
    ]),
  ),
  'GET /api/v1/offices': [read(() => ({}))],
  'GET /api/v1/offices/{slug}': [read(() => ({ params: { slug: 'korea-office' } }))],
  'PATCH /api/v1/offices/{slug}': [
    {
      label: 'an office’s time zone',
      rule: policy('office.manage'),
      request: () => ({ params: { slug: 'korea-office' }, payload: { timeZone: 'Asia/Seoul' } }),
    },
  ],
  'GET /api/v1/people': [read(() => ({}))],
  'GET /api/v1/people/{id}': [read((s) => ({ params: { id: s.ids.personA! } }))],
  'POST /api/v1/people': [
    {
      label: 'new person',
      rule: policy('person.create'),
      request: () => ({ payload: { fullName: 'Matrix Newcomer' } }),
    },
  ],
  'PATCH /api/v1/people/{id}': [
    {
      label: 'a person of A',
      rule: policy('person.edit', (s) => personSubject(s, s.ids.personA!)),
      request: (s) => ({ params: { id: s.ids.personA! }, payload: { names: { en: 'Matrix A' } } }),
    },
    {
      label: 'a person of B',
      rule: policy('person.edit', (s) => personSubject(s, s.ids.personB!)),
      request: (s) => ({ params: { id: s.ids.personB! }, payload: { names: { en: 'Matrix B' } } }),
    },
  ],
  'DELETE /api/v1/people/{id}': [
    {
      label: 'a person of A',
      rule: policy('person.delete'),
      fresh: true,
      request: async (s) => ({ params: { id: await s.freshPerson(GOV_A) } }),
    },
  ],
  'POST /api/v1/positions': [
    {
      label: 'in A, for a person held nowhere',
      fresh: true,
      rule: policy('position.create', async (s) => ({
        ...(await personSubject(s, s.ids.freshPerson!)),
        governmentId: s.gov[GOV_A] ?? -1,
      })),
      request: async (s) => {
        s.ids.freshPerson = await s.freshPerson();
        return {
          payload: { personId: s.ids.freshPerson, governmentSlug: GOV_A, title: 'staff-liaison' },
        };
      },
    },
    {
      label: "in A, for a person of B's",
      rule: policy('position.create', async (s) => ({
        ...(await personSubject(s, s.ids.otherPersonB!)),
        governmentId: s.gov[GOV_A] ?? -1,
      })),
      request: (s) => ({
        payload: { personId: s.ids.otherPersonB, governmentSlug: GOV_A, title: 'staff-liaison' },
      }),
    },
    {
      label: 'in an office',
      fresh: true,
      rule: policy('position.create', async (s) => ({
        ...(await personSubject(s, s.ids.freshPerson!)),
        governmentId: null,
      })),
      request: async (s) => {
        s.ids.freshPerson = await s.freshPerson();
        return {
          payload: {
            personId: s.ids.freshPerson,
            officeSlug: 'korea-office',
            title: 'regional-director',
          },
        };
      },
    },
  ],
  'PATCH /api/v1/positions/{id}': [
    {
      label: 'in A',
      rule: policy('position.edit', ofGov(GOV_A)),
      request: (s) => ({ params: { id: s.ids.positionA! }, payload: { startDate: '2020-01-01' } }),
    },
  ],
  'DELETE /api/v1/positions/{id}': [
    {
      label: 'in A',
      rule: policy('position.edit', ofGov(GOV_A)),
      fresh: true,
      request: async (s) => ({ params: { id: await s.positionOf(await s.freshPerson(GOV_A)) } }),
    },
  ],
  'GET /api/v1/audit': [
    {
      label: 'the log',
      rule: policy('audit.read'),
      // The demo's entry, which the search for what callers may not see looks for.
      request: () => ({ query: 'entityType=network' }),
    },
  ],
  'GET /api/v1/mail/outbox': [
    { label: 'the outbox', rule: policy('mail.manage'), request: () => ({}) },
  ],
  'GET /api/v1/mail/outbox/{id}': [
    {
      label: "the guest's invitation letter",
      rule: policy('mail.manage'),
      request: async (s) => ({ params: { id: await guestLetter(s) } }),
    },
  ],
  'POST /api/v1/mail/outbox/{id}/send': [
    {
      label: "the guest's invitation letter",
      rule: policy('mail.manage'),
      request: async (s) => ({ params: { id: await guestLetter(s) } }),
    },
  ],

  // ------------------------------------------------------------ climate
  'GET /api/v1/governments/{slug}/targets': [read(() => ({ params: { slug: GOV_A } }))],
  'POST /api/v1/governments/{slug}/targets': [
    {
      label: "A's",
      rule: policy('climate.edit', ofGov(GOV_A)),
      request: () => ({ params: { slug: GOV_A }, payload: TARGET }),
    },
  ],
  'GET /api/v1/targets/{id}': [read((s) => ({ params: { id: s.ids.targetA! } }))],
  'GET /api/v1/targets/{id}/assessment': [read((s) => ({ params: { id: s.ids.targetA! } }))],
  'PATCH /api/v1/targets/{id}': [
    {
      label: "A's",
      rule: policy('climate.edit', ofGov(GOV_A)),
      request: (s) => ({ params: { id: s.ids.targetA! }, payload: { title: 'Matrix target A' } }),
    },
    {
      label: "B's",
      rule: policy('climate.edit', ofGov(GOV_B)),
      request: (s) => ({ params: { id: s.ids.targetB! }, payload: { title: 'Matrix target B' } }),
    },
  ],
  'DELETE /api/v1/targets/{id}': [
    {
      label: "A's",
      rule: policy('climate.edit', ofGov(GOV_A)),
      fresh: true,
      request: async (s) => ({ params: { id: await s.freshTarget(GOV_A) } }),
    },
  ],
  'GET /api/v1/governments/{slug}/inventories': [read(() => ({ params: { slug: GOV_A } }))],
  'POST /api/v1/governments/{slug}/inventories': [
    {
      label: "A's",
      rule: policy('climate.edit', ofGov(GOV_A)),
      fresh: true,
      request: (s) => ({
        params: { slug: GOV_A },
        payload: { year: s.nextInventoryYear(), gwpSet: 'AR6' },
      }),
    },
  ],
  'GET /api/v1/inventories/{id}': [
    read((s) => ({ params: { id: s.ids.finalInventory! } }), 'final'),
    {
      label: "A's draft",
      rule: policy('climate.readDraft', ofGov(GOV_A)),
      refusal: 'hidden',
      request: (s) => ({ params: { id: s.ids.draftInventoryA! } }),
    },
  ],
  'PATCH /api/v1/inventories/{id}': [
    {
      label: "A's draft",
      rule: policy('climate.edit', ofGov(GOV_A)),
      request: (s) => ({
        params: { id: s.ids.draftInventoryA! },
        payload: { methodology: 'GPC 1.1' },
      }),
    },
  ],
  'DELETE /api/v1/inventories/{id}': [
    {
      label: "A's",
      rule: policy('climate.edit', ofGov(GOV_A)),
      fresh: true,
      request: async (s) => ({ params: { id: await s.freshInventory(GOV_A) } }),
    },
  ],
  'GET /api/v1/governments/{slug}/emissions': [read(() => ({ params: { slug: GOV_A } }))],
  'POST /api/v1/governments/{slug}/emission-reports': [
    {
      label: "A's",
      rule: policy('climate.edit', ofGov(GOV_A)),
      fresh: true,
      request: (s) => ({
        params: { slug: GOV_A },
        payload: {
          year: s.nextReportYear(),
          source: 'national',
          sourceLabel: 'Matrix',
          scope1: 10,
        },
      }),
    },
  ],
  'PATCH /api/v1/emission-reports/{id}': [
    {
      label: "A's",
      rule: policy('climate.edit', ofGov(GOV_A)),
      request: (s) => ({ params: { id: s.ids.reportA! }, payload: { sourceLabel: 'Matrix 2' } }),
    },
  ],
  'DELETE /api/v1/emission-reports/{id}': [
    {
      label: "A's",
      rule: policy('climate.edit', ofGov(GOV_A)),
      fresh: true,
      request: async (s) => ({ params: { id: await s.freshReport(GOV_A) } }),
    },
  ],
  'GET /api/v1/governments/{slug}/actions': [read(() => ({ params: { slug: GOV_A } }))],
  'POST /api/v1/governments/{slug}/actions': [
    {
      label: "A's",
      rule: policy('climate.edit', ofGov(GOV_A)),
      request: () => ({
        params: { slug: GOV_A },
        payload: { title: 'Matrix action', status: 'planned' },
      }),
    },
  ],
  'PATCH /api/v1/actions/{id}': [
    {
      label: "A's",
      rule: policy('climate.edit', ofGov(GOV_A)),
      request: (s) => ({ params: { id: s.ids.actionA! }, payload: { status: 'in-progress' } }),
    },
  ],
  'DELETE /api/v1/actions/{id}': [
    {
      label: "A's",
      rule: policy('climate.edit', ofGov(GOV_A)),
      fresh: true,
      request: async (s) => ({ params: { id: await s.freshAction(GOV_A) } }),
    },
  ],
  'GET /api/v1/history/{entityType}/{id}': [
    read((s) => ({ params: { entityType: 'target', id: s.ids.targetA! } }), 'a target'),
    {
      label: "A's draft inventory",
      rule: policy('climate.readDraft', ofGov(GOV_A)),
      refusal: 'hidden',
      request: (s) => ({ params: { entityType: 'inventory', id: s.ids.draftInventoryA! } }),
    },
  ],
  'POST /api/v1/history/{entityType}/{id}/restore': [
    {
      label: "A's target",
      rule: policy('climate.edit', ofGov(GOV_A)),
      request: (s) => ({
        params: { entityType: 'target', id: s.ids.targetA! },
        payload: { version: 1 },
      }),
    },
  ],
  'GET /api/v1/climate/summary': [read(() => ({}))],
  'GET /api/v1/exports/targets.csv': [read(() => ({}))],
  'GET /api/v1/exports/targets.xlsx': [read(() => ({}))],
  'GET /api/v1/exports/climate-summary.csv': [read(() => ({}))],
  'GET /api/v1/exports/climate-summary.xlsx': [read(() => ({}))],
  ...Object.fromEntries(
    ['csv', 'xlsx'].map((format) => [
      `GET /api/v1/governments/{slug}/inventories/{year}/export.${format}`,
      [
        read((s) => ({ params: { slug: 'changchun', year: s.ids.finalInventoryYear! } }), 'final'),
        {
          label: "A's draft",
          rule: policy('climate.readDraft', ofGov(GOV_A)),
          refusal: 'hidden',
          request: (s: Surface) => ({
            params: { slug: GOV_A, year: s.ids.draftInventoryYear! },
          }),
        } satisfies Case,
      ],
    ]),
  ),

  // ------------------------------------------------------------ governing bodies
  'GET /api/v1/bodies': [read(() => ({}))],
  'POST /api/v1/bodies': [
    {
      label: 'new body',
      rule: policy('body.manage'),
      request: () => ({
        payload: { slug: 'matrix-new-body', kind: 'network', names: { en: 'Matrix network' } },
      }),
    },
  ],
  'GET /api/v1/bodies/{slug}': [read(() => ({ params: { slug: REXCOM } }))],
  'PATCH /api/v1/bodies/{slug}': [
    {
      label: "A's committee",
      rule: policy('body.manage'),
      request: () => ({
        params: { slug: A_BODY },
        payload: { description: { en: 'Where A sits' } },
      }),
    },
  ],
  'GET /api/v1/bodies/{slug}/calendar.ics': [read(() => ({ params: { slug: A_BODY } }))],
  'POST /api/v1/bodies/{slug}/terms': [
    {
      label: "A's committee",
      rule: policy('body.manage'),
      request: () => ({
        params: { slug: A_BODY },
        payload: { label: '2031–2033', startsOn: '2031-01-01', endsOn: '2033-12-31' },
      }),
    },
  ],
  'GET /api/v1/terms/{id}': [read((s) => ({ params: { id: s.ids.rexcomTerm! } }))],
  'POST /api/v1/terms/{id}/seats': [
    {
      label: "a seat for B on A's committee",
      rule: policy('body.manage'),
      request: (s) => ({
        params: { id: s.ids.aTerm! },
        payload: { governmentId: s.gov[GOV_B], position: 'member' },
      }),
    },
  ],
  'PATCH /api/v1/seats/{id}': [
    {
      label: "A's seat",
      rule: policy('body.manage'),
      request: (s) => ({ params: { id: s.ids.aSeat! }, payload: { portfolio: 'Matrix' } }),
    },
  ],
  'DELETE /api/v1/seats/{id}': [
    {
      label: "Suwon's seat on A's committee",
      rule: policy('body.manage'),
      request: async (s) => ({
        params: {
          id: (
            await s.asAdmin<{ id: number }>('POST', `/terms/${s.ids.aTerm}/seats`, {
              governmentId: s.gov.suwon,
              position: 'member',
            })
          ).id,
        },
      }),
    },
  ],
  // A's seat on A's committee: added and changed by the secretariat through the API.
  'GET /api/v1/seats/{id}/history': [read((s) => ({ params: { id: s.ids.aSeat! } }))],

  // ------------------------------------------------------------ meetings
  'GET /api/v1/meetings': [
    read(() => ({})),
    {
      label: 'drafts',
      rule: policy('meeting.readDraft'),
      request: () => ({ query: 'status=draft' }),
    },
  ],
  'GET /api/v1/meetings/{id}.ics': [
    read((s) => ({ params: { id: s.ids.aMeeting! } }), 'scheduled'),
    {
      label: 'draft',
      rule: policy('meeting.readDraft'),
      refusal: 'hidden',
      request: (s) => ({ params: { id: s.ids.draftMeeting! } }),
    },
  ],
  'GET /api/v1/meetings/{id}': [
    read((s) => ({ params: { id: s.ids.aMeeting! } }), 'scheduled'),
    {
      label: 'draft',
      rule: policy('meeting.readDraft'),
      refusal: 'hidden',
      request: (s) => ({ params: { id: s.ids.draftMeeting! } }),
    },
  ],
  'POST /api/v1/meetings': [
    {
      label: 'new draft',
      rule: policy('meeting.manage'),
      request: () => ({ payload: DRAFT_MEETING_INPUT }),
    },
  ],
  'PATCH /api/v1/meetings/{id}': [
    {
      label: "A's meeting",
      rule: policy('meeting.manage'),
      request: (s) => ({ params: { id: s.ids.aMeeting! }, payload: { venue: 'Matrix hall' } }),
    },
  ],
  'POST /api/v1/meetings/{id}/status': [
    {
      label: 'scheduling a draft',
      rule: policy('meeting.manage'),
      request: async (s) => ({
        params: { id: await s.freshDraftMeeting() },
        payload: { status: 'scheduled' },
      }),
    },
  ],
  'PUT /api/v1/meetings/{id}/agenda': [
    {
      label: 'a draft',
      rule: policy('meeting.manage'),
      request: async (s) => ({
        params: { id: await s.freshDraftMeeting() },
        payload: { items: [{ kind: 'other', title: { en: 'Matrix item' } }] },
      }),
    },
  ],
  'POST /api/v1/meetings/{id}/invitations': [
    {
      label: 'a scheduled meeting',
      rule: policy('meeting.manage'),
      request: async (s) => ({
        params: { id: await s.freshScheduledMeeting() },
        payload: { seats: true },
      }),
    },
  ],
  'PUT /api/v1/invitations/{id}/reply': [
    {
      label: "A's invitation",
      rule: policy('meeting.reply', ofGov(GOV_A)),
      request: (s) => ({
        params: { id: s.ids.invitationA! },
        payload: { reply: 'proxy', proxyName: 'Matrix proxy', proxyEmail: SECRET.proxyEmail },
      }),
    },
    {
      label: "B's invitation",
      rule: policy('meeting.reply', ofGov(GOV_B)),
      request: (s) => ({ params: { id: s.ids.invitationB! }, payload: { reply: 'attending' } }),
    },
  ],
  'POST /api/v1/meetings/{id}/attendance': [
    {
      label: 'an adviser at a sitting',
      rule: policy('meeting.manage'),
      request: (s) => ({
        params: { id: s.ids.sittingMeeting! },
        payload: { name: 'Matrix adviser', capacity: 'adviser', mode: 'online' },
      }),
    },
  ],
  'PATCH /api/v1/attendance/{id}': [
    {
      label: "A's delegate",
      rule: policy('meeting.manage'),
      request: (s) => ({ params: { id: s.ids.attendance! }, payload: { mode: 'in-person' } }),
    },
  ],
  'DELETE /api/v1/attendance/{id}': [
    {
      label: 'an adviser',
      rule: policy('meeting.manage'),
      request: async (s) => ({ params: { id: await s.freshAdviser(s.ids.sittingMeeting!) } }),
    },
  ],
  'POST /api/v1/meetings/{id}/motions': [
    {
      label: 'a sitting',
      rule: policy('meeting.manage'),
      request: (s) => ({
        params: { id: s.ids.sittingMeeting! },
        payload: { kind: 'substantive', text: { en: 'Matrix motion' } },
      }),
    },
  ],
  'POST /api/v1/motions/{id}/decision': [
    {
      label: 'with quorum',
      rule: policy('meeting.manage'),
      request: (s) => ({
        params: { id: s.ids.openMotion! },
        payload: {
          votes: [GOV_A, GOV_B, 'suwon'].map((g) => ({
            seatId: s.ids[`seat:${g}`],
            choice: 'for',
          })),
        },
      }),
    },
  ],
  'POST /api/v1/motions/{id}/withdraw': [
    {
      label: 'an open motion',
      rule: policy('meeting.manage'),
      request: async (s) => ({ params: { id: await s.freshMotion(s.ids.sittingMeeting!) } }),
    },
  ],
  'PUT /api/v1/meetings/{id}/minutes': [
    {
      label: 'a sitting',
      rule: policy('meeting.manage'),
      request: (s) => ({ params: { id: s.ids.sittingMeeting! }, payload: { html: '<p>M</p>' } }),
    },
  ],

  // ------------------------------------------------------------ elections
  'GET /api/v1/elections': [read(() => ({}))],
  'POST /api/v1/elections': [
    {
      label: 'new election',
      rule: policy('election.manage'),
      request: () => ({
        payload: {
          body: REXCOM,
          title: { en: 'Matrix election (new)' },
          seats: 1,
          termLabel: '2035–2037',
          termStartsOn: '2035-01-01',
          termEndsOn: '2037-12-31',
          nominationsOpen: '2034-01-01T00:00:00Z',
          nominationsClose: '2034-02-01T00:00:00Z',
          votingOpen: '2034-03-01T00:00:00Z',
          votingClose: '2034-04-01T00:00:00Z',
        },
      }),
    },
  ],
  'GET /api/v1/elections/{id}': [read((s) => ({ params: { id: s.ids.nominations! } }))],
  'PATCH /api/v1/elections/{id}': [
    {
      label: 'taking nominations',
      rule: policy('election.manage'),
      request: (s) => ({ params: { id: s.ids.nominations! }, payload: { seats: 1 } }),
    },
  ],
  'POST /api/v1/elections/{id}/candidates': [
    {
      label: "A's candidate",
      rule: policy('election.nominate', ofGov(GOV_A)),
      fresh: true,
      request: async (s) => ({
        params: { id: await s.freshElection() },
        payload: {
          governmentId: s.gov[GOV_A],
          personId: s.ids[`seatHolder:${GOV_A}`],
          codeOfHonourAccepted: true,
        },
      }),
    },
  ],
  'POST /api/v1/candidates/{id}/endorsement': [
    {
      label: "A's candidate",
      rule: policy('election.nominate', ofGov(GOV_A)),
      request: (s) => {
        const [payload, headers] = s.endorsementForm();
        return { params: { id: s.ids.candidateA! }, payload, headers };
      },
    },
  ],
  'GET /api/v1/candidates/{id}/endorsement': [
    {
      label: "A's candidate",
      rule: policy('election.nominate', ofGov(GOV_A)),
      request: (s) => ({ params: { id: s.ids.candidateA! } }),
    },
  ],
  'POST /api/v1/candidates/{id}/withdraw': [
    {
      label: "A's candidate",
      rule: policy('election.nominate', ofGov(GOV_A)),
      fresh: true,
      request: async (s) => ({ params: { id: await s.nominate(await s.freshElection(), GOV_A) } }),
    },
  ],
  'POST /api/v1/elections/{id}/ballots': [
    {
      label: "the caller's own government's ballot",
      rule: policy('election.vote', (s, actor) => ({
        governmentId: s.actors[actor]?.governmentId ?? null,
      })),
      request: (s) => ({ params: { id: s.ids.voting! }, payload: { choices: [] } }),
    },
  ],
  'GET /api/v1/elections/{id}/voters': [
    {
      label: 'voting',
      rule: policy('election.manage'),
      request: (s) => ({ params: { id: s.ids.voting! } }),
    },
  ],
  'GET /api/v1/elections/{id}/result': [read((s) => ({ params: { id: s.ids.closed! } }))],
  'POST /api/v1/elections/{id}/fill': [
    {
      label: 'closed',
      rule: policy('election.manage'),
      request: (s) => ({ params: { id: s.ids.closed! }, payload: {} }),
    },
  ],

  // ------------------------------------------------------------ news and files
  'GET /api/v1/news': [
    read(() => ({})),
    { label: 'drafts', rule: policy('news.readDraft'), request: () => ({ query: 'status=draft' }) },
  ],
  'POST /api/v1/news': [
    {
      label: 'new draft',
      rule: policy('news.manage'),
      request: () => ({
        payload: {
          slug: 'matrix-new-post',
          translations: { en: { title: 'Matrix post', summary: 'S', bodyHtml: '<p>B</p>' } },
        },
      }),
    },
  ],
  'GET /api/v1/news/feed.xml': [read(() => ({}))],
  'GET /api/v1/news/{slug}': [
    read((s) => ({ params: { slug: s.slugs.publishedNews! } }), 'published'),
    {
      label: 'draft',
      rule: policy('news.readDraft'),
      refusal: 'hidden',
      request: (s) => ({ params: { slug: s.slugs.draftNews! } }),
    },
  ],
  'PATCH /api/v1/news/{slug}': [
    {
      label: 'a draft',
      rule: policy('news.manage'),
      request: (s) => ({ params: { slug: s.slugs.draftNews! }, payload: { governmentIds: [] } }),
    },
  ],
  'DELETE /api/v1/news/{slug}': [
    {
      label: 'a draft',
      rule: policy('news.manage'),
      request: async (s) => ({ params: { slug: await s.freshDraftNews() } }),
    },
  ],
  'POST /api/v1/news/{slug}/publish': [
    {
      label: 'a draft',
      rule: policy('news.manage'),
      request: async (s) => ({ params: { slug: await s.freshDraftNews() } }),
    },
  ],
  'POST /api/v1/news/{slug}/unpublish': [
    {
      label: 'a published post',
      rule: policy('news.manage'),
      request: async (s) => ({ params: { slug: await s.freshPublishedNews() } }),
    },
  ],
  'POST /api/v1/meetings/{id}/news': [
    {
      label: 'a closed meeting',
      rule: policy('news.manage'),
      request: async (s) => ({ params: { id: await s.freshClosedMeeting() } }),
    },
  ],
  'POST /api/v1/meetings/{id}/files': [
    {
      label: "A's meeting",
      rule: policy('meeting.manage'),
      request: async (s) => {
        const form = await s.uploadForm({ document: true })();
        return { params: { id: s.ids.aMeeting! }, payload: form.payload, headers: form.headers };
      },
    },
  ],
  'POST /api/v1/news/{slug}/photos': [
    {
      label: 'a draft',
      rule: policy('news.manage'),
      request: async (s) => {
        const form = await s.uploadForm()();
        return {
          params: { slug: s.slugs.draftNews! },
          payload: form.payload,
          headers: form.headers,
        };
      },
    },
  ],
  ...Object.fromEntries(
    ['/api/v1/files/{id}', '/api/v1/files/{id}/thumb'].map((route) => [
      `GET ${route}`,
      [
        read((s: Surface) => ({ params: { id: s.ids.publicPhoto! } }), 'public photo'),
        ...(route.endsWith('thumb')
          ? []
          : [
              {
                label: 'private document',
                rule: { kind: 'signedIn' },
                request: (s: Surface) => ({ params: { id: s.ids.privateDocument! } }),
              } satisfies Case,
            ]),
        {
          label: "a draft meeting's photo",
          rule: policy('file.readPrivate'),
          refusal: 'signInThenHidden',
          request: (s: Surface) => ({ params: { id: s.ids.draftPhoto! } }),
        } satisfies Case,
      ],
    ]),
  ),
  'PATCH /api/v1/files/{id}': [
    {
      label: 'private document',
      rule: policy('file.manage'),
      request: (s) => ({ params: { id: s.ids.privateDocument! }, payload: { credit: 'Matrix' } }),
    },
  ],
  'DELETE /api/v1/files/{id}': [
    {
      label: 'a document',
      rule: policy('file.manage'),
      request: async (s) => ({
        params: { id: await s.freshMeetingFile(s.ids.aMeeting!, { document: true }) },
      }),
    },
  ],

  // ------------------------------------------------------------ imports
  'POST /api/v1/imports/{kind}': [
    {
      label: 'a dry run',
      rule: policy('climate.import'),
      request: (s) => ({
        params: { kind: 'cdp-emissions' },
        query: 'dryRun=true',
        payload: s.importFile(),
        headers: { 'content-type': 'text/csv' },
      }),
    },
  ],
  'POST /api/v1/imports/{kind}/columns': [
    {
      label: "a file's columns",
      rule: policy('climate.import'),
      request: (s) => ({
        params: { kind: 'cdp-emissions' },
        payload: s.importFile(),
        headers: { 'content-type': 'text/csv' },
      }),
    },
  ],
  'GET /api/v1/imports/layouts': [
    { label: 'saved layouts', rule: policy('climate.import'), request: () => ({}) },
  ],
  'PUT /api/v1/imports/layouts/{name}': [
    {
      label: 'a layout',
      rule: policy('climate.import'),
      request: () => ({ params: { name: 'matrix layout' }, payload: MATRIX_LAYOUT }),
    },
  ],
  'DELETE /api/v1/imports/layouts/{name}': [
    {
      label: 'a layout',
      rule: policy('climate.import'),
      fresh: true,
      request: async (s) => {
        const name = s.unique('matrix layout');
        await s.asAdmin('PUT', `/imports/layouts/${encodeURIComponent(name)}`, MATRIX_LAYOUT);
        return { params: { name } };
      },
    },
  ],
  'GET /api/v1/imports': [{ label: 'runs', rule: policy('climate.import'), request: () => ({}) }],
  'GET /api/v1/imports/{id}/matches': [
    {
      label: 'a run',
      rule: policy('climate.import'),
      request: (s) => ({ params: { id: s.ids.importRun! } }),
    },
  ],
  'PUT /api/v1/imports/{id}/matches/{matchId}': [
    {
      label: "a preview's match",
      rule: policy('climate.import'),
      fresh: true,
      request: async (s) => {
        const { runId, matchId } = await s.freshImportMatch();
        return { params: { id: runId, matchId }, payload: { decision: 'accept' } };
      },
    },
  ],
  ...Object.fromEntries(
    ['', '/rows', '/report.csv'].map((tail) => [
      `GET /api/v1/imports/{id}${tail}`,
      [
        {
          label: 'a run',
          rule: policy('climate.import'),
          request: (s: Surface) => ({ params: { id: s.ids.importRun! } }),
        } satisfies Case,
      ],
    ]),
  ),
  // ------------------------------------------------------------ membership applications
  ...APPLICATION_MATRIX,
};

/** The method and the URL of a route with the request's values in its path. */
export function urlOf(route: string, request: RouteRequest): { method: string; url: string } {
  const [method, template] = route.split(' ') as [string, string];
  const url = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = request.params?.[name];
    if (value === undefined) throw new Error(`${route}: no value for {${name}}`);
    return encodeURIComponent(String(value));
  });
  return { method, url: request.query ? `${url}?${request.query}` : url };
}
