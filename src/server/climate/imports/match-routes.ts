import { Type } from 'typebox';
import type { AppContext, AppInstance } from '../../http/app-types';
import { Id, IdParam, Page, PageQuery, Problem } from '../../http/common-schemas';
import { ImportMatch, ImportMatchDecision } from './match-schemas';
import { decideRunMatch, listRunMatches } from './match-service';

/**
 * The matches an import run was not sure of, and a person's decision on each of a preview's
 * (administrators: the policy's climate.import). POST /imports/{kind}?decisionsFrom={preview}
 * applies them.
 */

const problems = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };

export function importMatchRoutes(app: AppInstance, { store }: AppContext): void {
  app.get(
    '/imports/:id/matches',
    {
      schema: {
        tags: ['imports'],
        summary:
          'Matches the run was not sure of, once per government named: for a person to confirm or reject (administrators)',
        params: IdParam,
        querystring: Type.Object(PageQuery),
        response: { 200: Page(ImportMatch), ...problems },
      },
    },
    (request) => {
      const { page = 1, pageSize = 20 } = request.query;
      return listRunMatches(store, request.actor, request.params.id, { page, pageSize });
    },
  );

  app.put(
    '/imports/:id/matches/:matchId',
    {
      schema: {
        tags: ['imports'],
        summary:
          "A person's decision on a preview's match: accept (a government), create a prospect, or skip (administrators)",
        params: Type.Object({ id: Id, matchId: Id }),
        body: ImportMatchDecision,
        response: { 200: ImportMatch, ...problems, 409: Problem, 422: Problem },
      },
    },
    (request) =>
      decideRunMatch(store, request.actor, request.params.id, request.params.matchId, request.body),
  );
}
