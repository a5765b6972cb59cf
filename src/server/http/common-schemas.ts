import { Type, type TSchema } from 'typebox';
import { ACTOR_KINDS } from '../../core/attribution';

/** Shared pieces of the API's schemas. */
export const Slug = Type.String({
  pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$',
  minLength: 1,
  maxLength: 80,
});
export const IsoDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
/** A value or null. (Bodies are validated without type coercion, so null stays null.) */
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/**
 * Names by BCP 47 language tag, e.g. { "en": "Kyoto", "ja": "京都市" }. A key that is not a
 * language tag is refused: a record of pattern keys checks only the keys that match.
 */
export const Names = Type.Record(
  Type.String({ pattern: '^[a-z]{2,3}(-[A-Za-z]{4})?(-[A-Z]{2})?$' }),
  Type.String({ minLength: 1, maxLength: 200 }),
  {
    description: 'Names by BCP 47 language tag (en, ko, ja, zh-Hans, zh-Hant, …)',
    additionalProperties: false,
  },
);

/**
 * The language of an answer's words (src/server/i18n/negotiate.ts): one of Accord's, or a tag
 * close to one (ko-KR reads as ko, zh-TW as zh-Hant); another or none falls to Accept-Language.
 */
export const LangQuery = Type.String({
  pattern: '^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$',
  maxLength: 35,
  description:
    'The language of headers and words: en, ko, ja, zh-Hans or zh-Hant (a tag close to one, ' +
    'such as ko-KR or zh-TW, reads as that one). Without it, or with another language, the ' +
    'Accept-Language header decides; English when neither names one of these.',
  examples: ['ko'],
});

/** The largest value of the databases' integer columns (PostgreSQL's `integer` is 32 bits). */
export const MAX_INT32 = 2_147_483_647;
/** A row id: bounded so a bigger number is a 400, not a database error. */
export const Id = Type.Integer({ minimum: 1, maximum: MAX_INT32 });
/** A place in a list (an integer column, so 32 bits too). */
export const SortOrder = Type.Integer({ minimum: -MAX_INT32, maximum: MAX_INT32 });
export const MAX_PAGE = 1_000_000;

export const PageQuery = {
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
};

export const Page = <T extends TSchema>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    total: Type.Integer({ minimum: 0 }),
    page: Type.Integer({ minimum: 1 }),
    pageSize: Type.Integer({ minimum: 1 }),
  });

/** RFC 9457 problem details, with the fields that failed validation. */
export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.Optional(Type.String()),
    instance: Type.Optional(Type.String()),
    errors: Type.Optional(
      Type.Array(
        Type.Object({
          pointer: Type.String({ description: 'JSON Pointer to the field, e.g. /population' }),
          detail: Type.String(),
          code: Type.Optional(
            Type.String({ description: "The field's problem as a stable name, e.g. 'too-long'" }),
          ),
          params: Type.Optional(
            Type.Record(Type.String(), Type.Unknown(), {
              description: "The parameters of the field's `code`, e.g. { limit: 200 }",
            }),
          ),
        }),
      ),
    ),
    code: Type.Optional(
      Type.String({
        description: "A stable name of the problem, e.g. 'stale-write' on a 412",
      }),
    ),
    params: Type.Optional(
      Type.Record(Type.String(), Type.Unknown(), {
        description:
          "The parameters of `code`, where it has some, for a client to say the problem in its reader's words (an import's file that cannot be read: where and why)",
      }),
    ),
  },
  { $id: 'Problem' },
);

export const IdParam = Type.Object({ id: Id });
export const SlugParam = Type.Object({ slug: Slug });

/** Who did something, as a record names them (src/server/users/attribution.ts). */
export const ActorLabel = Type.String({
  description:
    "The user's display name (or role); their sign-in e-mail only to those who may read users' e-mails",
});

/** Who did something, with what kind of actor they are (src/core/attribution.ts). */
export const Attribution = Type.Object({
  kind: Type.Enum(ACTOR_KINDS, {
    description:
      'user: a person, named by `label` as it is; admin, officer, viewer: a user whose name ' +
      'may not be shown, by role; system, demo, job, cli, applicant, invitation: Accord ' +
      'itself, the demo loader, the daily membership job, the command line, an applicant by ' +
      'their status link, an officer by their invitation link; sign-in: a refused sign-in, ' +
      '`label` its address. Clients say every kind but user in their reader’s language.',
  }),
  label: Type.String({
    description:
      "For user: the user's display name, or their sign-in e-mail to those who may read " +
      "users' e-mails; for sign-in: the address; else the kind in English",
  }),
});
