import { Type, type Static } from 'typebox';
import { Attribution, Nullable, Page, PageQuery, Id, LangQuery } from '../http/common-schemas';

/** What a record is called, in the reader's language where it has one. */
export const AuditRecordName = Type.Object({
  name: Type.String({ description: 'Its name, title or number, by the rule for names' }),
  lang: Type.String({ description: 'The language of the name (for lang attributes)' }),
  on: Nullable(
    Type.String({ format: 'date', description: 'A meeting’s day in its own time zone' }),
  ),
  path: Nullable(Type.String({ description: 'Its page in the web app, where it has one' })),
});
export type AuditRecordName = Static<typeof AuditRecordName>;

export const AuditEntry = Type.Object({
  id: Type.Integer(),
  at: Type.String({ description: 'ISO 8601 UTC' }),
  actor: Type.Object({
    userId: Nullable(
      Type.Integer({ description: 'The user who did it; null for Accord’s own actors' }),
    ),
    ...Attribution.properties,
  }),
  action: Type.Union([Type.Literal('create'), Type.Literal('update'), Type.Literal('delete')]),
  entityType: Type.String(),
  entityId: Type.String(),
  record: Nullable(AuditRecordName),
  recordState: Type.Union([Type.Literal('named'), Type.Literal('unnamed'), Type.Literal('gone')], {
    description:
      'named: record says what it is called; unnamed: it has no name (or its kind has none); ' +
      'gone: it is no longer in Accord',
  }),
  summary: Type.String(),
  before: Type.Unknown(),
  after: Type.Unknown(),
});
export type AuditEntry = Static<typeof AuditEntry>;

export const AuditPage = Page(AuditEntry);
export const AuditQuery = Type.Object({
  entityType: Type.Optional(Type.String({ maxLength: 40 })),
  entityId: Type.Optional(Type.String({ maxLength: 80 })),
  actorUserId: Type.Optional(Id),
  lang: Type.Optional(LangQuery),
  ...PageQuery,
});
