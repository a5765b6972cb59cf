import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AccordConfig } from './config';
import { isClientRoute } from '../core/client-routes';
import { registerAuth } from './auth/plugin';
import { frameworkErrorHandler, registerProblemHandlers } from './http/problem';
import { checkNoNul, checkQueryEncoding } from './http/hostile-input';
import { RouteMethods } from './http/allowed-methods';
import { clientErrorHandler } from './http/client-errors';
import { registerSecurityHeaders, securityHeaders } from './http/security-headers';
import { registerCompression, webCacheControl } from './http/web-delivery';
import { validatorCompiler } from './http/validation';
import type { AppContext, AppInstance } from './http/app-types';
import type { StoreDb } from './store';
import { healthRoutes } from './health/routes';
import { memberRoutes } from './members/routes';
import { mergeRoutes } from './members/merge-routes';
import { officeRoutes } from './offices/routes';
import { peopleRoutes } from './people/routes';
import { authRoutes, userRoutes } from './users/routes';
import { sessionResolver } from './users/session-service';
import { auditRoutes } from './audit/routes';
import { importRoutes } from './climate/imports/routes';
import { importMatchRoutes } from './climate/imports/match-routes';
import { exportRoutes } from './climate/exports/routes';
import { climateRoutes } from './climate/routes';
import { governanceRoutes } from './governance/routes';
import { electionRoutes } from './elections/routes';
import { newsRoutes } from './news/routes';
import { fileRoutes } from './files/routes';
import { applicationRoutes } from './applications/routes';
import { applicationReviewRoutes } from './applications/review-routes';
import { applicationInvoiceFollowUps } from './applications/review-service';
import { mailRoutes } from './mail/routes';
import { membershipRoutes } from './membership/routes';
import { membershipDailyJob } from './membership/daily-job';
import { DailyScheduler } from './jobs/scheduler';
import { DataVersionReader } from './http/data-version-reader';

export interface BuildOptions {
  config: AccordConfig;
  db: StoreDb;
  logger?: FastifyServerOptions['logger'];
}

/** Every area's routes, mounted under /api/v1. A new area adds one line here. */
const areas: ((app: AppInstance, ctx: AppContext) => void)[] = [
  healthRoutes,
  authRoutes,
  userRoutes,
  memberRoutes,
  mergeRoutes,
  officeRoutes,
  peopleRoutes,
  auditRoutes,
  climateRoutes,
  importRoutes,
  importMatchRoutes,
  exportRoutes,
  governanceRoutes,
  electionRoutes,
  newsRoutes,
  fileRoutes,
  applicationRoutes,
  applicationReviewRoutes,
  mailRoutes,
  membershipRoutes,
];

/** Builds the Fastify app from a configuration and an open database; tests use it with inject. */
export async function buildApp({ config, db, logger = false }: BuildOptions): Promise<AppInstance> {
  const app = Fastify({
    logger,
    // Off unless configured: forwarded headers from anyone else would name any host or address.
    trustProxy: config.trustProxy,
    // Answered outside every hook (before routing), so these carry the headers themselves.
    frameworkErrors: (error, request, reply) => {
      reply.headers(securityHeaders(request.url.split('?')[0] ?? '/', config));
      frameworkErrorHandler(error, request, reply);
    },
    clientErrorHandler,
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  registerSecurityHeaders(app, config);
  // Before any route: every route is recorded, so a wrong method on a known path is a 405.
  const routes = new RouteMethods();
  app.addHook('onRoute', (route) => routes.add(route.method, route.url));

  // Error handlers first: routes registered later inherit them.
  const webRoot =
    config.webRoot && fs.existsSync(path.join(config.webRoot, 'index.html'))
      ? config.webRoot
      : undefined;
  // Before the static files: answers are compressed as they leave, unless they already are
  // (the web app's files, sent from their precompressed copies).
  registerCompression(app);
  if (webRoot) {
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      index: ['index.html'],
      // The .br and .gz copies written by the build (scripts/precompress.ts).
      preCompressed: true,
      cacheControl: false,
      setHeaders: (res, file) => res.setHeader('Cache-Control', webCacheControl(webRoot, file)),
    });
    // The app's page at every address outside /api; 404 where it is none of the app's pages
    // (the page then shows "not found"), so a mistyped link is not a success to a crawler.
    registerProblemHandlers(
      app,
      (request, reply) =>
        isClientRoute(request.url.split('?')[0] ?? '/')
          ? reply.sendFile('index.html')
          : reply.code(404).type('text/html; charset=utf-8').sendFile('index.html'),
      routes,
    );
  } else {
    registerProblemHandlers(app, undefined, routes);
  }

  await app.register(cookie);
  // Uploads (meeting documents, photos); each route sets its own size limit when reading.
  await app.register(multipart, { limits: { fileSize: 25 * 1024 * 1024, files: 1, fields: 20 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Accord API',
        version: config.version,
        description:
          'The workspace of a network of local governments. Errors are RFC 9457 problem+json. ' +
          'Browsers authenticate with the session cookie and send X-CSRF-Token on changes; ' +
          'scripts send an API token as Authorization: Bearer.',
      },
      servers: [{ url: '/' }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'accord_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  // Text the schemas cannot check: bad percent-encoding in the query, NUL bytes anywhere.
  // Callback hooks, not async ones: a promise per hook per request is measurable (issue 13).
  app.addHook('onRequest', (request, _reply, done) => {
    checkQueryEncoding(request);
    done();
  });
  app.addHook('preValidation', (request, _reply, done) => {
    checkNoNul(request);
    done();
  });
  registerAuth(app, sessionResolver(db));

  const ctx: AppContext = {
    store: db,
    config,
    invoiceFollowUps: applicationInvoiceFollowUps(config),
    dataVersions: new DataVersionReader(() => db.members.allDataVersions()),
  };
  await app.register(
    async (api) => {
      const typed = api.withTypeProvider<TypeBoxTypeProvider>();
      for (const area of areas) area(typed, ctx);
      typed.get('/openapi.json', { schema: { hide: true } }, () => app.swagger());
    },
    { prefix: '/api/v1' },
  );

  if (config.dailyJobs) {
    // The daily jobs start once the app is ready and stop before the database closes.
    const scheduler = new DailyScheduler(db, [membershipDailyJob(config)], {
      onRun: (job, day, outcome) => {
        if (outcome.ran) app.log.info({ job, day, summary: outcome.summary }, 'daily job ran');
      },
      onError: (job, err) =>
        app.log.warn({ err, job }, 'the daily job failed; it runs again later'),
    });
    app.addHook('onReady', async () => scheduler.start());
    app.addHook('onClose', () => scheduler.close());
  }

  return app;
}
