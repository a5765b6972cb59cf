import type { AppContext, AppInstance } from '../http/app-types';
import { Problem } from '../http/common-schemas';
import { AuditPage, AuditQuery } from './schemas';
import { auditPage } from './service';

export function auditRoutes(app: AppInstance, { store }: AppContext): void {
  app.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Who changed what, newest first (administrators)',
        querystring: AuditQuery,
        response: { 200: AuditPage, 401: Problem, 403: Problem },
      },
    },
    (request) => {
      const { page = 1, pageSize = 20, ...filter } = request.query;
      return auditPage(store, request.actor, filter, page, pageSize);
    },
  );
}
