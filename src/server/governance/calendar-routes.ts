/**
 * The governance area's calendar routes: a body's feed, one meeting's .ics, and the personal
 * feed behind a secret address with the routes that make, read and revoke that address.
 */
import { Type } from 'typebox';
import { isLocale } from '../../core/locales';
import { requireActor } from '../auth/plugin';
import type { AppContext, AppInstance } from '../http/app-types';
import { IdParam, Problem, SlugParam } from '../http/common-schemas';
import * as governance from './service';

const LangQuery = Type.Object({ lang: Type.Optional(Type.String({ maxLength: 20 })) });
const langOf = (lang: string | undefined) => (lang && isLocale(lang) ? lang : 'en');
const CALENDAR = 'text/calendar; charset=utf-8';

export function calendarRoutes(
  app: AppInstance,
  { store, config }: Pick<AppContext, 'store' | 'config'>,
  tags: string[],
): void {
  app.get(
    '/bodies/:slug/calendar.ics',
    {
      schema: {
        tags,
        summary: "The body's meetings as an iCalendar feed (RFC 5545)",
        params: SlugParam,
        querystring: LangQuery,
        produces: ['text/calendar'],
        response: { 200: Type.String({ description: 'text/calendar' }), 404: Problem },
      },
    },
    async (request, reply) => {
      const ics = await governance.bodyCalendar(
        store,
        config,
        request.params.slug,
        request.actor,
        langOf(request.query.lang),
      );
      return reply
        .type(CALENDAR)
        .header('Content-Disposition', `inline; filename="${request.params.slug}.ics"`)
        .header('Cache-Control', 'private, max-age=300')
        .send(ics);
    },
  );

  const CalendarFeedStatus = Type.Object({
    active: Type.Boolean(),
    createdAt: Type.Union([Type.String(), Type.Null()]),
    lastUsedAt: Type.Union([Type.String(), Type.Null()]),
  });
  app.get(
    '/auth/calendar-feed',
    {
      schema: {
        tags,
        summary: 'Whether the caller has a personal calendar address, and when it was last read',
        response: { 200: CalendarFeedStatus, 401: Problem },
      },
    },
    (request) => governance.calendarFeedStatus(store, requireActor(request)),
  );
  app.post(
    '/auth/calendar-feed',
    {
      schema: {
        tags,
        summary:
          "A new secret address for the caller's calendar application (shown once; the old one stops working)",
        response: {
          201: Type.Object({ url: Type.String(), createdAt: Type.String() }),
          401: Problem,
          403: Problem,
        },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await governance.createCalendarFeed(store, config, requireActor(request))),
  );
  app.delete(
    '/auth/calendar-feed',
    {
      schema: {
        tags,
        summary: "Revoke the caller's personal calendar address",
        response: { 204: Type.Null(), 401: Problem, 403: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      await governance.revokeCalendarFeed(store, requireActor(request));
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/calendar/:token.ics',
    {
      schema: {
        tags,
        summary:
          'A personal calendar feed, by its secret address: the meetings that concern its owner, with the join links they may have',
        params: Type.Object({ token: Type.String({ minLength: 1, maxLength: 100 }) }),
        querystring: LangQuery,
        produces: ['text/calendar'],
        response: { 200: Type.String({ description: 'text/calendar' }), 404: Problem },
      },
    },
    async (request, reply) => {
      const ics = await governance.personalCalendar(
        store,
        config,
        request.params.token,
        request.query.lang,
      );
      return (
        reply
          .type(CALENDAR)
          .header('Content-Disposition', 'inline; filename="accord.ics"')
          // The answer holds join links: no shared cache may keep it.
          .header('Cache-Control', 'private, no-store')
          .header('Referrer-Policy', 'no-referrer')
          .send(ics)
      );
    },
  );

  app.get(
    '/meetings/:id.ics',
    {
      schema: {
        tags,
        summary: 'One meeting as iCalendar; the join link only for invitees and administrators',
        params: IdParam,
        querystring: LangQuery,
        produces: ['text/calendar'],
        response: { 200: Type.String({ description: 'text/calendar' }), 404: Problem },
      },
    },
    async (request, reply) => {
      const ics = await governance.meetingCalendar(
        store,
        config,
        request.params.id,
        request.actor,
        langOf(request.query.lang),
      );
      return reply
        .type(CALENDAR)
        .header('Content-Disposition', `attachment; filename="meeting-${request.params.id}.ics"`)
        .header('Cache-Control', 'private, no-store')
        .send(ics);
    },
  );
}
