import { Type } from 'typebox';
import { requireActor } from '../auth/plugin';
import type { AppInstance, AppContext } from '../http/app-types';
import { Problem, Slug, SlugParam } from '../http/common-schemas';
import { expectedVersions, IfMatchHeaders, withEtag } from '../http/preconditions';
import { Office, OfficeList, OfficePatch } from './schemas';
import { getOffice, officesOf, updateOffice } from './service';

export function officeRoutes(app: AppInstance, { store }: AppContext): void {
  app.get(
    '/offices',
    {
      schema: {
        tags: ['offices'],
        summary: 'Every office of the network, by region',
        querystring: Type.Object({ region: Type.Optional(Slug) }),
        response: { 200: OfficeList },
      },
    },
    (request) => officesOf(store, request.query.region),
  );

  app.get(
    '/offices/:slug',
    {
      schema: {
        tags: ['offices'],
        summary: 'One office',
        params: SlugParam,
        response: { 200: Office, 404: Problem },
      },
    },
    async (request, reply) => withEtag(reply, await getOffice(store, request.params.slug)),
  );

  app.patch(
    '/offices/:slug',
    {
      schema: {
        tags: ['offices'],
        summary: 'Change an office: its time zone (the secretariat)',
        params: SlugParam,
        headers: IfMatchHeaders,
        body: OfficePatch,
        response: {
          200: Office,
          400: Problem,
          401: Problem,
          403: Problem,
          404: Problem,
          412: Problem,
          422: Problem,
        },
      },
    },
    async (request, reply) =>
      withEtag(
        reply,
        await updateOffice(
          store,
          requireActor(request),
          request.params.slug,
          request.body,
          expectedVersions(request.headers['if-match']),
        ),
      ),
  );
}
