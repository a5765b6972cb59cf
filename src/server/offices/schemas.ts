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
});
export type Office = Static<typeof Office>;

export const OfficeList = Type.Object({ items: Type.Array(Office), total: Type.Integer() });
