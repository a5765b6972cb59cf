import { Type } from 'typebox';
import {
  IMPORT_ENTITY_KINDS,
  IMPORT_REASON_CODES,
  RUN_PROBLEM_CODES,
  RUN_WRITTEN_CODES,
} from '../../../core/climate/import-reasons';
import { Names, Nullable } from '../../http/common-schemas';

/**
 * The API shapes of an import row's reasons and records and of a run's error, as codes with
 * their parameters (src/core/climate/import-reasons.ts lists each code's parameters); clients
 * put them into words from their own catalogs, as the web does.
 */

const Params = Type.Record(Type.String(), Type.Unknown(), {
  description:
    "The parameters of the code: field keys (field, fields), the file's text as written " +
    '(value), numbers, names, a target described by { title, type, year }, and nested codes ' +
    '(problem: why a value was not read, with its own parameters beside it; why; origin)',
});

export const ImportReason = Type.Object(
  {
    code: Type.Enum(IMPORT_REASON_CODES),
    params: Type.Optional(Params),
  },
  { description: 'Why a row did what it did, or what of it was not read or kept' },
);

export const ImportEntity = Type.Object(
  {
    kind: Type.Enum(IMPORT_ENTITY_KINDS),
    year: Nullable(Type.Integer()),
    type: Type.Optional(Type.String({ description: "A CDP target's type" })),
    rows: Type.Optional(
      Type.Object(
        { first: Type.Integer(), last: Type.Integer() },
        { description: 'The rows of a long table a report was gathered from' },
      ),
    ),
  },
  { description: 'A record the row carries' },
);

export const ImportRowGovernment = Type.Object(
  {
    name: Type.String({
      description:
        'Its primary name: the one it has, else the one it had when the row was imported ' +
        '(in a preview, the name a new prospect would get)',
    }),
    names: Names,
    localLang: Nullable(Type.String({ description: 'The language of its own name' })),
    exists: Type.Boolean({ description: 'Whether it exists now (its page is /members/{slug})' }),
  },
  { description: 'The government the row is about, by name: shown by its names, never its slug' },
);

export const ImportRunError = Type.Object(
  {
    code: Type.Enum(RUN_PROBLEM_CODES),
    params: Type.Optional(Params),
    written: Type.Optional(
      Nullable(
        Type.Object({
          code: Type.Enum(RUN_WRITTEN_CODES),
          params: Type.Optional(Params),
        }),
      ),
    ),
  },
  {
    description:
      'Why the run failed or was interrupted, as a code (where the file could not be read and ' +
      'why, a stop, a fault), and what it had written by then',
  },
);
