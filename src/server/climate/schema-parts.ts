/** The values several climate schemas share: a year, tonnes, a gas, a GPC sector. */
import { Type } from 'typebox';
import { GPC_SECTOR_CODES } from '../../core/climate/gpc';
import { GASES } from '../../core/climate/types';

export const Year = Type.Integer({ minimum: 1950, maximum: 2100 });
export const Tonnes = Type.Number({ minimum: 0, maximum: 1e12, description: 't CO2e a year' });

export const Gas = Type.Enum(GASES);
export const GpcSector = Type.Enum(GPC_SECTOR_CODES);

/**
 * A title by BCP 47 language tag beside the title as entered (`title`, the original language);
 * `{}` when none is translated. The reader's language is chosen by the web (core/names.ts).
 */
export const Titles = Type.Record(
  Type.String({ pattern: '^[a-z]{2,3}(-[A-Za-z]{4})?(-[A-Z]{2})?$' }),
  Type.String({ maxLength: 300 }),
  {
    description: 'The title by language tag (en, ko, ja, zh-Hans, zh-Hant, …)',
    additionalProperties: false,
  },
);
