import { Type } from 'typebox';
import { requireActor } from '../auth/plugin';
import type { AppContext, AppInstance } from '../http/app-types';
import { Problem, SlugParam } from '../http/common-schemas';
import { AnswerCache, sendCached } from '../http/answer-cache';
import { etagOf, expectedVersions, IfMatchHeaders, withEtag } from '../http/preconditions';
import {
  Government,
  GovernmentCreate,
  GovernmentPage,
  GovernmentPatch,
  GovernmentQuery,
  Region,
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

export function memberRoutes(app: AppInstance, { store, dataVersions }: AppContext): void {
  // Per server: the directory's pages and the profiles, each beside the data version it shows.
  const pages = new AnswerCache();
  app.get(
    '/regions',
    {
      schema: {
        tags: ['directory'],
        summary: 'Regions of the network with their counts',
        response: { 200: Type.Object({ items: Type.Array(Region) }) },
      },
    },
    async () => ({ items: await service.listRegions(store) }),
  );

  app.get(
    '/governments',
    {
      schema: {
        tags: ['directory'],
        summary: 'Search and page through governments (members and prospects)',
        querystring: GovernmentQuery,
        response: { 200: GovernmentPage, 304: Type.Null(), 400: Problem },
      },
    },
    async (request, reply) =>
      sendCached(request, reply, {
        cache: pages,
        key: `directory|${service.directoryPageKey(request.query)}`,
        version: await dataVersions.current('directory'),
        compute: () => service.listGovernmentsPage(store, request.query),
      }),
  );

  app.get(
    '/governments/:slug',
    {
      schema: {
        tags: ['directory'],
        summary: 'One government with its office holders and membership',
        params: SlugParam,
        response: { 200: Government, 404: Problem },
      },
    },
    async (request, reply) =>
      sendCached(request, reply, {
        cache: pages,
        // Office holders are those whose term covers today.
        key: `government|${request.params.slug}|${service.today()}`,
        version: await dataVersions.current('directory'),
        compute: () => service.getGovernment(store, request.params.slug),
        // The record's version, as every edit's If-Match names it.
        recordEtag: (government) => etagOf(government.version),
      }),
  );

  app.post(
    '/governments',
    {
      schema: {
        tags: ['directory'],
        summary: 'Add a government (administrators)',
        body: GovernmentCreate,
        response: { 201: Government, ...problems },
      },
    },
    async (request, reply) => {
      const created = await service.createGovernment(store, requireActor(request), request.body);
      return reply.status(201).send(created);
    },
  );

  app.patch(
    '/governments/:slug',
    {
      schema: {
        tags: ['directory'],
        summary: "Change a government's record (administrators, or that government's officer)",
        params: SlugParam,
        headers: IfMatchHeaders,
        body: GovernmentPatch,
        response: { 200: Government, ...problems, 412: Problem },
      },
    },
    async (request, reply) =>
      withEtag(
        reply,
        await service.updateGovernment(
          store,
          requireActor(request),
          request.params.slug,
          request.body,
          expectedVersions(request.headers['if-match']),
        ),
      ),
  );
}
