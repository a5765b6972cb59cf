/** Climate actions, as the API shows and takes them. */
import { Type, type Static } from 'typebox';
import { ACTION_STATUSES } from '../../core/climate/types';
import { IsoDate, Nullable, Slug, Id } from '../http/common-schemas';
import { GpcSector, Titles, Tonnes } from './schema-parts';

export const ActionStatus = Type.Enum(ACTION_STATUSES);

export const Action = Type.Object({
  id: Type.Integer(),
  governmentSlug: Slug,
  title: Type.String(),
  titles: Titles,
  description: Nullable(Type.String()),
  sector: Nullable(GpcSector),
  status: ActionStatus,
  startDate: Nullable(IsoDate),
  endDate: Nullable(IsoDate),
  expectedReduction: Nullable(Type.Number({ description: 't CO2e a year' })),
  cost: Nullable(Type.Number()),
  costCurrency: Nullable(Type.String()),
  coBenefits: Type.Array(Type.String()),
  sdgs: Type.Array(Type.Integer({ minimum: 1, maximum: 17 })),
  targetIds: Type.Array(Type.Integer()),
  version: Type.Integer(),
  updatedAt: Type.String(),
});
export type Action = Static<typeof Action>;
export const ActionCreate = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 300 }),
    titles: Type.Optional(Titles),
    description: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))),
    sector: Type.Optional(Nullable(GpcSector)),
    status: ActionStatus,
    startDate: Type.Optional(Nullable(IsoDate)),
    endDate: Type.Optional(Nullable(IsoDate)),
    expectedReduction: Type.Optional(Nullable(Tonnes)),
    cost: Type.Optional(Nullable(Type.Number({ minimum: 0 }))),
    costCurrency: Type.Optional(Nullable(Type.String({ pattern: '^[A-Z]{3}$' }))),
    coBenefits: Type.Optional(Type.Array(Type.String({ maxLength: 80 }), { maxItems: 20 })),
    sdgs: Type.Optional(
      Type.Array(Type.Integer({ minimum: 1, maximum: 17 }), { uniqueItems: true }),
    ),
    targetIds: Type.Optional(Type.Array(Id, { uniqueItems: true })),
  },
  { additionalProperties: false },
);
export type ActionCreate = Static<typeof ActionCreate>;
export const ActionPatch = Type.Partial(ActionCreate, { additionalProperties: false });
export type ActionPatch = Static<typeof ActionPatch>;
