/**
 * The shapes of membership applications in the API. The submission is checked here for its
 * structure only; its rules (which fields are required, addresses, dates) are
 * src/core/application-form.ts, which the web runs too.
 */
import { Type, type Static } from 'typebox';
import { SOUGHT_CATEGORIES } from '../../core/application-form';
import { APPLICATION_ACTIONS, APPLICATION_STEPS } from '../../core/applications';
import { LOCALES } from '../../core/locales';
import { GOVERNMENT_KINDS, HEAD_OF_GOVERNMENT_TITLES } from '../../core/membership';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../core/passwords';
import { Attribution, Id, IsoDate, Names, Nullable, PageQuery, Slug } from '../http/common-schemas';
import { AssociationScope, Invoice } from '../membership/schemas';

const Text = (maxLength = 1000) => Type.String({ maxLength });
const Maybe = <T extends Parameters<typeof Nullable>[0]>(schema: T) =>
  Type.Optional(Nullable(schema));

export const ApplicationStepName = Type.Enum(APPLICATION_STEPS);
export const ApplicationActionName = Type.Enum(APPLICATION_ACTIONS);
export const SoughtCategory = Type.Enum(SOUGHT_CATEGORIES);
export const ApplicantLanguage = Type.Enum(LOCALES);
export const Comment = Type.String({ maxLength: 4000 });

export const ApplicationSubmit = Type.Object(
  {
    officialName: Text(),
    officialNameLang: Text(35),
    englishName: Text(),
    kind: Type.Enum(GOVERNMENT_KINDS),
    country: Text(10),
    province: Maybe(Text()),
    population: Type.Number(),
    populationYear: Type.Number(),
    areaKm2: Maybe(Type.Number()),
    budgetAmount: Maybe(Type.Number()),
    budgetCurrency: Maybe(Text(10)),
    website: Maybe(Text()),
    cdpAccount: Maybe(Text(20)),
    head: Type.Object(
      {
        name: Text(),
        title: Text(),
        electedOn: Maybe(Text(20)),
        termEndsOn: Maybe(Text(20)),
      },
      { additionalProperties: false },
    ),
    political: Type.Object(
      { name: Text(), title: Maybe(Text()), email: Maybe(Text()), phone: Maybe(Text(100)) },
      { additionalProperties: false },
    ),
    liaison: Type.Object(
      { name: Text(), email: Text(), phone: Text(100) },
      { additionalProperties: false },
    ),
    category: SoughtCategory,
    language: ApplicantLanguage,
    consent: Type.Boolean({ description: 'The applicant agrees to the use of these details' }),
    /** Left empty by people: the form hides it; a script filling every field fills it. */
    alternateUrl: Type.Optional(Text(2000)),
  },
  { additionalProperties: false },
);
export type ApplicationSubmit = Static<typeof ApplicationSubmit>;

export const ResolutionStanding = Type.Union([
  Type.Object({ state: Type.Literal('received'), on: IsoDate }),
  Type.Object({ state: Type.Literal('due'), by: IsoDate, daysLeft: Type.Integer() }),
  Type.Object({ state: Type.Literal('overdue'), by: IsoDate, daysLate: Type.Integer() }),
]);

export const ApplicationSubmitted = Type.Object({
  /** The secret of the private status link: shown once, here and in the letter. */
  statusToken: Type.String(),
  statusUrl: Type.String(),
  step: ApplicationStepName,
  resolution: ResolutionStanding,
  /** Whether the confirmation letter was queued; the application is stored either way. */
  confirmationQueued: Type.Boolean(),
});

export const DocumentKind = Type.Enum(['resolution', 'other'] as const);

export const ApplicationDocument = Type.Object({
  id: Id,
  kind: DocumentKind,
  filename: Type.String(),
  mime: Type.String(),
  bytes: Type.Integer(),
  by: Type.Enum(['applicant', 'secretariat'] as const),
  uploadedAt: Type.String(),
});

const HistoryEntry = {
  action: Nullable(ApplicationActionName),
  step: ApplicationStepName,
  by: Type.Enum(['applicant', 'secretariat'] as const),
  at: Type.String(),
  comment: Nullable(Type.String()),
};

/** What the holder of a status link sees: never the secretariat's internal notes or names. */
export const ApplicationStatus = Type.Object({
  officialName: Type.String(),
  officialNameLang: Type.String(),
  englishName: Type.String(),
  country: Type.String(),
  category: SoughtCategory,
  language: ApplicantLanguage,
  step: ApplicationStepName,
  submittedAt: Type.String(),
  resolution: ResolutionStanding,
  history: Type.Array(Type.Object(HistoryEntry)),
  documents: Type.Array(ApplicationDocument),
  /** What the applicant may do now (answer, withdraw). */
  actions: Type.Array(ApplicationActionName),
});
export type ApplicationStatus = Static<typeof ApplicationStatus>;

export const TokenParam = Type.Object({ token: Type.String({ minLength: 1, maxLength: 100 }) });

export const ApplicantAnswer = Type.Object({ comment: Comment }, { additionalProperties: false });
export const ApplicantWithdraw = Type.Object(
  { comment: Type.Optional(Nullable(Comment)) },
  { additionalProperties: false },
);

// ---------------------------------------------------------------- the secretariat's

export const ApplicationSummary = Type.Object({
  id: Id,
  officialName: Type.String(),
  officialNameLang: Type.String(),
  englishName: Type.String(),
  country: Type.String(),
  kind: Type.Enum(GOVERNMENT_KINDS),
  category: SoughtCategory,
  step: ApplicationStepName,
  submittedAt: Type.String(),
  updatedAt: Type.String(),
  resolution: ResolutionStanding,
});
export type ApplicationSummary = Static<typeof ApplicationSummary>;

export const ApplicationQuery = Type.Object({
  step: Type.Optional(ApplicationStepName),
  country: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$' })),
  category: Type.Optional(SoughtCategory),
  q: Type.Optional(Type.String({ maxLength: 100 })),
  ...PageQuery,
});
export type ApplicationQuery = Static<typeof ApplicationQuery>;

export const ApplicationQueue = Type.Object({
  items: Type.Array(ApplicationSummary),
  total: Type.Integer({ minimum: 0 }),
  page: Type.Integer({ minimum: 1 }),
  pageSize: Type.Integer({ minimum: 1 }),
  /** How many applications stand at each step, whatever the filters. */
  counts: Type.Array(Type.Object({ step: ApplicationStepName, count: Type.Integer() })),
});

export const DuplicateCandidate = Type.Object({
  slug: Slug,
  names: Names,
  /** The language of its official local name (a key of names). */
  localLang: Type.String(),
  country: Type.String(),
  kind: Type.String(),
  category: Nullable(Type.String()),
  /** Why it may be the applicant: a name like the application's, its CDP account, or both. */
  reasons: Type.Array(Type.Enum(['name', 'cdp-account'] as const)),
  /** Targets, inventories and reported totals it already holds (kept when promoted). */
  climateRecords: Type.Integer(),
});

export const OfficerInvitationInfo = Type.Object({
  email: Type.String(),
  displayName: Type.String(),
  createdAt: Type.String(),
  expiresAt: Type.String(),
  state: Type.Enum(['valid', 'used', 'expired'] as const),
});

export const ApplicationDetail = Type.Object({
  ...ApplicationSummary.properties,
  province: Nullable(Type.String()),
  population: Type.Integer(),
  populationYear: Type.Integer(),
  areaKm2: Nullable(Type.Number()),
  budgetAmount: Nullable(Type.Number()),
  budgetCurrency: Nullable(Type.String()),
  website: Nullable(Type.String()),
  cdpAccount: Nullable(Type.String()),
  head: Type.Object({
    name: Type.String(),
    title: Type.String(),
    electedOn: Nullable(Type.String()),
    termEndsOn: Nullable(Type.String()),
  }),
  political: Type.Object({
    name: Type.String(),
    title: Nullable(Type.String()),
    email: Nullable(Type.String()),
    phone: Nullable(Type.String()),
  }),
  liaison: Type.Object({ name: Type.String(), email: Type.String(), phone: Type.String() }),
  language: ApplicantLanguage,
  history: Type.Array(Type.Object({ ...HistoryEntry, actor: Attribution })),
  documents: Type.Array(ApplicationDocument),
  duplicates: Type.Array(DuplicateCandidate),
  /** What the secretariat may do now, in the order of the workflow. */
  actions: Type.Array(ApplicationActionName),
  /** The government the application made a member. */
  government: Nullable(Type.Object({ slug: Slug, names: Names })),
  invitations: Type.Array(OfficerInvitationInfo),
  /** The invoice of its first year, once invoiced (the newest: one cancelled may be before it). */
  invoice: Nullable(Invoice),
  /**
   * The first year's fee under the schedule in force, for the invoice step: its amount, or
   * null with the reason the schedule cannot say (the secretariat then gives the amount).
   */
  fee: Type.Object({
    amount: Nullable(Type.Integer()),
    currency: Type.String(),
    reason: Nullable(Type.String()),
  }),
  version: Type.Integer(),
});
export type ApplicationDetail = Static<typeof ApplicationDetail>;

export const StepRequest = Type.Object(
  {
    action: ApplicationActionName,
    comment: Type.Optional(Nullable(Comment)),
    /** The invoice step: the fee, when the schedule gives none (or to set another). */
    amount: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000_000 })),
    /** The invoice step, for an association: which of its flat fees applies. */
    associationScope: Type.Optional(AssociationScope),
    /** The mark-paid step: the day the fee was paid (today unless said). */
    paidOn: Type.Optional(IsoDate),
  },
  { additionalProperties: false },
);
export type StepRequest = Static<typeof StepRequest>;

/** The positions a government's head holds (the others are staff's or an office's). */
export const HeadTitle = Type.Enum(HEAD_OF_GOVERNMENT_TITLES);

export const MakeMemberRequest = Type.Object(
  {
    /** Promote this government (a prospect, with its climate records) instead of adding one. */
    governmentSlug: Type.Optional(Slug),
    /** For a new government: its region (else the country's) and slug (else the name's). */
    region: Type.Optional(Slug),
    slug: Type.Optional(Slug),
    /** The position of the head of government the application names (mayor unless said). */
    headTitle: Type.Optional(HeadTitle),
    comment: Type.Optional(Nullable(Comment)),
  },
  { additionalProperties: false },
);
export type MakeMemberRequest = Static<typeof MakeMemberRequest>;

export const DocumentParams = Type.Object({ id: Id, documentId: Id });

// ---------------------------------------------------------------- officer invitations

export const OfficerInvitation = Type.Object({
  displayName: Type.String(),
  /** The address it was sent to, mostly hidden: the holder recognises their own. */
  emailHint: Type.String(),
  government: Type.Object({ slug: Slug, names: Names }),
  expiresAt: Type.String(),
});

export const InvitationAccept = Type.Object(
  {
    password: Type.String({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH }),
  },
  { additionalProperties: false },
);
