import { SYSTEM_ADMIN } from '../../audit/service';
import * as climate from '../../climate/service';
import type { StoreDb as Db } from '../../store';
import { DEMO_ACTION_TITLES, DEMO_TARGET_TITLES, inEveryLanguage } from './translations';

/**
 * The demo's climate records. Commitments come from the seed article; the only figures are
 * the Kyoto reference numbers PRODUCT.md quotes from CDP's 2021 files. The one inventory is
 * illustrative and marked so, as PRODUCT.md asks: no member reported these lines.
 */
export async function seedDemoClimate(db: Db): Promise<void> {
  const actor = SYSTEM_ADMIN;
  const all = { gases: [], scopes: [], sectors: [], boundary: 'city-wide' as const };

  const kyoto2030 = await climate.createTarget(db, actor, 'kyoto', {
    type: 'base-year',
    title: '40 % below FY2013 by 2030',
    titles: inEveryLanguage(DEMO_TARGET_TITLES, '40 % below FY2013 by 2030'),
    status: 'policy',
    baseYear: 2013,
    baseEmissions: 7_840_000,
    targetYear: 2030,
    reductionPercent: 40,
    coverage: { ...all, scopes: [1, 2], sectors: ['I', 'II', 'III', 'IV', 'V'] },
    sourceDocument: 'CDP 2021 Cities Emissions Reduction Targets',
    initiatives: ['Cities Race to Zero', '2050 Zero Carbon Cities in Japan'],
  });
  const kyoto2050 = await climate.createTarget(db, actor, 'kyoto', {
    type: 'fixed-level',
    title: 'Zero emissions by 2050',
    titles: inEveryLanguage(DEMO_TARGET_TITLES, 'Zero emissions by 2050'),
    status: 'declaration',
    netZeroLabel: 'zero-emissions',
    baseYear: 2013,
    baseEmissions: 7_840_000,
    targetYear: 2050,
    targetEmissions: 0,
    coverage: all,
    description:
      'Announced as the city’s zero-emission goal; pursued with the 1.5 °C Lifestyles campaign.',
  });
  await climate.updateTarget(db, actor, kyoto2030.id, { parentTargetId: kyoto2050.id });
  // What Kyoto told CDP it had achieved (PRODUCT.md): shown beside the computed figure.
  await db.climate.updateTarget(kyoto2030.id, {
    self_reported_progress: 74,
    self_reported_source: 'CDP 2021',
  });
  await climate.createReport(db, actor, 'kyoto', {
    year: 2018,
    source: 'cdp',
    sourceLabel: 'CDP 2021 city-wide emissions (FY2018)',
    periodStart: '2018-04-01',
    periodEnd: '2019-03-31',
    scope1: 3_636_204,
    scope2: 2_904_444,
    reportYear: 2021,
    protocol: 'Global Protocol for Community Greenhouse Gas Emissions Inventories (GPC)',
  });
  await climate.createAction(db, actor, 'kyoto', {
    title: '1.5 °C Lifestyles campaign',
    titles: inEveryLanguage(DEMO_ACTION_TITLES, '1.5 °C Lifestyles campaign'),
    description: 'Engaging residents in the lifestyle changes a 1.5 °C pathway asks of households.',
    status: 'in-progress',
    sector: 'I',
    sdgs: [12, 13],
    targetIds: [kyoto2050.id],
  });
  await climate.createAction(db, actor, 'kyoto', {
    title: 'Revision of the global warming countermeasures ordinance',
    titles: inEveryLanguage(
      DEMO_ACTION_TITLES,
      'Revision of the global warming countermeasures ordinance',
    ),
    description: 'Revising the ordinance and its action plan with citizens and every sector.',
    status: 'in-progress',
    sdgs: [13, 16],
    targetIds: [kyoto2030.id, kyoto2050.id],
  });

  await climate.createTarget(db, actor, 'new-taipei', {
    type: 'fuel-phase-out',
    title: 'Coal-free by 2023',
    titles: inEveryLanguage(DEMO_TARGET_TITLES, 'Coal-free by 2023'),
    status: 'declaration',
    fuel: 'coal',
    targetYear: 2023,
    coverage: { ...all, sectors: ['I'] },
  });

  await climate.createAction(db, actor, 'seoul', {
    title: 'Seoul Green New Deal',
    titles: inEveryLanguage(DEMO_ACTION_TITLES, 'Seoul Green New Deal'),
    description:
      'Announced in July 2020 in answer to climate change and COVID-19: 2050 greenhouse-gas reduction strategies and sustainable jobs.',
    status: 'in-progress',
    startDate: '2020-07-01',
    sdgs: [7, 8, 11, 13],
  });
  await climate.createAction(db, actor, 'suwon', {
    title: 'Eco-mobility programme',
    titles: inEveryLanguage(DEMO_ACTION_TITLES, 'Eco-mobility programme'),
    description: 'Leading the national dialogue on eco-mobility and low-carbon transport.',
    status: 'in-progress',
    sector: 'II',
    sdgs: [11, 13],
  });

  // Illustrative only: shows what an inventory page looks like; flagged in the database and UI.
  const inventory = await climate.createInventory(db, actor, 'changchun', {
    year: 2019,
    gwpSet: 'AR6',
    // Final, so that visitors see what an inventory page looks like (drafts are not public).
    status: 'final',
    notes: 'Illustrative figures for the demo; not reported by Changchun.',
    entries: [
      { code: 'I.1.1', gas: 'CO2', amount: 2_100_000, notationKey: null },
      { code: 'I.1.2', gas: 'CO2e', amount: 3_400_000, notationKey: null },
      { code: 'I.2.1', gas: 'CO2', amount: 900_000, notationKey: null },
      { code: 'I.2.2', gas: 'CO2e', amount: 1_600_000, notationKey: null },
      { code: 'I.3.1', gas: 'CO2', amount: 4_200_000, notationKey: null },
      { code: 'I.3.2', gas: 'CO2e', amount: 2_300_000, notationKey: null },
      { code: 'II.1.1', gas: 'CO2', amount: 2_800_000, notationKey: null },
      { code: 'II.2.2', gas: 'CO2e', amount: 150_000, notationKey: null },
      { code: 'III.1.1', gas: 'CH4', amount: 21_000, notationKey: null },
      { code: 'III.4.1', gas: 'CH4', amount: 4_000, notationKey: null },
      { code: 'III.4.1', gas: 'N2O', amount: 300, notationKey: null },
      { code: 'I.7.1', gas: 'CO2e', amount: null, notationKey: 'NO' },
      { code: 'II.3.1', gas: 'CO2e', amount: null, notationKey: 'NO' },
      { code: 'II.4.1', gas: 'CO2e', amount: null, notationKey: 'IE' },
      { code: 'III.3.1', gas: 'CO2e', amount: null, notationKey: 'NE' },
    ],
  });
  await db.climate.updateInventory(inventory.id, { is_illustrative: 1 });
}
