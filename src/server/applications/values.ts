import type { ApplicationInput } from '../../core/application-form';
import type { NewApplication } from './repository';

/** The columns of an application that hold what the form asked, from a checked form. */
export function applicationValues(
  input: ApplicationInput,
): Omit<NewApplication, 'step' | 'submitted_at' | 'updated_at' | 'government_id'> {
  return {
    official_name: input.officialName,
    official_name_lang: input.officialNameLang,
    english_name: input.englishName,
    kind: input.kind,
    country: input.country,
    province: input.province,
    population: input.population,
    population_year: input.populationYear,
    area_km2: input.areaKm2,
    budget_amount: input.budgetAmount,
    budget_currency: input.budgetCurrency,
    website: input.website,
    cdp_account: input.cdpAccount,
    head_name: input.head.name,
    head_title: input.head.title,
    head_elected_on: input.head.electedOn,
    head_term_ends_on: input.head.termEndsOn,
    political_name: input.political.name,
    political_title: input.political.title,
    political_email: input.political.email,
    political_phone: input.political.phone,
    liaison_name: input.liaison.name,
    liaison_email: input.liaison.email,
    liaison_phone: input.liaison.phone,
    category: input.category,
    language: input.language,
  };
}
