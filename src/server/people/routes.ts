import { Type } from 'typebox';
import { requireActor } from '../auth/plugin';
import type { AppContext, AppInstance } from '../http/app-types';
import { IdParam, Problem } from '../http/common-schemas';
import { expectedVersions, IfMatchHeaders, withEtag } from '../http/preconditions';
import {
  Person,
  PersonCreate,
  PersonPage,
  PersonPatch,
  PersonQuery,
  Position,
  PositionCreate,
  PositionPatch,
} from './schemas';
import * as service from './service';

const problems = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 422: Problem };

export function peopleRoutes(app: AppInstance, { store }: AppContext): void {
  app.get(
    '/people',
    {
      schema: {
        tags: ['people'],
        summary: 'People and the positions they hold',
        querystring: PersonQuery,
        response: { 200: PersonPage, 400: Problem },
      },
    },
    (request) =>
      service.listPeoplePage(
        store,
        request.actor,
        { q: request.query.q, government: request.query.government },
        request.query.page ?? 1,
        request.query.pageSize ?? 20,
      ),
  );
  app.get(
    '/people/:id',
    { schema: { tags: ['people'], params: IdParam, response: { 200: Person, 404: Problem } } },
    async (request, reply) =>
      withEtag(reply, await service.getPerson(store, request.actor, request.params.id)),
  );
  app.post(
    '/people',
    { schema: { tags: ['people'], body: PersonCreate, response: { 201: Person, ...problems } } },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.createPerson(store, requireActor(request), request.body)),
  );
  app.patch(
    '/people/:id',
    {
      schema: {
        tags: ['people'],
        params: IdParam,
        headers: IfMatchHeaders,
        body: PersonPatch,
        response: { 200: Person, ...problems, 412: Problem },
      },
    },
    async (request, reply) =>
      withEtag(
        reply,
        await service.updatePerson(
          store,
          requireActor(request),
          request.params.id,
          request.body,
          expectedVersions(request.headers['if-match']),
        ),
      ),
  );
  app.delete(
    '/people/:id',
    {
      schema: {
        tags: ['people'],
        params: IdParam,
        response: { 204: Type.Null(), ...problems },
      },
    },
    async (request, reply) => {
      await service.deletePerson(store, requireActor(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/positions',
    {
      schema: {
        tags: ['people'],
        summary: 'Record that a person holds a position in a government or an office',
        body: PositionCreate,
        response: { 201: Position, ...problems },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.createPosition(store, requireActor(request), request.body)),
  );
  app.patch(
    '/positions/:id',
    {
      schema: {
        tags: ['people'],
        params: IdParam,
        headers: IfMatchHeaders,
        body: PositionPatch,
        response: { 200: Position, ...problems, 412: Problem },
      },
    },
    async (request, reply) =>
      withEtag(
        reply,
        await service.updatePosition(
          store,
          requireActor(request),
          request.params.id,
          request.body,
          expectedVersions(request.headers['if-match']),
        ),
      ),
  );
  app.delete(
    '/positions/:id',
    {
      schema: {
        tags: ['people'],
        params: IdParam,
        response: { 204: Type.Null(), ...problems },
      },
    },
    async (request, reply) => {
      await service.deletePosition(store, requireActor(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
