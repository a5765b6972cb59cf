/** Import runs, their rows, saved layouts and a file's columns, as the API shows and takes them. */
import { Type, type Static } from 'typebox';
import { IMPORT_KINDS, IMPORT_RUN_STATUSES } from '../../../core/climate/types';
import { Nullable } from '../../http/common-schemas';
import { ImportEntity, ImportReason, ImportRowGovernment, ImportRunError } from './reason-schemas';

export const ImportKind = Type.Enum(IMPORT_KINDS);
export type ImportKind = Static<typeof ImportKind>;
/** An Accord field and the source columns it came from. */
export const ImportFieldSources = Type.Object({
  field: Type.String({
    description: "Accord's field, by its key (scope1Total, targetYear…)",
  }),
  sources: Type.Array(Type.String(), {
    description: 'The headers of the columns it came from, as the file spells them',
  }),
});
export type ImportFieldSources = Static<typeof ImportFieldSources>;
export const ImportRun = Type.Object({
  id: Type.Integer(),
  kind: ImportKind,
  fileName: Type.String(),
  layout: Nullable(
    Type.String({ description: 'The header layout recognised, e.g. cdp-targets-2021-openclimate' }),
  ),
  encoding: Nullable(
    Type.String({
      description:
        "The CSV file's character encoding as read: detected from its first bytes or chosen " +
        '(utf-8, utf-16le, utf-16be, windows-1252, shift_jis, euc-kr, big5, gb18030); null for XLSX',
    }),
  ),
  dryRun: Type.Boolean(),
  status: Type.Enum(IMPORT_RUN_STATUSES),
  totalRows: Type.Integer(),
  processedRows: Type.Integer(),
  created: Type.Integer(),
  updated: Type.Integer(),
  skipped: Type.Integer(),
  newGovernments: Type.Object(
    {
      count: Type.Integer({ minimum: 0 }),
      rows: Type.Integer({ minimum: 0 }),
    },
    {
      description:
        'Governments Accord did not know that this run added as prospects (a preview: would ' +
        'add), and how many rows are about them. An import run with noCreate leaves those rows out.',
    },
  ),
  error: Nullable(Type.String({ description: 'Why it failed or was interrupted, in English' })),
  errorReason: Nullable(ImportRunError),
  startedAt: Type.String(),
  finishedAt: Nullable(Type.String()),
  warnings: Type.Array(
    Type.Object({
      code: Type.Literal('unread-numbers'),
      column: Type.String({ description: "The column's header" }),
      rows: Type.Integer({ description: 'How many rows have a number in it' }),
      firstRow: Type.Integer({ description: 'The first such row' }),
      detail: Type.String(),
    }),
    { description: 'What the run read past: a column with numbers that no field reads' },
  ),
  columns: Nullable(
    Type.Array(ImportFieldSources, {
      description:
        "The run's column map: each field it reads and the column it reads it from, however " +
        'the layout was chosen (a known layout, a saved one, a mapping); null before the ' +
        'layout is known, and for runs from before it was recorded',
    }),
  ),
});
export type ImportRun = Static<typeof ImportRun>;
export type ImportWarning = ImportRun['warnings'][number];
/** A column of a saved layout: its header and the field it holds (null: ignored). */
export const ImportLayoutColumn = Type.Object({
  header: Type.String({ minLength: 1, maxLength: 500 }),
  field: Nullable(Type.String({ minLength: 1, maxLength: 60 })),
});
export const ImportLayoutName = Type.String({
  minLength: 1,
  maxLength: 64,
  description: 'Letters, digits, spaces, dots, dashes or underscores',
});
export const ImportLayoutInput = Type.Object({
  kind: ImportKind,
  columns: Type.Array(ImportLayoutColumn, { minItems: 1, maxItems: 500 }),
});
export const ImportLayout = Type.Object({
  name: Type.String(),
  kind: ImportKind,
  columns: Type.Array(ImportLayoutColumn),
  version: Type.Integer(),
  createdBy: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type ImportLayout = Static<typeof ImportLayout>;
/** What the mapping step shows of a file: its columns, what each holds, a few values. */
export const ImportColumns = Type.Object({
  kind: ImportKind,
  headerRow: Type.Integer(),
  layout: Nullable(Type.String({ description: 'The layout that fits, if one does' })),
  missing: Type.Array(Type.String(), {
    description: 'Headers the closest layout needs and the file lacks',
  }),
  columns: Type.Array(
    Type.Object({
      index: Type.Integer(),
      header: Type.String(),
      field: Nullable(Type.String({ description: 'The field Accord reads from it, if any' })),
      ignored: Type.Boolean({ description: 'A column known and read on purpose by no field' }),
      numeric: Type.Boolean({ description: 'Some of its first values are numbers' }),
      samples: Type.Array(Type.String()),
    }),
  ),
  fields: Type.Array(Type.String(), { description: "The kind's fields, in order" }),
  needs: Type.Object({
    all: Type.Array(Type.String()),
    oneOf: Type.Array(Type.Array(Type.String())),
  }),
});
export type ImportColumns = Static<typeof ImportColumns>;
export const ImportRunRow = Type.Object({
  row: Type.Integer(),
  action: Type.Enum(['create', 'update', 'skip', 'unchanged'] as const),
  entity: Nullable(Type.String({ description: 'The records it carries, in English' })),
  entities: Nullable(
    Type.Array(ImportEntity, { description: 'The same, structured; null for older runs' }),
  ),
  government: Nullable(Type.String({ description: "The government's slug" })),
  governmentNames: Nullable(ImportRowGovernment),
  reason: Nullable(Type.String({ description: 'Its reasons in English, for older clients' })),
  reasons: Nullable(
    Type.Array(ImportReason, {
      description: 'Its reasons as codes with parameters, in order; null for older runs',
    }),
  ),
  fields: Nullable(
    Type.Array(ImportFieldSources, {
      description:
        'The fields this row had a value for (a cell that says something) and the columns each ' +
        "came from; a value made from several (a scope total summed from CDP's split columns, a " +
        "long table's line) names every column that fed it. Null when not recorded (older runs)",
    }),
  ),
});
export type ImportRunRow = Static<typeof ImportRunRow>;
