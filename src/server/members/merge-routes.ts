import { Type } from 'typebox';
import { requireActor } from '../auth/plugin';
import type { AppContext, AppInstance } from '../http/app-types';
import { IdParam, Page, PageQuery, Problem } from '../http/common-schemas';
import { duplicateReport } from './duplicates-service';
import { DuplicateReport, GovernmentMerge, GovernmentMergeInput } from './merge-schemas';
import { listMerges, mergeGovernments, undoMerge } from './merge-service';

/**
 * One government, once: the report of likely duplicates, merging one government into another
 * and undoing a merge (administrators: the policy's government.merge).
 */

const problems = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };

export function mergeRoutes(app: AppInstance, { store }: AppContext): void {
  app.get(
    '/government-duplicates',
    {
      schema: {
        tags: ['directory'],
        summary:
          'Pairs of governments that are likely one: a likely name with the country, or the same place (administrators)',
        response: { 200: DuplicateReport, ...problems },
      },
    },
    (request) => duplicateReport(store, request.actor),
  );

  app.get(
    '/government-merges',
    {
      schema: {
        tags: ['directory'],
        summary: 'Merges of governments, newest first (administrators)',
        querystring: Type.Object(PageQuery),
        response: { 200: Page(GovernmentMerge), ...problems },
      },
    },
    (request) => {
      const { page = 1, pageSize = 20 } = request.query;
      return listMerges(store, request.actor, { page, pageSize });
    },
  );

  app.post(
    '/government-merges',
    {
      schema: {
        tags: ['directory'],
        summary:
          'Merge one government into another: everything that points at it moves to the kept one (administrators)',
        body: GovernmentMergeInput,
        response: { 201: GovernmentMerge, ...problems, 409: Problem, 422: Problem },
      },
    },
    async (request, reply) => {
      const merge = await mergeGovernments(store, requireActor(request), request.body);
      return reply
        .status(201)
        .header('Location', `/api/v1/government-merges/${merge.id}`)
        .send(merge);
    },
  );

  app.post(
    '/government-merges/:id/undo',
    {
      schema: {
        tags: ['directory'],
        summary:
          'Undo a merge: the merged government comes back with every row that moved (administrators)',
        params: IdParam,
        response: { 200: GovernmentMerge, ...problems, 409: Problem },
      },
    },
    (request) => undoMerge(store, requireActor(request), request.params.id),
  );
}
