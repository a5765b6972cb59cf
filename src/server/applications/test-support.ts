/**
 * Helpers for the application tests (and the API surface tests): a complete submission, the
 * letters in the outbox, and an application taken along the workflow by the secretariat.
 */
import type { ApplicationAction } from '../../core/applications';
import type { StoreDb } from '../store';
import type { ApplicationSubmit } from './schemas';

type Headers = Record<string, string>;

interface Injector {
  inject(options: {
    method: 'GET' | 'POST';
    url: string;
    headers?: Headers;
    payload?: unknown;
    remoteAddress?: string;
  }): Promise<{ statusCode: number; body: string; json(): unknown }>;
}

let counter = 0;

/** A complete application from a Japanese city; each call names a city of its own. */
export function applicationBody(overrides: Partial<ApplicationSubmit> = {}): ApplicationSubmit {
  counter += 1;
  return {
    officialName: `試験市${counter}`,
    officialNameLang: 'ja',
    englishName: `Testbridge ${counter}`,
    kind: 'city',
    country: 'JP',
    province: 'Nagano',
    population: 237_000,
    populationYear: 2024,
    areaKm2: 978.47,
    budgetAmount: 120_000_000_000,
    budgetCurrency: 'JPY',
    website: 'https://www.testbridge.example',
    cdpAccount: null,
    head: { name: 'Yoshi Gaun', title: 'Mayor', electedOn: '2024-03-10', termEndsOn: '2028-03-09' },
    political: {
      name: 'Yoshi Gaun',
      title: 'Mayor',
      email: `mayor.${counter}@testbridge.example`,
      phone: null,
    },
    liaison: {
      name: 'Aiko Tanaka',
      email: `liaison.${counter}@testbridge.example`,
      phone: '+81 263-34-3000',
    },
    category: 'full-member',
    language: 'ja',
    consent: true,
    ...overrides,
  };
}

/** Sends an application from an address of its own (so limits of one test spare the others). */
export async function submit(
  t: { app: Injector; db: StoreDb },
  body: ApplicationSubmit = applicationBody(),
  remoteAddress = `192.0.2.${(counter % 250) + 1}`,
): Promise<{ id: number; token: string; body: ApplicationSubmit }> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/apply',
    payload: body,
    remoteAddress,
  });
  if (res.statusCode !== 201) throw new Error(`submit failed: ${res.statusCode} ${res.body}`);
  const token = (res.json() as { statusToken: string }).statusToken;
  // The id is never shown to the applicant; the test finds it by the unique English name.
  return { id: await applicationIdByName(t.db, body.englishName), token, body };
}

/** The newest application's id with this English name. */
export async function applicationIdByName(db: StoreDb, englishName: string): Promise<number> {
  const row = await db.kysely
    .selectFrom('applications')
    .select('id')
    .where('english_name', '=', englishName)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The letters queued to an address, oldest first. */
export function lettersTo(db: StoreDb, email: string) {
  return db.kysely
    .selectFrom('outbox')
    .selectAll()
    .where('to_email', '=', email)
    .orderBy('id')
    .execute();
}

/** The secret of the last link of this kind in the letters to an address. */
export async function linkIn(
  db: StoreDb,
  email: string,
  path: '/apply/status/' | '/account/invitation/',
): Promise<string> {
  const letters = await lettersTo(db, email);
  for (const letter of [...letters].reverse()) {
    const match = new RegExp(`${path}([A-Za-z0-9_-]+)`).exec(letter.body_text);
    if (match?.[1]) return match[1];
  }
  throw new Error(`no ${path} link in the letters to ${email}`);
}

/** Takes the secretariat's steps in order; each must succeed. */
export async function takeSteps(
  app: Injector,
  admin: Headers,
  id: number,
  actions: ApplicationAction[],
): Promise<void> {
  for (const action of actions) {
    const comment = ['request-information', 'reject'].includes(action) ? `Why: ${action}` : null;
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/applications/${id}/steps`,
      headers: admin,
      payload: { action, comment },
    });
    if (res.statusCode !== 200) throw new Error(`${action} failed: ${res.statusCode} ${res.body}`);
  }
}

/** The steps from a new application to one the executive committee confirmed. */
export const TO_CONFIRMED: ApplicationAction[] = [
  'start-review',
  'accept',
  'invoice',
  'mark-paid',
  'confirm',
];
