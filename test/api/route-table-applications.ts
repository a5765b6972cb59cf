/**
 * The membership application routes in the authorisation matrix (route-table.ts spreads these
 * into MATRIX). The public routes (the form, the status link, the officers' set-password
 * links) answer everyone alike; the secretariat's answer the policy's application.manage.
 *
 * Their records are made through the services with addresses of their own, so the matrix's
 * own calls from 127.0.0.1 stay within the ten applications an hour an address may send.
 */
import { issueOfficerInvitation } from '../../src/server/applications/member-service';
import { submitApplication } from '../../src/server/applications/service';
import { applicationBody, TO_CONFIRMED } from '../../src/server/applications/test-support';
import { multipart } from '../../src/server/files/test-support';
import type { Case, Rule } from './route-types';
import { PDF, type Surface } from './surface';

const PUBLIC: Rule = { kind: 'public' };
const REVIEW: Rule = { kind: 'policy', actions: ['application.manage'] };

interface Sent {
  id: number;
  token: string;
}

/** An application sent through the service, from an address of its own. */
async function freshApplication(s: Surface, steps: string[] = []): Promise<Sent> {
  const body = applicationBody();
  const sent = await submitApplication(s.t.db, s.t.config, body, `fixture-${s.unique('address')}`);
  const row = await s.t.db.kysely
    .selectFrom('applications')
    .select('id')
    .where('english_name', '=', body.englishName)
    .executeTakeFirstOrThrow();
  for (const action of steps) {
    const comment = action === 'request-information' ? 'Matrix question' : null;
    await s.asAdmin('POST', `/applications/${row.id}/steps`, { action, comment });
  }
  return { id: row.id, token: sent.statusToken };
}

/** The records shared by the cases that do not change them, made once per surface. */
const shared = new WeakMap<
  Surface,
  Promise<{ sent: Sent; documentId: number; invitation: string }>
>();

function sharedRecords(s: Surface) {
  let records = shared.get(s);
  if (!records) {
    records = (async () => {
      const sent = await freshApplication(s);
      const form = documentForm();
      const detail = await s.asAdmin<{ documents: { id: number }[] }>(
        'POST',
        `/applications/${sent.id}/documents`,
        form.payload,
        form.headers,
      );
      return {
        sent,
        documentId: detail.documents[0]?.id ?? -1,
        invitation: await freshInvitation(s),
      };
    })();
    shared.set(s, records);
  }
  return records;
}

function documentForm() {
  return multipart([
    { name: 'file', filename: 'resolution.pdf', contentType: 'application/pdf', data: PDF },
  ]);
}

/** A set-password link for a new officer of government A's, issued directly. */
async function freshInvitation(s: Surface): Promise<string> {
  const governmentId = s.gov.seoul ?? -1;
  return s.t.db.transaction((tx) =>
    issueOfficerInvitation(
      tx,
      s.t.config,
      {
        applicationId: null,
        governmentId,
        governmentName: 'Seoul',
        email: `${s.unique('invitee')}@invited-matrix.example`,
        displayName: 'Matrix invitee',
        language: 'en',
      },
      new Date(),
    ),
  );
}

export const APPLICATION_MATRIX: Record<string, Case[]> = {
  'POST /api/v1/apply': [
    { label: 'public', rule: PUBLIC, request: () => ({ payload: applicationBody() }) },
  ],
  'GET /api/v1/apply/{token}': [
    {
      label: 'a status link',
      rule: PUBLIC,
      request: async (s) => ({ params: { token: (await sharedRecords(s)).sent.token } }),
    },
  ],
  'POST /api/v1/apply/{token}/answer': [
    {
      label: 'a request for information',
      rule: PUBLIC,
      fresh: true,
      request: async (s) => {
        const sent = await freshApplication(s, ['request-information']);
        return { params: { token: sent.token }, payload: { comment: 'Matrix answer' } };
      },
    },
  ],
  'POST /api/v1/apply/{token}/withdraw': [
    {
      label: 'an open application',
      rule: PUBLIC,
      fresh: true,
      request: async (s) => ({
        params: { token: (await freshApplication(s)).token },
        payload: { comment: null },
      }),
    },
  ],
  'POST /api/v1/apply/{token}/documents': [
    {
      label: 'an open application',
      rule: PUBLIC,
      fresh: true,
      request: async (s) => {
        const form = documentForm();
        return {
          params: { token: (await freshApplication(s)).token },
          payload: form.payload,
          headers: form.headers,
        };
      },
    },
  ],
  'GET /api/v1/account-invitations/{token}': [
    {
      label: 'an invitation',
      rule: PUBLIC,
      request: async (s) => ({ params: { token: (await sharedRecords(s)).invitation } }),
    },
  ],
  'POST /api/v1/account-invitations/{token}': [
    {
      label: 'an invitation',
      rule: PUBLIC,
      fresh: true,
      request: async (s) => ({
        params: { token: await freshInvitation(s) },
        payload: { password: 'matrix-invitee-password-1' },
      }),
    },
  ],
  'GET /api/v1/applications': [{ label: 'the queue', rule: REVIEW, request: () => ({}) }],
  'GET /api/v1/applications/{id}': [
    {
      label: 'an application',
      rule: REVIEW,
      request: async (s) => ({ params: { id: (await sharedRecords(s)).sent.id } }),
    },
  ],
  'POST /api/v1/applications/{id}/steps': [
    {
      label: 'a new application',
      rule: REVIEW,
      request: async (s) => ({
        params: { id: (await freshApplication(s)).id },
        payload: { action: 'start-review', comment: null },
      }),
    },
  ],
  'POST /api/v1/applications/{id}/member': [
    {
      label: 'a confirmed application',
      rule: REVIEW,
      request: async (s) => ({
        params: { id: (await freshApplication(s, TO_CONFIRMED)).id },
        payload: {},
      }),
    },
  ],
  'POST /api/v1/applications/{id}/documents': [
    {
      label: 'an application',
      rule: REVIEW,
      request: async (s) => {
        const form = documentForm();
        return {
          params: { id: (await freshApplication(s)).id },
          payload: form.payload,
          headers: form.headers,
        };
      },
    },
  ],
  'GET /api/v1/applications/{id}/documents/{documentId}': [
    {
      label: 'a document',
      rule: REVIEW,
      request: async (s) => {
        const records = await sharedRecords(s);
        return { params: { id: records.sent.id, documentId: records.documentId } };
      },
    },
  ],
};
