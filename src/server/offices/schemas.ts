import { Type, type Static } from 'typebox';
import { OFFICE_KINDS } from '../../core/membership';
import { Names, Nullable, Slug } from '../http/common-schemas';

export const OfficeKind = Type.Enum(OFFICE_KINDS);

export const Office = Type.Object({
  id: Type.Integer(),
  slug: Slug,
  region: Slug,
  kind: OfficeKind,
  /** As the office writes it (English). */
  name: Type.String(),
  names: Names,
  address: Type.String({ description: 'Postal address, lines separated by newlines' }),
  city: Type.String(),
  country: Type.String({ description: 'ISO 3166-1 alpha-2' }),
  phone: Nullable(Type.String()),
  fax: Nullable(Type.String()),
  email: Nullable(Type.String()),
  website: Nullable(Type.String()),
  latitude: Nullable(Type.Number()),
  longitude: Nullable(Type.Number()),
  /**
   * IANA time zone of the office's city, e.g. Asia/Seoul; null when not set. A governing body's
   * meetings default to its secretariat's zone.
   */
  timeZone: Nullable(Type.String()),
  /** Incremented by every change of the office (also the ETag): send it back as If-Match. */
  version: Type.Integer(),
});
export type Office = Static<typeof Office>;

export const OfficePatch = Type.Object(
  {
    timeZone: Type.Optional(
      Nullable(Type.String({ minLength: 1, maxLength: 64, description: 'IANA time zone' })),
    ),
  },
  { additionalProperties: false },
);
export type OfficePatch = Static<typeof OfficePatch>;

export const OfficeList = Type.Object({ items: Type.Array(Office), total: Type.Integer() });
