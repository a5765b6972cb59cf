import { requireAdmin } from '../auth/plugin';
import type { AppContext, AppInstance } from '../http/app-types';
import { Problem } from '../http/common-schemas';
import { AuditPage, AuditQuery } from './schemas';
import { auditPage } from './service';

export function auditRoutes(app: AppInstance, { db }: AppContext): void {
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
      requireAdmin(request);
      const { page = 1, pageSize = 20, ...filter } = request.query;
      return auditPage(db, filter, page, pageSize);
    },
  );
}
