/**
 * Optimistic concurrency for edits: every editable record carries a version that each change
 * increments (in JSON as `version`, in HTTP as the ETag `"<version>"`). A client that sends
 * `If-Match` with the version it read has its change refused with 412 (`code: 'stale-write'`)
 * when someone changed the record in between, so it never overwrites a change it has not seen.
 * Without If-Match a change is made as before: clients written before versions existed keep
 * working, and concurrent changes still queue one after the other instead of interleaving.
 */
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { staleWrite } from './problem';

/**
 * The versions an If-Match header accepts: undefined when there is no condition (no header, or
 * `*`, which any existing record meets); an empty list when it names no version this server
 * gives (a weak or foreign tag), which no record meets.
 */
export type ExpectedVersions = readonly number[] | undefined;

/** The strong entity tag of a record's version. */
export const etagOf = (version: number): string => `"${version}"`;

export function expectedVersions(ifMatch: string | undefined): ExpectedVersions {
  if (ifMatch === undefined) return undefined;
  const tags = ifMatch.split(',').map((tag) => tag.trim());
  if (tags.includes('*')) return undefined;
  return tags.flatMap((tag) => {
    const version = /^"([1-9]\d{0,8})"$/.exec(tag)?.[1];
    return version === undefined ? [] : [Number(version)];
  });
}

/** The request headers of a conditional edit, as the OpenAPI document shows them. */
export const IfMatchHeaders = Type.Object({
  'if-match': Type.Optional(
    Type.String({
      maxLength: 200,
      description:
        'The ETag (version) of the record as the client read it; a stale one answers 412 ' +
        "with code 'stale-write' and writes nothing. Without it the change is made regardless.",
    }),
  ),
});

/** The version a conditional update claimed, or the 412 when the record had moved on. */
export function claimedVersion(version: number | undefined): number {
  if (version === undefined) throw staleWrite();
  return version;
}

/** Sends the record with its version as the ETag. */
export function withEtag<T extends { version: number }>(reply: FastifyReply, record: T): T {
  void reply.header('etag', etagOf(record.version));
  return record;
}
