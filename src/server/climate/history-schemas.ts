/** The stored versions of a climate record, as the API shows them. */
import { Type } from 'typebox';
import { VERSION_CHANGES, VERSIONED_RECORDS } from '../../core/climate/types';
import { Attribution } from '../http/common-schemas';

export const RecordVersion = Type.Object({
  version: Type.Integer(),
  at: Type.String(),
  actor: Attribution,
  change: Type.Enum(VERSION_CHANGES),
  /** The record as the API presents it after the change (null after a delete). */
  snapshot: Type.Unknown(),
});
export const HistoryEntityType = Type.Enum(VERSIONED_RECORDS);
export const History = Type.Object({
  entityType: HistoryEntityType,
  entityId: Type.Integer(),
  versions: Type.Array(RecordVersion),
});
