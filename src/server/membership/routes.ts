import { PassThrough, type Writable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { requireActor } from '../auth/plugin';
import { CONTENT_TYPES, type TableFormat } from '../climate/exports/write-table';
import type { AppContext, AppInstance } from '../http/app-types';
import { Problem, SlugParam } from '../http/common-schemas';
import { expectedVersions, IfMatchHeaders, withEtag } from '../http/preconditions';
import { negotiateLocale } from '../i18n/negotiate';
import { prepareInvoicesExport, prepareMembersExport } from './exports';
import { getFeeSchedule, previewFee, putFeeSchedule } from './fee-service';
import { cancelInvoice, listInvoicesPage, markInvoicePaid } from './invoice-service';
import {
  CancellationInput,
  ExportQuery,
  FeePreviewAnswer,
  FeePreviewQuery,
  FeeScheduleBody,
  FeeScheduleVersion,
  Invoice,
  InvoiceExportQuery,
  InvoiceIdParam,
  InvoicePage,
  InvoiceQuery,
  MembershipView,
  PaymentInput,
  RenewInput,
  SuspendInput,
} from './schemas';
import * as service from './service';

const problems = {
  400: Problem,
  401: Problem,
  403: Problem,
  404: Problem,
  409: Problem,
  422: Problem,
};

const File = Type.String({ description: 'The file (CSV with a UTF-8 byte-order mark, or XLSX)' });

function sendTable(
  reply: FastifyReply,
  format: TableFormat,
  fileName: string,
  write: (out: Writable) => Promise<void>,
) {
  const out = new PassThrough();
  write(out).catch((err: unknown) =>
    out.destroy(err instanceof Error ? err : new Error(String(err))),
  );
  return reply
    .header('Content-Type', CONTENT_TYPES[format])
    .header('Content-Disposition', `attachment; filename="${fileName}"`)
    .header('Cache-Control', 'no-store')
    .send(out);
}

/** Memberships, invoices, the fee schedule and their exports: the secretariat's. */
export function membershipRoutes(app: AppInstance, { store, invoiceFollowUps }: AppContext): void {
  app.get(
    '/governments/:slug/membership',
    {
      schema: {
        tags: ['membership'],
        summary: "A government's membership: periods, status by rule, invoices (administrators)",
        params: SlugParam,
        response: { 200: MembershipView, ...problems },
      },
    },
    (request) => service.getMembership(store, request.actor, request.params.slug),
  );

  app.post(
    '/governments/:slug/membership/periods',
    {
      schema: {
        tags: ['membership'],
        summary: 'Renew: add the next period and its invoice (administrators)',
        description:
          'Adds the year after the last period (or the first, from `start`) with its invoice at ' +
          "the schedule's fee (or `amount`), or links the renewal invoice already issued for it. " +
          'A period is never changed: a renewal always adds one.',
        params: SlugParam,
        body: RenewInput,
        response: { 201: MembershipView, ...problems },
      },
    },
    async (request, reply) => {
      const view = await service.renewMembership(
        store,
        requireActor(request),
        request.params.slug,
        request.body,
      );
      return reply.status(201).send(view);
    },
  );

  app.put(
    '/governments/:slug/membership/suspension',
    {
      schema: {
        tags: ['membership'],
        summary: 'Suspend a membership from a day, today unless given (administrators)',
        params: SlugParam,
        body: SuspendInput,
        response: { 200: MembershipView, ...problems },
      },
    },
    (request) =>
      service.suspendMembership(store, requireActor(request), request.params.slug, request.body),
  );

  app.delete(
    '/governments/:slug/membership/suspension',
    {
      schema: {
        tags: ['membership'],
        summary: 'Lift a suspension: the status follows the periods again (administrators)',
        params: SlugParam,
        response: { 200: MembershipView, ...problems },
      },
    },
    (request) => service.liftSuspension(store, requireActor(request), request.params.slug),
  );

  app.get(
    '/invoices',
    {
      schema: {
        tags: ['membership'],
        summary: 'Invoices, newest first, by state and year of issue (administrators)',
        querystring: InvoiceQuery,
        response: { 200: InvoicePage, ...problems },
      },
    },
    (request) => listInvoicesPage(store, request.actor, request.query),
  );

  app.put(
    '/invoices/:id/payment',
    {
      schema: {
        tags: ['membership'],
        summary: 'Mark an invoice paid on a day (administrators; no payment gateway)',
        description:
          "A renewal invoice's year becomes a period of the membership, unless it is one already. " +
          "An application's invoice moves its application to 'paid' too. A cancelled invoice " +
          'is never paid (409).',
        params: InvoiceIdParam,
        headers: IfMatchHeaders,
        body: PaymentInput,
        response: { 200: Invoice, ...problems, 412: Problem },
      },
    },
    async (request, reply) =>
      withEtag(
        reply,
        await markInvoicePaid(
          store,
          requireActor(request),
          request.params.id,
          request.body,
          expectedVersions(request.headers['if-match']),
          invoiceFollowUps,
        ),
      ),
  );

  app.put(
    '/invoices/:id/cancellation',
    {
      schema: {
        tags: ['membership'],
        summary: 'Cancel an open invoice, saying why (administrators)',
        description:
          'The invoice keeps its number (never reused) and is kept, with who cancelled it, ' +
          'when and why; its year may then be invoiced again. The reason is required (422 at ' +
          '/reason); a paid or cancelled invoice answers 409.',
        params: InvoiceIdParam,
        headers: IfMatchHeaders,
        body: CancellationInput,
        response: { 200: Invoice, ...problems, 412: Problem },
      },
    },
    async (request, reply) =>
      withEtag(
        reply,
        await cancelInvoice(
          store,
          requireActor(request),
          request.params.id,
          request.body,
          expectedVersions(request.headers['if-match']),
        ),
      ),
  );

  app.get(
    '/fee-schedule',
    {
      schema: {
        tags: ['membership'],
        summary: 'The fee schedule in force (administrators)',
        response: { 200: FeeScheduleVersion, ...problems },
      },
    },
    async (request, reply) => withEtag(reply, await getFeeSchedule(store, request.actor)),
  );

  app.put(
    '/fee-schedule',
    {
      schema: {
        tags: ['membership'],
        summary: 'Change the fee schedule: a new version (administrators)',
        description:
          'Population bands without gaps from 0, the last open-ended; one whole fee per band and ' +
          'income group, never less for a larger band; the flat fees of associations. Every ' +
          'problem answers at its field (422).',
        headers: IfMatchHeaders,
        body: FeeScheduleBody,
        response: { 200: FeeScheduleVersion, ...problems, 412: Problem },
      },
    },
    async (request, reply) =>
      withEtag(
        reply,
        await putFeeSchedule(
          store,
          requireActor(request),
          request.body,
          expectedVersions(request.headers['if-match']),
        ),
      ),
  );

  app.get(
    '/membership/fee-preview',
    {
      schema: {
        tags: ['membership'],
        summary: 'The yearly fee a government or association can expect (public)',
        description:
          "From the fee schedule in force: the band of the population in the country's income " +
          'group, or the flat fee of an association. Only a decided fee has an amount: where ' +
          'the schedule still holds an illustrative placeholder for it, `amount` is null and ' +
          "`reason` is 'illustrative'.",
        querystring: FeePreviewQuery,
        response: { 200: FeePreviewAnswer, 400: Problem },
      },
    },
    (request) => previewFee(store, request.query),
  );

  for (const format of ['csv', 'xlsx'] as const) {
    const upper = format.toUpperCase();
    app.get(
      `/exports/members.${format}`,
      {
        schema: {
          tags: ['exports'],
          summary: `Members with their status, fee and open invoices (${upper}; administrators)`,
          description: 'Headers and words in the language `lang` names, else Accept-Language.',
          querystring: ExportQuery,
          response: { 200: File, ...problems },
        },
      },
      async (request, reply) => {
        const locale = negotiateLocale({
          lang: request.query.lang,
          acceptLanguage: request.headers['accept-language'],
        });
        const write = await prepareMembersExport(store, request.actor, format, locale);
        reply.header('Content-Language', locale).header('Vary', 'Accept-Language');
        return sendTable(reply, format, `accord-members.${format}`, write);
      },
    );

    app.get(
      `/exports/invoices.${format}`,
      {
        schema: {
          tags: ['exports'],
          summary: `Invoices by state and year of issue (${upper}; administrators)`,
          description: 'Headers and words in the language `lang` names, else Accept-Language.',
          querystring: InvoiceExportQuery,
          response: { 200: File, ...problems },
        },
      },
      async (request, reply) => {
        const { lang, status, year } = request.query;
        const locale = negotiateLocale({
          lang,
          acceptLanguage: request.headers['accept-language'],
        });
        const write = prepareInvoicesExport(store, request.actor, format, locale, { status, year });
        reply.header('Content-Language', locale).header('Vary', 'Accept-Language');
        const name = `accord-invoices${year ? `-${year}` : ''}${status ? `-${status}` : ''}`;
        return sendTable(reply, format, `${name}.${format}`, write);
      },
    );
  }
}
