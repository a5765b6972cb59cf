/**
 * The secretariat's side of membership applications: the queue with its counts per step, an
 * application with its history, documents and the governments it may already be, and the steps
 * it may take from where the application stands. Making a member is member-service.ts.
 */
import { namesLikelySame } from '../../core/government-names';
import { actionsAt, APPLICATION_STEPS, type ApplicationStep } from '../../core/applications';
import type { AuditActor } from '../audit/service';
import { now as clockNow } from '../clock';
import type { AccordConfig } from '../config';
import { authorize } from '../http/authorize';
import { invalidField, notFound } from '../http/problem';
import type { FileStore } from '../media/storage';
import type { UploadedFile } from '../media/upload';
import type { Store } from '../store';
import { invitationState } from '../../core/application-intake';
import type { InvoiceFollowUps } from '../membership/invoice-service';
import { addDocument } from './documents';
import {
  applicationInvoice,
  firstYearFee,
  issueApplicationInvoice,
  payApplicationInvoice,
} from './invoices';
import {
  presentDocument,
  presentFields,
  presentHistory,
  presentSummary,
  standingOf,
} from './present';
import type { ApplicationRow } from './repository';
import type { ApplicationDetail, ApplicationQuery, StepRequest } from './schemas';
import { moveStep } from './workflow';

const SECRETARIAT_ONLY = 'Only the secretariat reviews membership applications.';

export function requireReviewer(actor: AuditActor | null | undefined): asserts actor is AuditActor {
  authorize(actor, 'application.manage', {}, SECRETARIAT_ONLY);
}

const today = () => clockNow().toISOString().slice(0, 10);

export async function applicationQueue(
  store: Store,
  actor: AuditActor | null,
  query: ApplicationQuery,
) {
  requireReviewer(actor);
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const { rows, total } = await store.applications.listApplications(
    { step: query.step, country: query.country, category: query.category, q: query.q?.trim() },
    page,
    pageSize,
  );
  const [resolutions, counts] = await Promise.all([
    store.applications.resolutionDays(rows.map((r) => r.id)),
    store.applications.countByStep(),
  ]);
  const day = today();
  return {
    items: rows.map((r) => presentSummary(r, standingOf(r, resolutions.get(r.id), day))),
    total,
    page,
    pageSize,
    counts: APPLICATION_STEPS.map((step) => ({ step, count: counts.get(step) ?? 0 })),
  };
}

/**
 * Governments the applicant may already be: of its country with a name like its official or
 * English name (src/core/government-names.ts: "Matsumoto City" is "Matsumoto"), or holding the
 * CDP account it gave. A prospect found here is promoted rather than added twice.
 */
export async function duplicateCandidates(store: Store, row: ApplicationRow) {
  const governments = await store.applications.possibleDuplicates(row.country, row.cdp_account);
  const names = await store.members.namesOf(governments.map((g) => g.id));
  const found: { id: number; reasons: ('name' | 'cdp-account')[] }[] = [];
  for (const g of governments) {
    const reasons: ('name' | 'cdp-account')[] = [];
    const theirs = (names.get(g.id) ?? []).map((n) => n.name);
    if (
      g.country === row.country &&
      theirs.some(
        (n) => namesLikelySame(n, row.english_name) || namesLikelySame(n, row.official_name),
      )
    ) {
      reasons.push('name');
    }
    if (row.cdp_account && g.cdp_account === row.cdp_account) reasons.push('cdp-account');
    if (reasons.length > 0) found.push({ id: g.id, reasons });
  }
  const records = await store.applications.climateRecordCounts(found.map((f) => f.id));
  const byId = new Map(governments.map((g) => [g.id, g]));
  return found.map(({ id, reasons }) => {
    const g = byId.get(id) as (typeof governments)[number];
    return {
      slug: g.slug,
      names: Object.fromEntries(
        (names.get(id) ?? [])
          .filter((n) => n.kind === 'name' && n.lang)
          .map((n) => [n.lang as string, n.name]),
      ),
      localLang: g.local_lang,
      country: g.country,
      kind: g.kind,
      category: g.category,
      reasons,
      climateRecords: records.get(id) ?? 0,
    };
  });
}

export async function applicationDetail(
  store: Store,
  actor: AuditActor | null,
  id: number,
): Promise<ApplicationDetail> {
  requireReviewer(actor);
  const row = await store.applications.findApplication(id);
  if (!row) throw notFound('application', `no application ${id}`);
  const [steps, documents, resolutions, duplicates, invitations] = await Promise.all([
    store.applications.stepsOf(id),
    store.applications.documentsOf(id),
    store.applications.resolutionDays([id]),
    duplicateCandidates(store, row),
    store.applications.invitationsOfApplication(id),
  ]);
  let government: ApplicationDetail['government'] = null;
  if (row.government_id !== null) {
    const gov = await store.members.governmentRow(row.government_id);
    if (gov) {
      const names = (await store.members.namesOf([gov.id])).get(gov.id) ?? [];
      government = {
        slug: gov.slug,
        names: Object.fromEntries(
          names.filter((n) => n.kind === 'name' && n.lang).map((n) => [n.lang as string, n.name]),
        ),
      };
    }
  }
  const now = clockNow();
  const [invoice, { fee, currency }] = await Promise.all([
    applicationInvoice(store, id),
    firstYearFee(store, row),
  ]);
  return {
    ...presentSummary(row, standingOf(row, resolutions.get(id), today())),
    ...presentFields(row),
    history: presentHistory(steps),
    documents: documents.map(presentDocument),
    duplicates,
    actions: actionsAt(row.step, 'secretariat').filter((action) => {
      // Invoiced: paid with its invoice, or invoiced again once that one was cancelled.
      if (row.step !== 'invoiced') return true;
      if (!invoice) return action !== 'invoice';
      if (action === 'invoice') return invoice.status === 'cancelled';
      if (action === 'mark-paid') return invoice.status !== 'cancelled';
      return true;
    }),
    government,
    invitations: invitations.map((i) => ({
      email: i.email,
      displayName: i.display_name,
      createdAt: i.created_at,
      expiresAt: i.expires_at,
      state: invitationState({ usedAt: i.used_at, expiresAt: i.expires_at }, now),
    })),
    invoice,
    fee: fee.ok
      ? { amount: fee.amount, currency: fee.currency, reason: null }
      : { amount: null, currency, reason: fee.reason },
  };
}

/**
 * Takes a step from where the application stands (not making a member, which has its own
 * route and its choices): refused naming the field when the workflow does not allow it.
 */
export async function takeStep(
  store: Store,
  config: Pick<AccordConfig, 'publicUrl'>,
  actor: AuditActor | null,
  id: number,
  request: StepRequest,
): Promise<ApplicationDetail> {
  requireReviewer(actor);
  if (request.action === 'make-member') {
    throw invalidField(
      '/action',
      'action-elsewhere',
      'is taken with POST /applications/{id}/member',
    );
  }
  if (request.action !== 'invoice') {
    if (request.amount !== undefined)
      throw invalidField('/amount', 'only-with-invoice-step', 'is given with the invoice step');
    if (request.associationScope !== undefined) {
      throw invalidField(
        '/associationScope',
        'only-with-invoice-step',
        'is given with the invoice step',
      );
    }
  }
  if (request.action !== 'mark-paid' && request.paidOn !== undefined) {
    throw invalidField('/paidOn', 'only-with-mark-paid-step', 'is given with the mark-paid step');
  }
  const now = clockNow().toISOString();
  const day = now.slice(0, 10);
  await store.transaction((tx) =>
    moveStep(
      tx,
      config,
      id,
      request.action,
      { party: 'secretariat', actor },
      request.comment,
      now,
      async (row) => {
        if (request.action === 'invoice') {
          return { invoice: await issueApplicationInvoice(tx, actor, row, request, day) };
        }
        if (request.action === 'mark-paid') {
          await payApplicationInvoice(tx, actor, row, request.paidOn ?? day);
        }
        return {};
      },
    ),
  );
  return applicationDetail(store, actor, id);
}

/**
 * What the invoices page's payment of an application's invoice does: the application, still
 * invoiced, takes its 'mark-paid' step (with its letter), so the invoice and the application
 * say the same. Wired into the membership area by app.ts.
 */
export function applicationInvoiceFollowUps(
  config: Pick<AccordConfig, 'publicUrl'>,
): InvoiceFollowUps {
  return {
    paid: async (tx, invoice, actor) => {
      if (invoice.application_id === null) return;
      const app = await tx.applications.findApplication(invoice.application_id);
      if (app?.step !== 'invoiced') return;
      await moveStep(
        tx,
        config,
        app.id,
        'mark-paid',
        { party: 'secretariat', actor },
        null,
        clockNow().toISOString(),
      );
    },
  };
}

/** The secretariat adds a document it received by post or e-mail. */
export async function addDocumentAsSecretariat(
  store: Store,
  bytes: FileStore,
  actor: AuditActor | null,
  id: number,
  upload: UploadedFile,
): Promise<ApplicationDetail> {
  requireReviewer(actor);
  await addDocument(
    store,
    bytes,
    id,
    upload,
    { party: 'secretariat', actor },
    clockNow().toISOString(),
  );
  return applicationDetail(store, actor, id);
}

export type { ApplicationStep };
