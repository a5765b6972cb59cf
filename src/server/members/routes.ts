import { Type } from 'typebox';
import { requireActor } from '../auth/plugin';
import type { AppContext, AppInstance } from '../http/app-types';
import { Problem, SlugParam } from '../http/common-schemas';
import { expectedVersions, IfMatchHeaders, withEtag } from '../http/preconditions';
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

export function memberRoutes(app: AppInstance, { store }: AppContext): void {
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
        response: { 200: GovernmentPage, 400: Problem },
      },
    },
    (request) => service.listGovernmentsPage(store, request.query),
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
      withEtag(reply, await service.getGovernment(store, request.params.slug)),
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
