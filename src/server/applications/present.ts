/** Application rows as the API shows them, to the applicant and to the secretariat. */
import { storedAttribution } from '../../core/attribution';
import { commentShownToApplicant } from '../../core/application-intake';
import { actionsAt, resolutionStanding, type ResolutionStanding } from '../../core/applications';
import type { ApplicationDocumentRow, ApplicationRow, ApplicationStepRow } from './repository';
import type { ApplicationStatus, ApplicationSummary } from './schemas';

export function standingOf(
  row: ApplicationRow,
  resolutionOn: string | undefined,
  today: string,
): ResolutionStanding {
  return resolutionStanding(row.submitted_at.slice(0, 10), resolutionOn ?? null, today);
}

export function presentDocument(d: ApplicationDocumentRow) {
  return {
    id: d.id,
    kind: d.kind,
    filename: d.filename,
    mime: d.mime,
    bytes: d.bytes,
    by: d.party,
    uploadedAt: d.uploaded_at,
  };
}

export function presentSummary(
  row: ApplicationRow,
  resolution: ResolutionStanding,
): ApplicationSummary {
  return {
    id: row.id,
    officialName: row.official_name,
    officialNameLang: row.official_name_lang,
    englishName: row.english_name,
    country: row.country,
    kind: row.kind,
    category: row.category,
    step: row.step,
    submittedAt: row.submitted_at,
    updatedAt: row.updated_at,
    resolution,
  };
}

/**
 * The status page of the link's holder: each step with its day, who took it (the applicant or
 * "the secretariat", never a staff member's name) and the comments meant for the applicant.
 */
export function presentStatus(
  row: ApplicationRow,
  steps: ApplicationStepRow[],
  documents: ApplicationDocumentRow[],
  resolution: ResolutionStanding,
): ApplicationStatus {
  return {
    officialName: row.official_name,
    officialNameLang: row.official_name_lang,
    englishName: row.english_name,
    country: row.country,
    category: row.category,
    language: row.language,
    step: row.step,
    submittedAt: row.submitted_at,
    resolution,
    history: steps.map((s) => ({
      action: s.action,
      step: s.to_step,
      by: s.party,
      at: s.at,
      comment: commentShownToApplicant(s.action, s.party) ? s.comment : null,
    })),
    documents: documents.map(presentDocument),
    actions: actionsAt(row.step, 'applicant'),
  };
}

/** The secretariat's history: every comment, and who took each step. */
export function presentHistory(steps: ApplicationStepRow[]) {
  return steps.map((s) => ({
    action: s.action,
    step: s.to_step,
    by: s.party,
    at: s.at,
    comment: s.comment,
    actor: storedAttribution(s.actor_label),
  }));
}

/** The application's own fields, as the secretariat reads them. */
export function presentFields(row: ApplicationRow) {
  return {
    province: row.province,
    population: row.population,
    populationYear: row.population_year,
    areaKm2: row.area_km2,
    budgetAmount: row.budget_amount,
    budgetCurrency: row.budget_currency,
    website: row.website,
    cdpAccount: row.cdp_account,
    head: {
      name: row.head_name,
      title: row.head_title,
      electedOn: row.head_elected_on,
      termEndsOn: row.head_term_ends_on,
    },
    political: {
      name: row.political_name,
      title: row.political_title,
      email: row.political_email,
      phone: row.political_phone,
    },
    liaison: { name: row.liaison_name, email: row.liaison_email, phone: row.liaison_phone },
    language: row.language,
    version: row.version,
  };
}
