import { Type } from 'typebox';
import { requireActor } from '../auth/plugin';
import { fileStoreOf } from '../files/service';
import type { AppContext, AppInstance } from '../http/app-types';
import { IdParam, Problem, SlugParam } from '../http/common-schemas';
import { expectedVersions, IfMatchHeaders, withEtag } from '../http/preconditions';
import { NewsCreate, NewsPage, NewsPatch, NewsPost, NewsQuery } from './schemas';
import * as service from './service';

const tags = ['news'];
const problems = {
  400: Problem,
  401: Problem,
  403: Problem,
  404: Problem,
  409: Problem,
  422: Problem,
};
const LangQuery = Type.Object({
  lang: Type.Optional(
    Type.String({
      pattern: '^[a-z]{2,3}(-[A-Za-z]{4})?(-[A-Z]{2})?$',
      description: 'Language to show (falls back to English, then the first written)',
    }),
  ),
});

export function newsRoutes(app: AppInstance, { store, config }: AppContext): void {
  const bytes = fileStoreOf(config);

  app.get(
    '/news',
    {
      schema: {
        tags,
        summary: 'Published news, newest first (drafts too for administrators, with status)',
        querystring: NewsQuery,
        response: { 200: NewsPage, 400: Problem, 403: Problem },
      },
    },
    (request) => service.listNews(store, request.actor, request.query),
  );

  // Registered before /news/:slug reads better; Fastify prefers the static path either way.
  app.get(
    '/news/feed.xml',
    {
      schema: {
        tags,
        summary: 'Atom feed of the 50 newest published posts',
        querystring: LangQuery,
        response: {
          200: Type.String({ description: 'Atom 1.0 (application/atom+xml)' }),
          400: Problem,
        },
      },
    },
    async (request, reply) => {
      const xml = await service.newsFeed(store, {
        lang: request.query.lang,
        publicUrl: config.publicUrl,
      });
      return reply
        .header('Content-Type', 'application/atom+xml; charset=utf-8')
        .header('Cache-Control', 'public, max-age=300')
        .send(xml);
    },
  );

  app.get(
    '/news/:slug',
    {
      schema: {
        tags,
        summary: 'One news post with all its translations',
        params: SlugParam,
        querystring: LangQuery,
        response: { 200: NewsPost, 400: Problem, 404: Problem },
      },
    },
    async (request, reply) =>
      withEtag(
        reply,
        await service.getNews(store, request.actor, request.params.slug, request.query.lang),
      ),
  );

  app.post(
    '/news',
    {
      schema: {
        tags,
        summary: 'Draft a news post (administrators)',
        body: NewsCreate,
        response: { 201: NewsPost, ...problems },
      },
    },
    async (request, reply) => {
      const post = await service.createNews(store, requireActor(request), request.body);
      return reply.status(201).send(post);
    },
  );

  app.patch(
    '/news/:slug',
    {
      schema: {
        tags,
        summary: 'Edit a news post (administrators)',
        params: SlugParam,
        headers: IfMatchHeaders,
        body: NewsPatch,
        response: { 200: NewsPost, ...problems, 412: Problem },
      },
    },
    async (request, reply) =>
      withEtag(
        reply,
        await service.updateNews(
          store,
          requireActor(request),
          request.params.slug,
          request.body,
          expectedVersions(request.headers['if-match']),
        ),
      ),
  );

  app.post(
    '/news/:slug/publish',
    {
      schema: {
        tags,
        summary: 'Publish a draft (administrators)',
        params: SlugParam,
        response: { 200: NewsPost, ...problems },
      },
    },
    (request) => service.setPublished(store, requireActor(request), request.params.slug, true),
  );

  app.post(
    '/news/:slug/unpublish',
    {
      schema: {
        tags,
        summary: 'Take a post back to draft (administrators)',
        params: SlugParam,
        response: { 200: NewsPost, ...problems },
      },
    },
    (request) => service.setPublished(store, requireActor(request), request.params.slug, false),
  );

  app.delete(
    '/news/:slug',
    {
      schema: {
        tags,
        summary: 'Delete a draft (administrators; unpublish a published post first)',
        params: SlugParam,
        response: { 204: Type.Null(), ...problems },
      },
    },
    async (request, reply) => {
      await service.deleteNews(store, bytes, requireActor(request), request.params.slug);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/meetings/:id/news',
    {
      schema: {
        tags,
        summary: 'Draft a news post from a closed meeting (administrators)',
        description:
          'The draft has the meeting title in each of its languages, a sentence on the day and ' +
          'the number of member governments present, the agenda, links to the body and the ' +
          "governments present, and copies of the meeting's photos. 409 when the meeting is " +
          'not closed or already has a post.',
        params: IdParam,
        response: { 201: NewsPost, ...problems },
      },
    },
    async (request, reply) => {
      const post = await service.draftFromMeeting(store, requireActor(request), request.params.id);
      return reply.status(201).send(post);
    },
  );
}
