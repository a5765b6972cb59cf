import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { requireActor } from '../auth/plugin';
import type { AppContext, AppInstance } from '../http/app-types';
import { IdParam, Page, PageQuery, Problem } from '../http/common-schemas';
import { resolveDuplicateTargets } from '../climate/target-duplicates-service';
import {
  dismissGovernmentPair,
  dismissTargetPair,
  listDismissals,
  withdrawDismissal,
  type DismissalResult,
} from './dismissal-service';
import { duplicateReport } from './duplicates-service';
import {
  DismissalQuery,
  DuplicateDismissal,
  DuplicateReport,
  GovernmentDismissalInput,
  GovernmentMerge,
  GovernmentMergeInput,
  TargetDismissalInput,
  TargetResolution,
  TargetResolutionInput,
} from './merge-schemas';
import { listMerges, mergeGovernments, undoMerge } from './merge-service';

/**
 * One government, once: the report of likely duplicates (governments, and targets of one
 * government stated twice), merging one government into another and undoing a merge, keeping
 * one of two targets stated twice, and marking a pair as two records, not one (administrators:
 * the policy's government.merge).
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

  app.get(
    '/duplicate-dismissals',
    {
      schema: {
        tags: ['directory'],
        summary:
          'Pairs marked as two records, not one (governments, or targets of one government), newest first (administrators)',
        querystring: DismissalQuery,
        response: { 200: Page(DuplicateDismissal), ...problems },
      },
    },
    (request) => {
      const { kind, page = 1, pageSize = 20 } = request.query;
      return listDismissals(store, request.actor, { kind, page, pageSize });
    },
  );

  const answer = (reply: FastifyReply, result: DismissalResult) =>
    reply
      .status(result.created ? 201 : 200)
      .header('Location', `/api/v1/duplicate-dismissals/${result.dismissal.id}`)
      .send(result.dismissal);

  app.post(
    '/duplicate-dismissals/governments',
    {
      schema: {
        tags: ['directory'],
        summary:
          'Mark two governments as two, not one: the duplicates report leaves the pair out (administrators; an existing mark answers 200)',
        body: GovernmentDismissalInput,
        response: {
          200: DuplicateDismissal,
          201: DuplicateDismissal,
          ...problems,
          409: Problem,
          422: Problem,
        },
      },
    },
    async (request, reply) =>
      answer(reply, await dismissGovernmentPair(store, requireActor(request), request.body)),
  );

  app.post(
    '/duplicate-dismissals/targets',
    {
      schema: {
        tags: ['directory'],
        summary:
          'Mark two targets of one government as two, not one: the duplicates report leaves the pair out (administrators; an existing mark answers 200)',
        body: TargetDismissalInput,
        response: {
          200: DuplicateDismissal,
          201: DuplicateDismissal,
          ...problems,
          409: Problem,
          422: Problem,
        },
      },
    },
    async (request, reply) =>
      answer(reply, await dismissTargetPair(store, requireActor(request), request.body)),
  );

  app.delete(
    '/duplicate-dismissals/:id',
    {
      schema: {
        tags: ['directory'],
        summary:
          'Withdraw a mark: the pair is listed in the duplicates report again while it looks alike (administrators)',
        params: IdParam,
        response: { 204: Type.Null(), ...problems },
      },
    },
    async (request, reply) => {
      await withdrawDismissal(store, requireActor(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/target-duplicates/resolutions',
    {
      schema: {
        tags: ['climate'],
        summary:
          'Keep one of two targets of a government that state the same thing: the other is deleted, its interim targets and actions pointed at the one kept (administrators)',
        body: TargetResolutionInput,
        response: { 200: TargetResolution, ...problems, 409: Problem, 422: Problem },
      },
    },
    (request) => resolveDuplicateTargets(store, requireActor(request), request.body),
  );
}
