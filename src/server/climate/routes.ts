import { Type } from 'typebox';
import { requireActor } from '../auth/plugin';
import type { AppContext, AppInstance } from '../http/app-types';
import { IdParam, Problem, SlugParam, Id } from '../http/common-schemas';
import { nowIso } from '../clock';
import { AnswerCache, sendCached } from '../http/answer-cache';
import { expectedVersions, IfMatchHeaders, withEtag } from '../http/preconditions';
import { attributionAudience } from '../users/attribution';
import { Action, ActionCreate, ActionPatch } from './action-schemas';
import { EmissionReport, EmissionReportCreate, EmissionsSeries } from './emission-schemas';
import { History, HistoryEntityType } from './history-schemas';
import { Inventory, InventoryCreate, InventoryPatch, InventorySummary } from './inventory-schemas';
import { currentYear } from './series';
import {
  acceptsGzip,
  gzipEtag,
  matchesIfNoneMatch,
  SummaryCache,
  summaryEtag,
} from './summary-cache';
import { NetworkAssessment } from './summary-assessment';
import { ClimateSummary, ClimateSummaryQuery } from './summary-schemas';
import { Assessment, Target, TargetCreate, TargetList, TargetPatch } from './target-schemas';
import * as service from './service';

const problems = {
  400: Problem,
  401: Problem,
  403: Problem,
  404: Problem,
  409: Problem,
  422: Problem,
};
/** A change of a record: its answers, with 412 for an If-Match that is no longer current. */
const changeProblems = { ...problems, 412: Problem };
const AsOf = Type.Object({
  asOf: Type.Optional(
    Type.Integer({
      minimum: 1990,
      maximum: 2100,
      description: 'Assess as of this year (default: this year)',
    }),
  ),
});
const tags = ['climate'];

export function climateRoutes(app: AppInstance, { store, dataVersions }: AppContext): void {
  // Per server: each answer is kept beside the data version it was computed at.
  const summaries = new SummaryCache();
  // A government's targets and emissions, each beside the data version it shows.
  const pages = new AnswerCache();
  const today = () => nowIso().slice(0, 10);
  // Per server: every government's part of the summary, assessed again only when written.
  const assessment = new NetworkAssessment();
  // Targets
  app.get(
    '/governments/:slug/targets',
    {
      schema: {
        tags,
        summary: "A government's targets, each with its computed assessment",
        params: SlugParam,
        querystring: AsOf,
        response: { 200: TargetList, 304: Type.Null(), 404: Problem },
      },
    },
    async (request, reply) => {
      const asOfYear = request.query.asOf ?? new Date().getUTCFullYear();
      return sendCached(request, reply, {
        cache: pages,
        key: `targets|${request.params.slug}|${asOfYear}|${today()}`,
        version: await dataVersions.current('government-climate'),
        compute: async () => ({
          items: await service.targetsOf(store, request.params.slug, asOfYear),
          asOfYear,
        }),
      });
    },
  );
  app.post(
    '/governments/:slug/targets',
    {
      schema: {
        tags,
        summary: 'Add a target',
        params: SlugParam,
        body: TargetCreate,
        response: { 201: Target, ...problems },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await service.createTarget(
            store,
            requireActor(request),
            request.params.slug,
            request.body,
          ),
        ),
  );
  app.get(
    '/targets/:id',
    {
      schema: { tags, params: IdParam, querystring: AsOf, response: { 200: Target, 404: Problem } },
    },
    async (request, reply) =>
      withEtag(reply, await service.getTarget(store, request.params.id, request.query.asOf)),
  );
  app.get(
    '/targets/:id/assessment',
    {
      schema: {
        tags,
        summary: 'Computed progress of a target: status, progress, expected, actual, gap, trend',
        params: IdParam,
        querystring: AsOf,
        response: { 200: Assessment, 404: Problem },
      },
    },
    async (request) =>
      (await service.getTarget(store, request.params.id, request.query.asOf)).assessment,
  );
  app.patch(
    '/targets/:id',
    {
      schema: {
        tags,
        params: IdParam,
        headers: IfMatchHeaders,
        body: TargetPatch,
        response: { 200: Target, ...changeProblems },
      },
    },
    async (request, reply) =>
      withEtag(
        reply,
        await service.updateTarget(
          store,
          requireActor(request),
          request.params.id,
          request.body,
          'update',
          expectedVersions(request.headers['if-match']),
        ),
      ),
  );
  app.delete(
    '/targets/:id',
    { schema: { tags, params: IdParam, response: { 204: Type.Null(), ...problems } } },
    async (request, reply) => {
      await service.deleteTarget(store, requireActor(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  // Inventories
  app.get(
    '/governments/:slug/inventories',
    {
      schema: {
        tags,
        summary: "A government's GPC inventories with their totals",
        params: SlugParam,
        response: { 200: Type.Object({ items: Type.Array(InventorySummary) }), 404: Problem },
      },
    },
    async (request) => ({
      items: await service.inventoriesOf(store, request.actor, request.params.slug),
    }),
  );
  app.post(
    '/governments/:slug/inventories',
    {
      schema: {
        tags,
        params: SlugParam,
        body: InventoryCreate,
        response: { 201: Inventory, ...problems },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await service.createInventory(
            store,
            requireActor(request),
            request.params.slug,
            request.body,
          ),
        ),
  );
  app.get(
    '/inventories/:id',
    { schema: { tags, params: IdParam, response: { 200: Inventory, 404: Problem } } },
    async (request, reply) =>
      withEtag(reply, await service.getInventory(store, request.actor, request.params.id)),
  );
  app.patch(
    '/inventories/:id',
    {
      schema: {
        tags,
        summary: 'Change an inventory; entries replace all lines; totals are recomputed',
        params: IdParam,
        headers: IfMatchHeaders,
        body: InventoryPatch,
        response: { 200: Inventory, ...changeProblems },
      },
    },
    async (request, reply) =>
      withEtag(
        reply,
        await service.updateInventory(
          store,
          requireActor(request),
          request.params.id,
          request.body,
          'update',
          expectedVersions(request.headers['if-match']),
        ),
      ),
  );
  app.delete(
    '/inventories/:id',
    { schema: { tags, params: IdParam, response: { 204: Type.Null(), ...problems } } },
    async (request, reply) => {
      await service.deleteInventory(store, requireActor(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  // Emissions from every source
  app.get(
    '/governments/:slug/emissions',
    {
      schema: {
        tags,
        summary: 'Emissions by year from every source, and the figure assessments use',
        params: SlugParam,
        response: { 200: EmissionsSeries, 304: Type.Null(), 404: Problem },
      },
    },
    async (request, reply) => {
      // Who entered a figure shows as the viewer may see them: by address or by name.
      const audience = attributionAudience(request.actor);
      return sendCached(request, reply, {
        cache: pages,
        key: `emissions|${request.params.slug}|${audience}|${today()}`,
        version: await dataVersions.current('government-climate'),
        compute: () => service.emissionsOf(store, request.actor, request.params.slug),
        personal: audience === 'addresses',
      });
    },
  );
  app.post(
    '/governments/:slug/emission-reports',
    {
      schema: {
        tags,
        summary: 'Record a total reported elsewhere (CDP, national statistics)',
        params: SlugParam,
        body: EmissionReportCreate,
        response: { 201: EmissionReport, ...problems },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await service.createReport(
            store,
            requireActor(request),
            request.params.slug,
            request.body,
          ),
        ),
  );
  app.patch(
    '/emission-reports/:id',
    {
      schema: {
        tags,
        params: IdParam,
        headers: IfMatchHeaders,
        body: Type.Partial(EmissionReportCreate, { additionalProperties: false }),
        response: { 200: EmissionReport, ...changeProblems },
      },
    },
    async (request, reply) =>
      withEtag(
        reply,
        await service.updateReport(
          store,
          requireActor(request),
          request.params.id,
          request.body,
          'update',
          expectedVersions(request.headers['if-match']),
        ),
      ),
  );
  app.delete(
    '/emission-reports/:id',
    { schema: { tags, params: IdParam, response: { 204: Type.Null(), ...problems } } },
    async (request, reply) => {
      await service.deleteReport(store, requireActor(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  // Actions
  app.get(
    '/governments/:slug/actions',
    {
      schema: {
        tags,
        params: SlugParam,
        response: { 200: Type.Object({ items: Type.Array(Action) }), 404: Problem },
      },
    },
    async (request) => ({ items: await service.actionsOf(store, request.params.slug) }),
  );
  app.post(
    '/governments/:slug/actions',
    {
      schema: {
        tags,
        params: SlugParam,
        body: ActionCreate,
        response: { 201: Action, ...problems },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await service.createAction(
            store,
            requireActor(request),
            request.params.slug,
            request.body,
          ),
        ),
  );
  app.patch(
    '/actions/:id',
    {
      schema: {
        tags,
        params: IdParam,
        headers: IfMatchHeaders,
        body: ActionPatch,
        response: { 200: Action, ...changeProblems },
      },
    },
    async (request, reply) =>
      withEtag(
        reply,
        await service.updateAction(
          store,
          requireActor(request),
          request.params.id,
          request.body,
          'update',
          expectedVersions(request.headers['if-match']),
        ),
      ),
  );
  app.delete(
    '/actions/:id',
    { schema: { tags, params: IdParam, response: { 204: Type.Null(), ...problems } } },
    async (request, reply) => {
      await service.deleteAction(store, requireActor(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  // History
  const HistoryParams = Type.Object({
    entityType: HistoryEntityType,
    id: Id,
  });
  app.get(
    '/history/:entityType/:id',
    {
      schema: {
        tags,
        summary: 'Every version of a climate record, newest first',
        params: HistoryParams,
        response: { 200: History, 404: Problem },
      },
    },
    (request) =>
      service.historyOf(store, request.actor, request.params.entityType, request.params.id),
  );
  app.post(
    '/history/:entityType/:id/restore',
    {
      schema: {
        tags,
        summary: 'Restore a climate record to an earlier version (as a new version)',
        params: HistoryParams,
        body: Type.Object({ version: Id }, { additionalProperties: false }),
        response: { 200: Type.Union([Target, Inventory, EmissionReport, Action]), ...problems },
      },
    },
    (request) =>
      service.restoreVersion(
        store,
        requireActor(request),
        request.params.entityType,
        request.params.id,
        request.body.version,
      ),
  );

  // Network dashboard
  app.get(
    '/climate/summary',
    {
      schema: {
        tags,
        summary:
          "The network's combined ambition and progress for a region, or for the whole network " +
          'without one',
        querystring: ClimateSummaryQuery,
        response: { 200: ClimateSummary, 304: Type.Null(), 400: Problem },
      },
    },
    async (request, reply) => {
      const { region } = request.query;
      const asOfYear = request.query.asOf ?? currentYear();
      // One indexed row: the summary is recomputed only when the data behind it has changed.
      const version = await store.climate.climateDataVersion();
      const etag = summaryEtag(version, region, asOfYear);
      // Gzipped once per change for the clients that take it (every browser): most of the cost
      // of megabytes of JSON is in moving them.
      const gzipped = acceptsGzip(request.headers['accept-encoding']);
      // Revalidation asks the browser to check each time; the check costs one read.
      void reply
        .header('etag', gzipped ? gzipEtag(etag) : etag)
        .header('vary', 'accept-encoding')
        .header('cache-control', 'no-cache');
      if (matchesIfNoneMatch(request.headers['if-none-match'], etag)) {
        // No body at all (null would be sent as the text `null`).
        return reply.code(304).send(undefined as never);
      }
      // Kept as the route's serializer writes it, so a kept answer is sent without more work.
      const answer = await summaries.get(
        `${region ?? '*'}|${asOfYear}`,
        version,
        etag,
        async () =>
          reply.serialize(await assessment.summary(store, version, region, asOfYear)) as string,
      );
      // Bytes already in the schema's shape: Fastify sends them as they are.
      void reply.type('application/json; charset=utf-8');
      if (gzipped) {
        const body = await summaries.gzipped(answer);
        return reply.header('content-encoding', 'gzip').send(body as never);
      }
      return reply.send(answer.body as never);
    },
  );
}
