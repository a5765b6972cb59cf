/**
 * The public side of membership applications: sending one, and what the holder of its private
 * status link may do (read where it stands, answer a request for information, withdraw it,
 * send the council resolution). The public routes are open to anyone, so each is bounded per
 * client address (throttle.ts), and a refusal always says why.
 */
import { applicationValues } from './values';
import {
  checkApplication,
  FIELD_PROBLEM_TEXT,
  type ApplicationInput,
} from '../../core/application-form';
import { resolutionStanding } from '../../core/applications';
import { recordAudit } from '../audit/service';
import { sha256 } from '../auth/secrets';
import { now as clockNow } from '../clock';
import type { AccordConfig } from '../config';
import { invalidField, invalidFields, notFound } from '../http/problem';
import { applicationProblemCode } from '../../core/problems';
import type { FileStore } from '../media/storage';
import type { UploadedFile } from '../media/upload';
import type { Store } from '../store';
import { addDocument } from './documents';
import { deliver, stepLetter, tellSecretariat } from './letters';
import { presentStatus, standingOf } from './present';
import type { ApplicationRow } from './repository';
import type { ApplicationStatus, ApplicationSubmit } from './schemas';
import { countSubmission, countUnknownLink, admitLinkRequest } from './throttle';
import { APPLICANT, mintStatusLink, moveStep } from './workflow';

type Config = Pick<AccordConfig, 'publicUrl' | 'secretariatEmail'>;

const optional = (value: string | null | undefined): string | null =>
  value?.trim() ? value.trim() : null;

/** The submission as the rules read it: text trimmed, empty optional fields as null. */
export function inputOf(body: ApplicationSubmit): ApplicationInput {
  return {
    officialName: body.officialName.trim(),
    officialNameLang: body.officialNameLang.trim(),
    englishName: body.englishName.trim(),
    kind: body.kind,
    country: body.country.trim().toUpperCase(),
    province: optional(body.province),
    population: body.population,
    populationYear: body.populationYear,
    areaKm2: body.areaKm2 ?? null,
    budgetAmount: body.budgetAmount ?? null,
    budgetCurrency: optional(body.budgetCurrency)?.toUpperCase() ?? null,
    website: optional(body.website),
    cdpAccount: optional(body.cdpAccount),
    head: {
      name: body.head.name.trim(),
      title: body.head.title.trim(),
      electedOn: optional(body.head.electedOn),
      termEndsOn: optional(body.head.termEndsOn),
    },
    political: {
      name: body.political.name.trim(),
      title: optional(body.political.title),
      email: optional(body.political.email)?.toLowerCase() ?? null,
      phone: optional(body.political.phone),
    },
    liaison: {
      name: body.liaison.name.trim(),
      email: body.liaison.email.trim().toLowerCase(),
      phone: body.liaison.phone.trim(),
    },
    category: body.category,
    language: body.language,
    consent: body.consent,
  };
}

export interface Submitted {
  statusToken: string;
  statusUrl: string;
  step: 'submitted';
  resolution: ReturnType<typeof resolutionStanding>;
  /** Whether the confirmation letter was queued; the application is stored either way. */
  confirmationQueued: boolean;
}

/**
 * Stores an application sent through the public form and queues its confirmation. The form's
 * hidden field must be empty (people never see it); every rule of the form is checked and all
 * problems are named at once. The application, its first step and its status link are stored
 * in one transaction, and only then is the letter queued, apart: a letter that cannot be
 * queued never costs the application (the answer says so, and the link is shown on screen).
 */
export async function submitApplication(
  store: Store,
  config: Config,
  body: ApplicationSubmit,
  address: string,
): Promise<Submitted> {
  if (body.alternateUrl?.trim()) {
    throw invalidField(
      '/alternateUrl',
      'honeypot-filled',
      'must be left empty (it is not meant for people)',
    );
  }
  const started = clockNow();
  const now = started.toISOString();
  const today = now.slice(0, 10);
  const input = inputOf(body);
  const issues = checkApplication(input, today);
  if (issues.length > 0) {
    throw invalidFields(
      issues.map((i) => ({
        pointer: i.pointer,
        detail: FIELD_PROBLEM_TEXT[i.code],
        code: applicationProblemCode(i.code),
      })),
    );
  }
  const stored = await store.transaction(async (tx) => {
    await countSubmission(tx, address, started);
    const id = await tx.applications.insertApplication({
      ...applicationValues(input),
      step: 'submitted',
      submitted_at: now,
      updated_at: now,
      government_id: null,
    });
    await tx.applications.insertStep({
      application_id: id,
      action: null,
      from_step: null,
      to_step: 'submitted',
      comment: null,
      party: 'applicant',
      actor_user_id: null,
      actor_label: APPLICANT.label,
      at: now,
    });
    const link = await mintStatusLink(tx, config, id, now);
    await recordAudit(tx, APPLICANT, {
      action: 'create',
      entityType: 'application',
      entityId: id,
      summary: `Application of ${input.englishName} (${input.country}) for ${input.category} received`,
      after: { englishName: input.englishName, country: input.country, category: input.category },
    });
    return { id, link, row: (await tx.applications.findApplication(id)) as ApplicationRow };
  });
  const resolution = resolutionStanding(today, null, today);
  let confirmationQueued = true;
  try {
    await store.transaction((tx) =>
      deliver(
        tx,
        stepLetter(stored.row, 'submitted', {
          statusUrl: stored.link.url,
          resolutionDueBy: resolution.state === 'due' ? resolution.by : null,
        }),
      ),
    );
  } catch {
    confirmationQueued = false;
  }
  // The secretariat hears of it apart too: a letter to it that cannot go costs neither the
  // application nor the applicant's confirmation.
  try {
    await store.transaction((tx) => tellSecretariat(tx, config, stored.row, 'submitted', now));
  } catch {
    // The application is in the queue all the same.
  }
  return {
    statusToken: stored.link.token,
    statusUrl: stored.link.url,
    step: 'submitted',
    resolution,
    confirmationQueued,
  };
}

/**
 * The application a status link opens, or 404 (counted towards the address's lock-out, so
 * nobody can try links by the thousand); 429 while the address is locked out.
 */
async function applicationOfLink(store: Store, token: string, address: string): Promise<number> {
  const started = clockNow();
  await admitLinkRequest(store, address, started);
  const id = await store.applications.applicationIdByLink(sha256(token), started.toISOString());
  if (id === undefined) {
    await countUnknownLink(store, address, started);
    throw notFound(
      'status-link',
      'This status link is unknown. Open the link from your latest letter.',
    );
  }
  return id;
}

async function statusOf(store: Store, id: number): Promise<ApplicationStatus> {
  const row = await store.applications.findApplication(id);
  if (!row) throw notFound('status-link', 'This status link is unknown.');
  const [steps, documents, resolution] = await Promise.all([
    store.applications.stepsOf(id),
    store.applications.documentsOf(id),
    store.applications.resolutionDays([id]),
  ]);
  const today = clockNow().toISOString().slice(0, 10);
  return presentStatus(row, steps, documents, standingOf(row, resolution.get(id), today));
}

export async function readStatus(
  store: Store,
  token: string,
  address: string,
): Promise<ApplicationStatus> {
  return statusOf(store, await applicationOfLink(store, token, address));
}

/**
 * The applicant answers a request for more information; the review goes on, and the
 * secretariat gets a letter with the answer.
 */
export async function answerRequest(
  store: Store,
  config: Config,
  token: string,
  comment: string,
  address: string,
): Promise<ApplicationStatus> {
  const id = await applicationOfLink(store, token, address);
  await store.transaction(async (tx) => {
    const now = clockNow().toISOString();
    const moved = await moveStep(
      tx,
      config,
      id,
      'answer',
      { party: 'applicant', actor: APPLICANT },
      comment,
      now,
    );
    // The secretariat is told in the same transaction: the answer and its letters, or neither.
    await tellSecretariat(tx, config, moved.row, 'answered', now, comment.trim());
  });
  return statusOf(store, id);
}

/** The applicant withdraws the application (a letter confirms it; the secretariat is told). */
export async function withdrawApplication(
  store: Store,
  config: Config,
  token: string,
  comment: string | null | undefined,
  address: string,
): Promise<ApplicationStatus> {
  const id = await applicationOfLink(store, token, address);
  await store.transaction(async (tx) => {
    const now = clockNow().toISOString();
    const moved = await moveStep(
      tx,
      config,
      id,
      'withdraw',
      { party: 'applicant', actor: APPLICANT },
      comment,
      now,
    );
    // Those who review it hear of it, in the same transaction as the step.
    await tellSecretariat(tx, config, moved.row, 'withdrawn', now, comment?.trim() || null);
  });
  return statusOf(store, id);
}

/**
 * Finds the application before the upload is read: an unknown link is refused before a byte
 * of the file is received.
 */
export function applicationForUpload(store: Store, token: string, address: string) {
  return applicationOfLink(store, token, address);
}

/** The applicant sends the council resolution (or another paper) through the status link. */
export async function uploadByApplicant(
  store: Store,
  bytes: FileStore,
  id: number,
  upload: UploadedFile,
): Promise<ApplicationStatus> {
  await addDocument(
    store,
    bytes,
    id,
    upload,
    { party: 'applicant', actor: APPLICANT },
    clockNow().toISOString(),
  );
  return statusOf(store, id);
}
