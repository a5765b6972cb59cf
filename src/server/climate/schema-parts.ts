/** The values several climate schemas share: a year, tonnes, a gas, a GPC sector. */
import { Type } from 'typebox';
import { GPC_SECTOR_CODES } from '../../core/climate/gpc';
import { GASES } from '../../core/climate/types';

export const Year = Type.Integer({ minimum: 1950, maximum: 2100 });
export const Tonnes = Type.Number({ minimum: 0, maximum: 1e12, description: 't CO2e a year' });

export const Gas = Type.Enum(GASES);
export const GpcSector = Type.Enum(GPC_SECTOR_CODES);
