import path from 'node:path';
import { Type } from 'typebox';
import { requireActor } from '../auth/plugin';
import type { AppContext, AppInstance } from '../http/app-types';
import { IdParam, Problem } from '../http/common-schemas';
import { expectedVersions, IfMatchHeaders, withEtag } from '../http/preconditions';
import { DOCUMENT_MAX_BYTES } from '../media/documents';
import { FileStore } from '../media/storage';
import { readUpload } from '../media/upload';
import {
  BallotCast,
  BallotReceipt,
  CandidateCreate,
  Election,
  ElectionCreate,
  ElectionList,
  ElectionPatch,
  ElectionQuery,
  ElectionResult,
  FillRequest,
  VoterRegister,
} from './schemas';
import * as service from './service';

const tags = ['elections'];
const problems = {
  400: Problem,
  401: Problem,
  403: Problem,
  404: Problem,
  409: Problem,
  422: Problem,
};

// Declared apart from the route so that the OpenAPI-only `consumes` passes the type check.
const endorsementUploadSchema = {
  tags,
  summary:
    "Upload a candidate's endorsement document (the secretariat, or the candidate's officer)",
  description:
    'multipart/form-data with one part named "file": PDF, Word, OpenDocument, text, JPEG or ' +
    'PNG, checked from its bytes. Officers upload while nominations are open; the secretariat ' +
    'until voting opens.',
  consumes: ['multipart/form-data'],
  params: IdParam,
  body: Type.Unsafe<unknown>({
    description: 'The form, with the document in the part named "file"',
  }),
  response: { 200: Election, ...problems },
};

export function electionRoutes(app: AppInstance, { store, config }: AppContext): void {
  const files = new FileStore(path.join(config.dataDir, 'uploads'));

  app.get(
    '/elections',
    {
      schema: {
        tags,
        summary: 'Elections, newest first, with their phase',
        querystring: ElectionQuery,
        response: { 200: ElectionList, 400: Problem },
      },
    },
    (request) => service.listElections(store, request.query.body),
  );

  app.get(
    '/elections/:id',
    {
      schema: {
        tags,
        summary: 'One election with its candidates, turnout and what the viewer may do',
        params: IdParam,
        response: { 200: Election, 404: Problem },
      },
    },
    async (request, reply) =>
      withEtag(reply, await service.getElection(store, request.actor, request.params.id)),
  );

  app.post(
    '/elections',
    {
      schema: {
        tags,
        summary: 'Call an election for a body (administrators)',
        body: ElectionCreate,
        response: { 201: Election, ...problems },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return reply.status(201).send(await service.createElection(store, actor, request.body));
    },
  );

  app.patch(
    '/elections/:id',
    {
      schema: {
        tags,
        summary: "Change an election's settings or windows (administrators)",
        description:
          'Once voting has opened only votingClose may move (to extend or end the vote); a ' +
          'closed vote is never reopened.',
        params: IdParam,
        headers: IfMatchHeaders,
        body: ElectionPatch,
        response: { 200: Election, ...problems, 412: Problem },
      },
    },
    async (request, reply) =>
      withEtag(
        reply,
        await service.updateElection(
          store,
          requireActor(request),
          request.params.id,
          request.body,
          expectedVersions(request.headers['if-match']),
        ),
      ),
  );

  app.post(
    '/elections/:id/candidates',
    {
      schema: {
        tags,
        summary: "Nominate a member's political leader (the secretariat, or the member's officer)",
        params: IdParam,
        body: CandidateCreate,
        response: { 201: Election, ...problems },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const election = await service.nominate(store, actor, request.params.id, request.body);
      return reply.status(201).send(election);
    },
  );

  app.post('/candidates/:id/endorsement', { schema: endorsementUploadSchema }, async (request) => {
    const actor = requireActor(request);
    const upload = await readUpload(request, { field: '/file', maxBytes: DOCUMENT_MAX_BYTES });
    return service.attachEndorsement(store, files, actor, request.params.id, upload);
  });

  app.get(
    '/candidates/:id/endorsement',
    {
      schema: {
        tags,
        summary: "A candidate's endorsement document (the secretariat and the member's officers)",
        params: IdParam,
        response: {
          200: Type.Unsafe<Buffer>({
            type: 'string',
            format: 'binary',
            description: 'The document as uploaded',
          }),
          401: Problem,
          403: Problem,
          404: Problem,
        },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const doc = await service.readEndorsement(store, files, actor, request.params.id);
      const ascii = doc.filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
      return reply
        .header('Content-Type', doc.mime)
        .header(
          'Content-Disposition',
          `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(doc.filename)}`,
        )
        .header('Cache-Control', 'private, no-store')
        .send(doc.data);
    },
  );

  app.post(
    '/candidates/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'Withdraw a candidacy before voting opens',
        params: IdParam,
        response: { 200: Election, ...problems },
      },
    },
    (request) => service.withdraw(store, requireActor(request), request.params.id),
  );

  app.post(
    '/elections/:id/ballots',
    {
      schema: {
        tags,
        summary: "Cast a member's secret ballot (the member's officer; once)",
        description:
          'Up to one choice per seat; an empty list is a blank ballot. The register records ' +
          'that the member voted and on which day; the ballot is stored apart with no link ' +
          'to the member.',
        params: IdParam,
        body: BallotCast,
        response: { 201: BallotReceipt, ...problems },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const receipt = await service.castBallot(store, actor, request.params.id, request.body);
      return reply.status(201).send(receipt);
    },
  );

  app.get(
    '/elections/:id/voters',
    {
      schema: {
        tags,
        summary: 'The register: every full member in scope, whether it may vote and when it did',
        params: IdParam,
        response: { 200: VoterRegister, 401: Problem, 403: Problem, 404: Problem },
      },
    },
    (request) => service.voterRegister(store, requireActor(request), request.params.id),
  );

  app.get(
    '/elections/:id/result',
    {
      schema: {
        tags,
        summary: 'The count, re-run from the stored ballots on every request (after voting closes)',
        params: IdParam,
        response: { 200: ElectionResult, 404: Problem, 409: Problem },
      },
    },
    (request) => service.electionResult(store, request.params.id),
  );

  app.post(
    '/elections/:id/fill',
    {
      schema: {
        tags,
        summary:
          'Fill the seats from the result: creates the new term and its seats (administrators)',
        description:
          'When the count ties across the last seat, tieWinners names the candidates the ' +
          "secretariat's decision (by lot, per the rules) gives the undecided seats.",
        params: IdParam,
        body: FillRequest,
        response: { 200: Election, ...problems },
      },
    },
    (request) => service.fillSeats(store, requireActor(request), request.params.id, request.body),
  );
}
