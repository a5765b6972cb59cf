import type { AppContext, AppInstance } from '../http/app-types';
import { Problem } from '../http/common-schemas';
import { negotiateLocale } from '../i18n/negotiate';
import { AuditPage, AuditQuery } from './schemas';
import { auditPage } from './service';

export function auditRoutes(app: AppInstance, { store }: AppContext): void {
  app.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary:
          'Who changed what, newest first (administrators), each record named in the reader’s ' +
          'language (lang, else Accept-Language)',
        querystring: AuditQuery,
        response: { 200: AuditPage, 401: Problem, 403: Problem },
      },
    },
    (request) => {
      const { page = 1, pageSize = 20, lang, ...filter } = request.query;
      const locale = negotiateLocale({ lang, acceptLanguage: request.headers['accept-language'] });
      return auditPage(store, request.actor, filter, page, pageSize, locale);
    },
  );
}
