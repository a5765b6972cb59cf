import { Type, type Static } from 'typebox';
import { Nullable, Page, PageQuery, Id } from '../http/common-schemas';

export const AuditEntry = Type.Object({
  id: Type.Integer(),
  at: Type.String({ description: 'ISO 8601 UTC' }),
  actor: Type.Object({ userId: Nullable(Type.Integer()), label: Type.String() }),
  action: Type.Union([Type.Literal('create'), Type.Literal('update'), Type.Literal('delete')]),
  entityType: Type.String(),
  entityId: Type.String(),
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
  ...PageQuery,
});
