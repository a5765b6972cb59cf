import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../core/passwords';
import { Type, type Static } from 'typebox';
import { ROLES } from '../../core/roles';
import { Names, Nullable, Page, PageQuery, Slug } from '../http/common-schemas';

export const Role = Type.Enum(ROLES);
const Email = Type.String({ format: 'email', maxLength: 254 });

export const User = Type.Object({
  id: Type.Integer(),
  email: Type.String(),
  displayName: Type.String(),
  role: Role,
  /** The government an officer acts for. */
  government: Nullable(
    Type.Object({
      id: Type.Integer(),
      slug: Slug,
      /** The English name (as before `names`). */
      name: Type.String(),
      /** Its names by language, for the reader's choice (src/core/names.ts). */
      names: Names,
      localLang: Type.String(),
    }),
  ),
  locale: Nullable(Type.String()),
  disabled: Type.Boolean(),
  createdAt: Type.String(),
  /**
   * Incremented by every change of the account (also the ETag of its change): its name, role,
   * government, language, access or password. Send it back as If-Match.
   */
  version: Type.Integer(),
});
export type User = Static<typeof User>;

export const UserPage = Page(User);
export const UserQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  role: Type.Optional(Role),
  ...PageQuery,
});

export const UserCreate = Type.Object(
  {
    email: Email,
    displayName: Type.String({ minLength: 1, maxLength: 120 }),
    role: Role,
    governmentSlug: Type.Optional(Nullable(Slug)),
    password: Type.Optional(
      Type.String({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH }),
    ),
  },
  { additionalProperties: false },
);
export type UserCreate = Static<typeof UserCreate>;

export const UserCreated = Type.Object({
  user: User,
  /** Present only when Accord generated the password: shown once, never stored in clear. */
  generatedPassword: Type.Optional(Type.String()),
});

export const UserPatch = Type.Object(
  {
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
    role: Type.Optional(Role),
    governmentSlug: Type.Optional(Nullable(Slug)),
    disabled: Type.Optional(Type.Boolean()),
    password: Type.Optional(
      Type.String({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH }),
    ),
    locale: Type.Optional(Nullable(Type.String({ maxLength: 10 }))),
  },
  { additionalProperties: false },
);
export type UserPatch = Static<typeof UserPatch>;

export const LoginBody = Type.Object(
  { email: Email, password: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBody>;

/** The signed-in user's own password change: the current one proves it is them. */
export const PasswordChange = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH }),
    newPassword: Type.String({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH }),
  },
  { additionalProperties: false },
);
export type PasswordChange = Static<typeof PasswordChange>;

export const SessionInfo = Type.Object({
  user: Nullable(User),
  /** Send back as the X-CSRF-Token header on every state-changing request. */
  csrfToken: Nullable(Type.String()),
});

export const ApiToken = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  createdAt: Type.String(),
  lastUsedAt: Nullable(Type.String()),
  expiresAt: Nullable(Type.String()),
});
export const ApiTokenCreate = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 80 }),
    expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
  },
  { additionalProperties: false },
);
export const ApiTokenCreated = Type.Object({
  token: ApiToken,
  /** The secret, shown once. */
  secret: Type.String(),
});
