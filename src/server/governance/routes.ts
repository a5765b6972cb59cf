import { Type } from 'typebox';
import { requireActor } from '../auth/plugin';
import type { AppContext, AppInstance } from '../http/app-types';
import { IdParam, Problem, SlugParam } from '../http/common-schemas';
import { etagOf, expectedVersions, IfMatchHeaders, withEtag } from '../http/preconditions';
import {
  AgendaPut,
  AttendanceCreate,
  AttendancePatch,
  Body,
  BodyCreate,
  BodyPatch,
  BodySummary,
  DecisionRequest,
  Invitation,
  InviteRequest,
  Meeting,
  MeetingCreate,
  MeetingPage,
  MeetingPatch,
  MeetingQuery,
  MinutesPut,
  MotionCreate,
  ReplyRequest,
  Seat,
  SeatCreate,
  SeatHistory,
  SeatPatch,
  StatusRequest,
  Term,
  TermCreate,
} from './schemas';
import { calendarRoutes } from './calendar-routes';
import * as governance from './service';

const problems = {
  400: Problem,
  401: Problem,
  403: Problem,
  404: Problem,
  409: Problem,
  422: Problem,
};
/** A change of a record: its answers, with 412 for an If-Match that is no longer current. */
const changeProblems = { ...problems, 412: Problem };

export function governanceRoutes(app: AppInstance, { store, config }: AppContext): void {
  const tags = ['governance'];
  calendarRoutes(app, { store, config }, tags);

  app.get(
    '/bodies',
    {
      schema: {
        tags,
        summary: 'Governing bodies with their current term',
        response: { 200: Type.Object({ items: Type.Array(BodySummary) }) },
      },
    },
    async () => ({ items: await governance.listBodies(store) }),
  );

  app.get(
    '/bodies/:slug',
    {
      schema: {
        tags,
        summary: "A body: rules, current term's seats and portfolios, past terms",
        params: SlugParam,
        response: { 200: Body, 404: Problem },
      },
    },
    async (request, reply) => withEtag(reply, await governance.getBody(store, request.params.slug)),
  );

  app.post(
    '/bodies',
    {
      schema: {
        tags,
        summary: 'Create a governing body (administrators)',
        body: BodyCreate,
        response: { 201: Body, ...problems },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await governance.createBody(store, requireActor(request), request.body)),
  );

  app.patch(
    '/bodies/:slug',
    {
      schema: {
        tags,
        summary: "Change a body's names or rules: quorum, proxies, majority (administrators)",
        params: SlugParam,
        headers: IfMatchHeaders,
        body: BodyPatch,
        response: { 200: Body, ...changeProblems },
      },
    },
    async (request, reply) =>
      withEtag(
        reply,
        await governance.updateBody(
          store,
          requireActor(request),
          request.params.slug,
          request.body,
          expectedVersions(request.headers['if-match']),
        ),
      ),
  );

  app.post(
    '/bodies/:slug/terms',
    {
      schema: {
        tags,
        summary: 'Open a term of the body (administrators)',
        params: SlugParam,
        body: TermCreate,
        response: { 201: Term, ...problems },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await governance.createTerm(
            store,
            requireActor(request),
            request.params.slug,
            request.body,
          ),
        ),
  );

  app.get(
    '/terms/:id',
    {
      schema: {
        tags,
        summary: 'A term with its seats',
        params: IdParam,
        response: { 200: Term, 404: Problem },
      },
    },
    (request) => governance.getTerm(store, request.params.id),
  );

  app.post(
    '/terms/:id/seats',
    {
      schema: {
        tags,
        summary: 'Add a seat to a term (administrators)',
        params: IdParam,
        body: SeatCreate,
        response: { 201: Seat, ...problems },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await governance.addSeat(store, requireActor(request), request.params.id, request.body),
        ),
  );

  app.patch(
    '/seats/:id',
    {
      schema: {
        tags,
        summary: "Change a seat's representative, position or portfolio (administrators)",
        params: IdParam,
        headers: IfMatchHeaders,
        body: SeatPatch,
        response: { 200: Seat, ...changeProblems },
      },
    },
    async (request, reply) =>
      withEtag(
        reply,
        await governance.updateSeat(
          store,
          requireActor(request),
          request.params.id,
          request.body,
          expectedVersions(request.headers['if-match']),
        ),
      ),
  );

  app.delete(
    '/seats/:id',
    {
      schema: {
        tags,
        summary: 'Remove a seat that has no recorded votes (administrators)',
        params: IdParam,
        response: { 204: Type.Null(), ...problems },
      },
    },
    async (request, reply) => {
      await governance.removeSeat(store, requireActor(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/seats/:id/history',
    {
      schema: {
        tags,
        summary: "A seat's history in its term and the government's seats in other terms",
        params: IdParam,
        response: { 200: SeatHistory, 404: Problem },
      },
    },
    (request) => governance.seatHistory(store, request.actor, request.params.id),
  );

  // ---------------------------------------------------------------- meetings

  app.get(
    '/meetings',
    {
      schema: {
        tags,
        summary: 'Meetings, newest first (drafts for administrators only)',
        querystring: MeetingQuery,
        response: { 200: MeetingPage, 400: Problem, 403: Problem, 404: Problem },
      },
    },
    (request) => governance.listMeetings(store, request.query, request.actor),
  );

  app.get(
    '/meetings/:id',
    {
      schema: {
        tags,
        summary: 'A meeting: agenda with its clock, invitations, attendance, quorum, decisions',
        params: IdParam,
        response: { 200: Meeting, 404: Problem },
      },
    },
    async (request, reply) =>
      withEtag(reply, await governance.getMeeting(store, request.params.id, request.actor)),
  );

  app.post(
    '/meetings',
    {
      schema: {
        tags,
        summary: 'Create a meeting as a draft (administrators)',
        body: MeetingCreate,
        response: { 201: Meeting, ...problems },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await governance.createMeeting(store, requireActor(request), request.body)),
  );

  app.patch(
    '/meetings/:id',
    {
      schema: {
        tags,
        summary: 'Change a meeting (administrators)',
        params: IdParam,
        headers: IfMatchHeaders,
        body: MeetingPatch,
        response: { 200: Meeting, ...changeProblems },
      },
    },
    async (request, reply) =>
      withEtag(
        reply,
        await governance.updateMeeting(
          store,
          requireActor(request),
          request.params.id,
          request.body,
          expectedVersions(request.headers['if-match']),
        ),
      ),
  );

  app.post(
    '/meetings/:id/status',
    {
      schema: {
        tags,
        summary: 'Schedule, start, close or cancel a meeting (administrators)',
        params: IdParam,
        body: StatusRequest,
        response: { 200: Meeting, ...problems },
      },
    },
    (request) =>
      governance.setMeetingStatus(
        store,
        requireActor(request),
        request.params.id,
        request.body.status,
        { acknowledgeEarlyStart: request.body.acknowledgeEarlyStart ?? false },
      ),
  );

  app.put(
    '/meetings/:id/agenda',
    {
      schema: {
        tags,
        summary: 'Replace the agenda (nested items, administrators)',
        params: IdParam,
        headers: IfMatchHeaders,
        body: AgendaPut,
        response: { 200: Meeting, ...changeProblems },
      },
    },
    async (request, reply) =>
      withEtag(
        reply,
        await governance.putAgenda(
          store,
          requireActor(request),
          request.params.id,
          request.body.items,
          expectedVersions(request.headers['if-match']),
        ),
      ),
  );

  app.post(
    '/meetings/:id/invitations',
    {
      schema: {
        tags,
        summary: "Invite the term's seats and guests; letters go to the outbox (administrators)",
        params: IdParam,
        body: InviteRequest,
        response: { 200: Type.Object({ items: Type.Array(Invitation) }), ...problems },
      },
    },
    (request) =>
      governance.invite(store, config, requireActor(request), request.params.id, request.body),
  );

  app.put(
    '/invitations/:id/reply',
    {
      schema: {
        tags,
        summary: "Answer an invitation, or name a proxy (the invited government's officers)",
        params: IdParam,
        headers: IfMatchHeaders,
        body: ReplyRequest,
        response: { 200: Invitation, ...changeProblems },
      },
    },
    async (request, reply) =>
      withEtag(
        reply,
        await governance.reply(
          store,
          requireActor(request),
          request.params.id,
          request.body,
          expectedVersions(request.headers['if-match']),
        ),
      ),
  );

  app.post(
    '/meetings/:id/attendance',
    {
      schema: {
        tags,
        summary: 'Record someone present, in their own right, as proxy or as adviser',
        params: IdParam,
        body: AttendanceCreate,
        response: { 200: Meeting, ...problems },
      },
    },
    (request) =>
      governance.addAttendance(store, requireActor(request), request.params.id, request.body),
  );

  app.patch(
    '/attendance/:id',
    {
      schema: {
        tags,
        summary: 'Mark an attendee present or gone, in person or online (administrators)',
        description:
          'Answers the meeting with its register; the ETag is the changed entry’s version ' +
          '(its `version` in `attendance`), which goes back as If-Match with its next change.',
        params: IdParam,
        headers: IfMatchHeaders,
        body: AttendancePatch,
        response: { 200: Meeting, ...changeProblems },
      },
    },
    async (request, reply) => {
      const meeting = await governance.patchAttendance(
        store,
        requireActor(request),
        request.params.id,
        request.body,
        expectedVersions(request.headers['if-match']),
      );
      const entry = meeting.attendance.find((a) => a.id === request.params.id);
      if (entry) void reply.header('etag', etagOf(entry.version));
      return meeting;
    },
  );

  app.delete(
    '/attendance/:id',
    {
      schema: {
        tags,
        summary: 'Remove an entry recorded by mistake (administrators)',
        params: IdParam,
        response: { 200: Meeting, ...problems },
      },
    },
    (request) => governance.removeAttendance(store, requireActor(request), request.params.id),
  );

  app.post(
    '/meetings/:id/motions',
    {
      schema: {
        tags,
        summary: 'Put a motion to the meeting (administrators)',
        params: IdParam,
        body: MotionCreate,
        response: { 200: Meeting, ...problems },
      },
    },
    (request) =>
      governance.addMotion(store, requireActor(request), request.params.id, request.body),
  );

  app.post(
    '/motions/:id/decision',
    {
      schema: {
        tags,
        summary: 'Record the vote per seat and the outcome; refused without quorum',
        params: IdParam,
        body: DecisionRequest,
        response: { 200: Meeting, ...problems },
      },
    },
    (request) => governance.decide(store, requireActor(request), request.params.id, request.body),
  );

  app.post(
    '/motions/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'Withdraw an open motion (administrators)',
        params: IdParam,
        response: { 200: Meeting, ...problems },
      },
    },
    (request) => governance.withdrawMotion(store, requireActor(request), request.params.id),
  );

  app.put(
    '/meetings/:id/minutes',
    {
      schema: {
        tags,
        summary: 'Write the minutes (HTML, sanitised; administrators)',
        params: IdParam,
        headers: IfMatchHeaders,
        body: MinutesPut,
        response: { 200: Meeting, ...changeProblems },
      },
    },
    async (request, reply) =>
      withEtag(
        reply,
        await governance.putMinutes(
          store,
          requireActor(request),
          request.params.id,
          request.body.html,
          expectedVersions(request.headers['if-match']),
        ),
      ),
  );
}
