/**
 * Row types of the membership application tables (migration 0017), as Kysely sees them;
 * schema.ts gathers them into Database.
 */
import type { Generated } from 'kysely';
import type { SoughtCategory } from '../../core/application-form';
import type { ApplicationAction, ApplicationParty, ApplicationStep } from '../../core/applications';
import type { Locale } from '../../core/locales';
import type { GovernmentKind } from '../../core/membership';

export interface ApplicationTable {
  id: Generated<number>;
  official_name: string;
  official_name_lang: string;
  english_name: string;
  kind: GovernmentKind;
  country: string;
  province: string | null;
  population: number;
  population_year: number;
  area_km2: number | null;
  budget_amount: number | null;
  budget_currency: string | null;
  website: string | null;
  cdp_account: string | null;
  head_name: string;
  head_title: string;
  head_elected_on: string | null;
  head_term_ends_on: string | null;
  political_name: string;
  political_title: string | null;
  political_email: string | null;
  political_phone: string | null;
  liaison_name: string;
  liaison_email: string;
  liaison_phone: string;
  category: SoughtCategory;
  language: Locale;
  step: ApplicationStep;
  submitted_at: string;
  updated_at: string;
  /** The government it made a member (no foreign key: see migration 0017). */
  government_id: number | null;
  version: Generated<number>;
}

/** One move of an application; the first row of each is its submission (no action). */
export interface ApplicationStepTable {
  id: Generated<number>;
  application_id: number;
  action: ApplicationAction | null;
  from_step: ApplicationStep | null;
  to_step: ApplicationStep;
  comment: string | null;
  party: ApplicationParty;
  actor_user_id: number | null;
  actor_label: string;
  at: string;
}

export type ApplicationDocumentKind = 'resolution' | 'other';

export interface ApplicationDocumentTable {
  id: Generated<number>;
  application_id: number;
  kind: ApplicationDocumentKind;
  filename: string;
  mime: string;
  bytes: number;
  /** The bytes in the upload store (media/storage.ts), shared with identical uploads. */
  storage_key: string;
  party: ApplicationParty;
  uploaded_by: string;
  uploaded_at: string;
}

/** A private status link of an application: the SHA-256 of its secret only. */
export interface ApplicationStatusLinkTable {
  id: Generated<number>;
  application_id: number;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
}

/** A set-password link for a new member's officer: hashed, seven days, once. */
export interface OfficerInvitationTable {
  id: Generated<number>;
  application_id: number | null;
  government_id: number;
  email: string;
  display_name: string;
  language: Locale;
  token_hash: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  user_id: number | null;
}
