/** Membership categories: full members vote; the others do not; non-members are prospects. */
export const MEMBERSHIP_CATEGORIES = [
  'full-member',
  'associate-member',
  'associate-partner',
  'non-member',
] as const;
export type MembershipCategory = (typeof MEMBERSHIP_CATEGORIES)[number];

/** Statuses; periods and the rules that move between them come with the membership issue. */
export const MEMBERSHIP_STATUSES = [
  'new',
  'current',
  'grace',
  'expired',
  'suspended',
  'none',
] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];

export const GOVERNMENT_KINDS = [
  'city',
  'special-city',
  'metropolitan-city',
  'special-municipality',
  'county',
  'prefecture',
  'province',
  'association',
] as const;
export type GovernmentKind = (typeof GOVERNMENT_KINDS)[number];

export const POSITION_TITLES = [
  'mayor',
  'acting-mayor',
  'vice-mayor',
  'deputy-mayor',
  'director-general',
  'staff-liaison',
  'secretary-general',
  'founding-director',
  'regional-director',
] as const;
export type PositionTitle = (typeof POSITION_TITLES)[number];

/** The positions of a government's head (an application names its head in one of them). */
export const HEAD_OF_GOVERNMENT_TITLES = [
  'mayor',
  'acting-mayor',
] as const satisfies readonly PositionTitle[];
export type HeadOfGovernmentTitle = (typeof HEAD_OF_GOVERNMENT_TITLES)[number];

export const OFFICE_KINDS = [
  'world-secretariat',
  'regional-secretariat',
  'country-office',
  'project-office',
  'representation-office',
] as const;
export type OfficeKind = (typeof OFFICE_KINDS)[number];

/** Why an application's invoice was cancelled with it (an administrator's own cancel says why in words). */
export const INVOICE_CANCEL_CAUSES = ['application-rejected', 'application-withdrawn'] as const;
export type InvoiceCancelCause = (typeof INVOICE_CANCEL_CAUSES)[number];
