import { PassThrough } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { AppContext, AppInstance } from '../../http/app-types';
import { LangQuery, Problem, Slug } from '../../http/common-schemas';
import { Year } from '../schema-parts';
import { negotiateLocale } from '../../i18n/negotiate';
import { loadInventoryExport, writeInventoryExport, yearExportFileName } from './inventory';
import { prepareSummaryExport, SUMMARY_COLUMNS, summaryFileName } from './summary';
import { NZT_COLUMNS, prepareTargetsExport } from './targets';
import { CONTENT_TYPES, type TableFormat } from './write-table';

/**
 * Public downloads: the climate dashboard's table (a region, or the whole network), targets in
 * the Net Zero Tracker's columns and GPC inventories in the shape of the GCoM Common Reporting
 * Framework, as CSV or XLSX. The dashboard's table is in the reader's language too. An inventory's headers and words are
 * in the reader's language (`lang`, else Accept-Language); the targets file is the tracker's
 * machine format and keeps the tracker's column names and words in every language.
 */

const File = Type.String({ description: 'The file (CSV with a UTF-8 byte-order mark, or XLSX)' });

function sendTable(
  reply: FastifyReply,
  format: TableFormat,
  fileName: string,
  write: (out: PassThrough) => Promise<void>,
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

export function exportRoutes(app: AppInstance, { store }: AppContext): void {
  for (const format of ['csv', 'xlsx'] as const) {
    app.get(
      `/exports/targets.${format}`,
      {
        schema: {
          tags: ['exports'],
          summary: `Targets in the Net Zero Tracker's columns (${format.toUpperCase()})`,
          description:
            `Columns: ${NZT_COLUMNS.join(', ')}. One row per government with an emissions ` +
            'target: its latest-year target and its interim target.',
          querystring: Type.Object({ region: Type.Optional(Slug) }),
          response: { 200: File, 400: Problem, 404: Problem },
        },
      },
      async (request, reply) => {
        const region = request.query.region;
        // Reads the first page before answering, so an unknown region is a 404.
        const write = await prepareTargetsExport(store, { format, region });
        const name = `accord-targets${region ? `-${region}` : ''}.${format}`;
        return sendTable(reply, format, name, write);
      },
    );

    app.get(
      `/exports/climate-summary.${format}`,
      {
        schema: {
          tags: ['exports'],
          summary: `The climate dashboard's table, for a region or the whole network (${format.toUpperCase()})`,
          description:
            'One row per government of the region, or of every region without `region`, with ' +
            'its headline target assessed as of `asOf` (else this year), as the dashboard shows ' +
            `it. Columns: ${SUMMARY_COLUMNS.join(', ')}. Headers, countries, regions, ` +
            'membership and statuses are in the language `lang` names (else the one ' +
            'Accept-Language prefers, else English); emissions are numbers in t CO2e, progress ' +
            'a number in per cent.',
          querystring: Type.Object({
            region: Type.Optional(Slug),
            asOf: Type.Optional(Year),
            lang: Type.Optional(LangQuery),
          }),
          response: { 200: File, 400: Problem, 404: Problem },
        },
      },
      async (request, reply) => {
        const { region, asOf, lang } = request.query;
        const locale = negotiateLocale({
          lang,
          acceptLanguage: request.headers['accept-language'],
        });
        // Reads the whole summary before answering, so an unknown region is a 404.
        const data = await prepareSummaryExport(store, { region, asOf, locale });
        reply.header('Content-Language', locale).header('Vary', 'Accept-Language');
        return sendTable(reply, format, summaryFileName(region, data.asOfYear, format), (out) =>
          data.write(format, out),
        );
      },
    );

    app.get(
      `/governments/:slug/inventories/:year/export.${format}`,
      {
        schema: {
          tags: ['exports'],
          summary: `A government's emissions of a year (${format.toUpperCase()})`,
          description:
            'The GPC inventory in the shape of the GCoM Common Reporting Framework where there is ' +
            'one; otherwise the totals by scope reported for the year, one row per source. ' +
            'Every row names the government, the year, the source and whether it is illustrative. ' +
            'Headers, sector names, sources and yes/no are in the language `lang` names (else ' +
            'the one Accept-Language prefers, else English); numbers, GPC codes and notation ' +
            'keys (NO, IE, NE, C, NA) are the same in every language.',
          params: Type.Object({
            slug: Slug,
            year: Type.Integer({ minimum: 1950, maximum: 2100 }),
          }),
          querystring: Type.Object({ lang: Type.Optional(LangQuery) }),
          response: { 200: File, 400: Problem, 404: Problem },
        },
      },
      async (request, reply) => {
        const { slug, year } = request.params;
        const locale = negotiateLocale({
          lang: request.query.lang,
          acceptLanguage: request.headers['accept-language'],
        });
        const data = await loadInventoryExport(store, request.actor, slug, year);
        // The words depend on Accept-Language when no lang is given: caches must know.
        reply.header('Content-Language', locale).header('Vary', 'Accept-Language');
        return sendTable(reply, format, yearExportFileName(data, format), (out) =>
          writeInventoryExport(data, format, out, locale),
        );
      },
    );
  }
}
