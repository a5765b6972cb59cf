import { INVOICE_CANCEL_CAUSES } from '../../core/membership';
import { Type, type Static } from 'typebox';
import {
  GOVERNMENT_KINDS,
  MEMBERSHIP_CATEGORIES,
  MEMBERSHIP_STATUSES,
} from '../../core/membership';
import { ASSOCIATION_SCOPES, INCOME_GROUPS, NO_FEE_REASONS } from '../../core/membership-fees';
import {
  Id,
  IsoDate,
  LangQuery,
  Names,
  Nullable,
  Page,
  PageQuery,
  Slug,
} from '../http/common-schemas';

const MemberCategory = Type.Enum(
  MEMBERSHIP_CATEGORIES.filter((c) => c !== 'non-member') as [
    'full-member',
    'associate-member',
    'associate-partner',
  ],
  { description: 'A category of member (a prospect has no periods)' },
);
export const AssociationScope = Type.Enum(ASSOCIATION_SCOPES);
export const IncomeGroup = Type.Enum(INCOME_GROUPS);
const Currency = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217' });

/** What an invoice's amount was read from. */
export const FeeBasis = Type.Union([
  Type.Object({
    kind: Type.Literal('band'),
    incomeGroup: IncomeGroup,
    band: Type.Integer({ minimum: 0 }),
    from: Type.Integer({ minimum: 0 }),
    to: Nullable(Type.Integer({ minimum: 0 })),
  }),
  Type.Object({ kind: Type.Literal('association'), scope: AssociationScope }),
  Type.Object({ kind: Type.Literal('set'), by: Type.String() }),
]);
export type FeeBasis = Static<typeof FeeBasis>;

export const InvoiceGovernment = Type.Object({
  id: Type.Integer(),
  slug: Slug,
  names: Names,
  localLang: Type.String(),
  country: Type.String(),
});

/** The application an invoice bills the first year of (its names, before it is a member). */
export const InvoiceApplication = Type.Object({
  id: Type.Integer(),
  /** The English name the application gave. */
  name: Type.String(),
  /** Its official name, in its own language. */
  officialName: Type.String(),
  officialLang: Type.String(),
  country: Type.String(),
});

export const INVOICE_STATUSES = ['open', 'paid', 'cancelled'] as const;

export const Invoice = Type.Object({
  id: Type.Integer(),
  /** YYYY-NNNN: the year of issue and the invoice's place in it. */
  number: Type.String(),
  /** Null for an application's invoice until the application makes a member. */
  government: Nullable(InvoiceGovernment),
  /** The application whose first year it bills; null for renewals. */
  application: Nullable(InvoiceApplication),
  /** The period billed, once it exists (a renewal invoice goes out before its period). */
  periodId: Nullable(Type.Integer()),
  periodStart: IsoDate,
  periodEnd: IsoDate,
  category: MemberCategory,
  /** Whole units of the currency. */
  amount: Type.Integer(),
  currency: Currency,
  basis: FeeBasis,
  issuedOn: IsoDate,
  dueOn: IsoDate,
  paidOn: Nullable(IsoDate),
  status: Type.Enum(INVOICE_STATUSES),
  /** Who cancelled it, when and why (a cancelled invoice keeps its number). */
  cancelledAt: Nullable(Type.String()),
  cancelledBy: Nullable(Type.String()),
  cancelReason: Nullable(Type.String()),
  /** An application's invoice cancelled with it: rejected or withdrawn (words are the reader's). */
  cancelledWith: Nullable(Type.Enum(INVOICE_CANCEL_CAUSES)),
  /** Open and past its due day (today, on the server's clock). */
  overdue: Type.Boolean(),
  remindersSent: Type.Integer({ minimum: 0 }),
  lastRemindedOn: Nullable(IsoDate),
  /** Send it back as If-Match when marking the invoice paid. */
  version: Type.Integer(),
});
export type Invoice = Static<typeof Invoice>;

export const Period = Type.Object({
  id: Type.Integer(),
  category: MemberCategory,
  start: IsoDate,
  end: IsoDate,
  createdAt: Type.String(),
  createdBy: Type.String(),
});
export type Period = Static<typeof Period>;

export const FeeQuote = Type.Union([
  Type.Object({
    ok: Type.Literal(true),
    amount: Type.Integer(),
    currency: Currency,
    basis: FeeBasis,
  }),
  Type.Object({
    ok: Type.Literal(false),
    reason: Type.Enum(NO_FEE_REASONS),
  }),
]);

export const MembershipView = Type.Object({
  government: Type.Object({
    id: Type.Integer(),
    slug: Slug,
    kind: Type.Enum(GOVERNMENT_KINDS),
    country: Type.String(),
    population: Nullable(Type.Integer()),
    incomeGroup: Nullable(IncomeGroup),
  }),
  category: Type.Enum(MEMBERSHIP_CATEGORIES),
  status: Type.Enum(MEMBERSHIP_STATUSES),
  /** The first and last day of the status, as the rule says today (null: not known). */
  statusFrom: Nullable(IsoDate),
  statusUntil: Nullable(IsoDate),
  /** The first day of the first period. */
  since: Nullable(IsoDate),
  suspendedOn: Nullable(IsoDate),
  associationScope: Nullable(AssociationScope),
  /** Newest first. */
  periods: Type.Array(Period),
  invoices: Type.Array(Invoice),
  /** The period a renewal would add (null before the first: the renewal names its start). */
  nextPeriod: Nullable(Type.Object({ start: IsoDate, end: IsoDate })),
  /** Its fee under the schedule in force, or why the schedule cannot say. */
  fee: FeeQuote,
  /** The day the server read all this on (statuses and overdue invoices depend on it). */
  today: IsoDate,
});
export type MembershipView = Static<typeof MembershipView>;

export const RenewInput = Type.Object(
  {
    /** The category of the new period; else the last period's, else the membership's. */
    category: Type.Optional(MemberCategory),
    /** The first day: needed for the first period; later, only to return after a lapse. */
    start: Type.Optional(IsoDate),
    /** An association's reach, which picks its fee (kept on the membership). */
    associationScope: Type.Optional(AssociationScope),
    /** A fee set by the secretariat instead of the schedule's. */
    amount: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000_000 })),
  },
  { additionalProperties: false },
);
export type RenewInput = Static<typeof RenewInput>;

export const SuspendInput = Type.Object(
  { since: Type.Optional(IsoDate) },
  { additionalProperties: false },
);
export type SuspendInput = Static<typeof SuspendInput>;

export const InvoiceListStatus = Type.Enum(
  ['open', 'paid', 'overdue', 'due', 'cancelled'] as const,
  {
    description:
      'open (not paid), due (not paid, not past its due day), overdue (not paid, past its due ' +
      'day), paid, cancelled (by an administrator, with a reason)',
  },
);

export const InvoiceQuery = Type.Object({
  status: Type.Optional(InvoiceListStatus),
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
  ...PageQuery,
});
export type InvoiceQuery = Static<typeof InvoiceQuery>;

export const InvoicePage = Type.Object({
  ...Page(Invoice).properties,
  /** The years invoices were issued in, newest first. */
  years: Type.Array(Type.Integer()),
  today: IsoDate,
});

export const PaymentInput = Type.Object({ paidOn: IsoDate }, { additionalProperties: false });
export type PaymentInput = Static<typeof PaymentInput>;

export const CancellationInput = Type.Object(
  {
    reason: Type.String({
      maxLength: 2000,
      description: 'Why the invoice is cancelled (required)',
    }),
  },
  { additionalProperties: false },
);
export type CancellationInput = Static<typeof CancellationInput>;

/** Shapes only: the rules (bands without gaps, fees that never fall) are validateSchedule's. */
const Amount = Type.Number({ description: 'A whole amount of the currency' });
const FeeRow = Type.Array(Amount, { maxItems: 50 });
export const FeeScheduleBody = Type.Object(
  {
    currency: Type.String({ maxLength: 10 }),
    bands: Type.Array(
      Type.Object(
        { from: Type.Number(), to: Nullable(Type.Number()) },
        { additionalProperties: false },
      ),
      { maxItems: 50 },
    ),
    fees: Type.Object(
      { low: FeeRow, 'lower-middle': FeeRow, 'upper-middle': FeeRow, high: FeeRow },
      { additionalProperties: false },
    ),
    associations: Type.Object(
      { national: Amount, subnational: Amount },
      { additionalProperties: false },
    ),
    illustrative: Type.Array(Type.String({ maxLength: 100 }), { maxItems: 1000 }),
  },
  { additionalProperties: false },
);
export type FeeScheduleBody = Static<typeof FeeScheduleBody>;

export const FeeScheduleVersion = Type.Object({
  version: Type.Integer(),
  schedule: FeeScheduleBody,
  createdAt: Type.String(),
  createdBy: Type.String(),
  /** Which World Bank classification places countries in income groups. */
  incomeClassification: Type.String(),
});
export type FeeScheduleVersion = Static<typeof FeeScheduleVersion>;

export const ExportQuery = Type.Object({ lang: Type.Optional(LangQuery) });
export const InvoiceExportQuery = Type.Object({
  lang: Type.Optional(LangQuery),
  status: Type.Optional(InvoiceListStatus),
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
});

export const InvoiceIdParam = Type.Object({ id: Id });

export const FeePreviewQuery = Type.Object({
  country: Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' }),
  kind: Type.Enum(GOVERNMENT_KINDS),
  population: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000_000 })),
  associationScope: Type.Optional(AssociationScope),
  /** The category sought; fees do not depend on it (accepted so a form can send what it has). */
  category: Type.Optional(Type.Enum(MEMBERSHIP_CATEGORIES)),
});
export type FeePreviewQuery = Static<typeof FeePreviewQuery>;

export const FeePreviewAnswer = Type.Object({
  /** The yearly fee, or null when the schedule does not give a decided one. */
  amount: Nullable(Type.Integer()),
  currency: Currency,
  /**
   * Why there is no amount: the schedule's value for this member is still an illustrative
   * placeholder, or the schedule cannot say (no income group, population unknown, …).
   */
  reason: Nullable(Type.Enum(['illustrative', ...NO_FEE_REASONS] as const)),
});
export type FeePreviewAnswer = Static<typeof FeePreviewAnswer>;
