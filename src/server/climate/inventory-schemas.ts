/** GPC inventories, their entries and totals, as the API shows and takes them. */
import { Type, type Static } from 'typebox';
import { GASES, GWP_SETS, INVENTORY_STATUSES, NOTATION_KEYS } from '../../core/climate/types';
import { Nullable, Slug } from '../http/common-schemas';
import { Year } from './schema-parts';

export const EntryGas = Type.Enum([...GASES, 'CO2e'] as const);
export const GwpSet = Type.Enum(GWP_SETS);
export const NotationKey = Type.Enum(NOTATION_KEYS);

export const InventoryEntry = Type.Object({
  code: Type.String({
    pattern: '^(I|II|III|IV|V|VI)(\\.[0-9]){1,2}$',
    description: 'GPC subcategory, e.g. I.1.1',
  }),
  gas: EntryGas,
  amount: Nullable(
    Type.Number({
      description:
        'Tonnes of the gas (t CO2e when gas is CO2e, HFCs or PFCs); negative only for V.2 land removals',
    }),
  ),
  notationKey: Nullable(NotationKey),
  notes: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
});
export type InventoryEntry = Static<typeof InventoryEntry>;

export const InventoryTotals = Type.Object({
  basic: Type.Number(),
  basicPlus: Type.Number(),
  territorial: Type.Number(),
  byScope: Type.Record(Type.String(), Type.Number()),
  bySector: Type.Record(Type.String(), Type.Number()),
  bySubsector: Type.Record(Type.String(), Type.Number()),
  byGas: Type.Record(Type.String(), Type.Number()),
  completeness: Type.Number({ description: 'Share of BASIC lines with a number or NO/IE/NA' }),
});

export const InventorySummary = Type.Object({
  id: Type.Integer(),
  governmentSlug: Slug,
  year: Year,
  gwpSet: GwpSet,
  boundary: Type.String(),
  methodology: Type.String(),
  status: Type.Enum(INVENTORY_STATUSES),
  notes: Nullable(Type.String()),
  isIllustrative: Type.Boolean(),
  version: Type.Integer(),
  updatedAt: Type.String(),
  totals: InventoryTotals,
});
export const Inventory = Type.Object({
  ...InventorySummary.properties,
  entries: Type.Array(InventoryEntry),
});
export type Inventory = Static<typeof Inventory>;

export const InventoryCreate = Type.Object(
  {
    year: Year,
    gwpSet: GwpSet,
    boundary: Type.Optional(Type.String({ maxLength: 60 })),
    methodology: Type.Optional(Type.String({ maxLength: 60 })),
    status: Type.Optional(Type.Enum(INVENTORY_STATUSES)),
    notes: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))),
    entries: Type.Optional(Type.Array(InventoryEntry, { maxItems: 2000 })),
  },
  { additionalProperties: false },
);
export type InventoryCreate = Static<typeof InventoryCreate>;
export const InventoryPatch = Type.Object(
  {
    gwpSet: Type.Optional(GwpSet),
    boundary: Type.Optional(Type.String({ maxLength: 60 })),
    methodology: Type.Optional(Type.String({ maxLength: 60 })),
    status: Type.Optional(Type.Enum(INVENTORY_STATUSES)),
    notes: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))),
    /** When present, replaces every entry. */
    entries: Type.Optional(Type.Array(InventoryEntry, { maxItems: 2000 })),
  },
  { additionalProperties: false },
);
export type InventoryPatch = Static<typeof InventoryPatch>;
