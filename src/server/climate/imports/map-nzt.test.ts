import { describe, expect, it } from 'vitest';
import { assessTarget } from '../../../core/climate/assess';
import type { TargetDefinition } from '../../../core/climate/types';
import type { NztField } from './layouts';
import { mapNztRow } from './map-nzt';
import type { MappedRow, TargetRecord, TargetValues } from './mapping';

/**
 * Each of the Net Zero Tracker's target types (its codebook's vocabulary in `end_target` and
 * `interim_target`) → Accord's matching type with its levels in tonnes, or an `other` target
 * that the assessment says it cannot measure. The expected figures are worked out by hand.
 */

const ALL_GASES = ['CO2', 'CH4', 'N2O', 'HFCs', 'PFCs', 'SF6', 'NF3'];

function row(fields: Partial<Record<NztField, string>>): MappedRow {
  return mapNztRow({
    number: 2,
    fields: { idCode: 'CIT-0100', name: 'Testville', country: 'JPN', actorType: 'City', ...fields },
  });
}

function targets(mapped: MappedRow): TargetRecord[] {
  return mapped.records.filter((r): r is TargetRecord => r.table === 'target');
}

function end(mapped: MappedRow): TargetValues {
  const found = targets(mapped).find((r) => r.key.endsWith('|end'));
  if (!found) throw new Error(`no end target: ${mapped.skip ?? ''}`);
  return found.values;
}

function interim(mapped: MappedRow): TargetValues {
  const found = targets(mapped).find((r) => r.key.endsWith('|interim'));
  if (!found) throw new Error('no interim target');
  return found.values;
}

function definition(v: TargetValues): TargetDefinition {
  return {
    type: v.type,
    baseYear: v.base_year,
    baseEmissions: v.base_emissions,
    targetYear: v.target_year,
    reductionPercent: v.reduction_percent,
    targetEmissions: v.target_emissions,
    bauEmissions: v.bau_emissions,
    baseIntensity: v.base_intensity,
    intensityUnit: v.intensity_unit,
    boundary: v.boundary,
    netZeroLabel: v.net_zero_label,
  };
}

describe('Net Zero Tracker gases', () => {
  it('reads "Carbon dioxide and other GHGs" as all greenhouse gases, not CO2 only', () => {
    const gases = (text: string) =>
      JSON.parse(
        end(row({ endTarget: 'Net zero', endTargetYear: '2050', gases: text })).coverage_gases,
      ) as string[];
    expect(gases('Carbon dioxide and other GHGs')).toEqual(ALL_GASES);
    expect(gases('CO2 and other greenhouse gases')).toEqual(ALL_GASES);
    expect(gases('All GHGs')).toEqual(ALL_GASES);
    expect(gases('Carbon dioxide only')).toEqual(['CO2']);
    expect(gases('CO2 only')).toEqual(['CO2']);
    // Not specified: the coverage is unknown, not "no gases".
    expect(gases('Not Specified')).toEqual([]);
  });
});

describe('Net Zero Tracker target types', () => {
  it('"Reduction v. BAU" is a baseline-scenario target with its BAU and base levels in tonnes', () => {
    const mapped = row({
      endTarget: 'Reduction v. BAU',
      endTargetYear: '2030',
      endTargetPercent: '30',
      endTargetBaselineYear: '2015',
      // The tracker's codebook gives its emissions columns in MtCO2e.
      endTargetBaselineEmissions: '8.2',
      endTargetBauEmissions: '12.5',
    });
    const v = end(mapped);
    expect(v).toMatchObject({
      type: 'baseline-scenario',
      net_zero_label: null,
      reduction_percent: 30,
      target_year: 2030,
      base_year: 2015,
      base_emissions: 8_200_000,
      bau_emissions: 12_500_000,
      target_emissions: null,
      title: '30 % below business as usual by 2030',
    });
    expect(mapped.notes ?? []).toEqual([]);
    // E_T = 12,500,000 × (1 − 0.30) = 8,750,000 t: allowed growth over the base year's 8.2 Mt.
    const assessed = assessTarget(
      definition(v),
      [{ year: 2020, emissions: 8_000_000, source: 'cdp' }],
      {
        asOfYear: 2022,
      },
    );
    expect(assessed.targetLevel).toBeCloseTo(8_750_000, 6);
    expect(assessed.status).toBe('achieved');
  });

  it('"Reduction v. BAU" keeps a target level given instead of a percentage', () => {
    const v = end(
      row({
        endTarget: 'Reduction v. BAU',
        endTargetYear: '2030',
        endTargetTargetEmissions: '9 MtCO2e',
        endTargetBauEmissions: '12 MtCO2e',
      }),
    );
    expect(v).toMatchObject({
      type: 'baseline-scenario',
      target_emissions: 9_000_000,
      bau_emissions: 12_000_000,
      reduction_percent: null,
    });
  });

  it('an absolute emissions target in MtCO2e is a fixed level in tonnes, assessable from its base', () => {
    const v = end(
      row({
        endTarget: 'Absolute emissions target',
        endTargetYear: '2030',
        endTargetBaselineYear: '2010',
        endTargetBaselineEmissions: '3.5',
        endTargetTargetEmissions: '2.1',
      }),
    );
    expect(v).toMatchObject({
      type: 'fixed-level',
      target_emissions: 2_100_000,
      base_year: 2010,
      base_emissions: 3_500_000,
      title: '2,100,000 t CO2e by 2030',
    });
    // Pathway from 3.5 Mt (2010) to 2.1 Mt (2030): 2020 expects 3.5 − 10/20 × 1.4 = 2.8 Mt.
    const assessed = assessTarget(
      definition(v),
      [{ year: 2020, emissions: 2_700_000, source: 'cdp' }],
      {
        asOfYear: 2022,
      },
    );
    expect(assessed.expected).toBeCloseTo(2_800_000, 6);
    // (3.5 − 2.7) / (3.5 − 2.1) = 0.8 / 1.4 = 0.571428…
    expect(assessed.progress).toBeCloseTo(0.571429, 6);
    expect(assessed.status).toBe('on-track');
  });

  it('reads the unit a cell states: kilotonnes, tonnes with separators', () => {
    const v = end(
      row({
        endTarget: 'Absolute emissions target',
        endTargetYear: '2030',
        endTargetBaselineYear: '2010',
        endTargetBaselineEmissions: '1,250,000 tCO2e',
        endTargetTargetEmissions: '640 ktCO2e',
      }),
    );
    expect(v).toMatchObject({ base_emissions: 1_250_000, target_emissions: 640_000 });
  });

  it('an absolute target given only as a percentage is a reduction from its base year', () => {
    const mapped = row({
      endTarget: 'Absolute emissions target',
      endTargetYear: '2030',
      endTargetPercent: '50',
      endTargetBaselineYear: '2005',
    });
    expect(end(mapped)).toMatchObject({
      type: 'base-year',
      reduction_percent: 50,
      base_year: 2005,
      target_emissions: null,
    });
  });

  it('"Other" targets are kept in their words, and the assessment says why it cannot measure them', () => {
    const mapped = row({
      endTarget: 'Other',
      endTargetOther: 'Peak emissions by 2025',
      endTargetYear: '2025',
      endTargetText: 'The city will peak its greenhouse gas emissions by 2025.',
    });
    const v = end(mapped);
    expect(v).toMatchObject({
      type: 'other',
      net_zero_label: null,
      title: 'Peak emissions by 2025',
      description: 'The city will peak its greenhouse gas emissions by 2025.',
      target_year: 2025,
      target_emissions: null,
      reduction_percent: null,
    });
    const assessed = assessTarget(definition(v), [], { asOfYear: 2024 });
    expect(assessed).toMatchObject({ status: 'not-assessable', reason: 'not-quantified' });
  });

  it('an "Other" target without its words is named by its year; figures it cannot hold are noted', () => {
    const mapped = row({ endTarget: 'Other', endTargetYear: '2040', endTargetPercent: '60' });
    expect(end(mapped)).toMatchObject({ type: 'other', title: 'Other target by 2040' });
    expect(mapped.notes).toEqual([
      {
        code: 'value-not-kept',
        params: { field: 'endTargetPercent', value: '60', why: 'other-states-no-reduction' },
      },
    ]);
  });

  it('an unknown target type is kept as "other" in its own words, and the row says so', () => {
    const mapped = row({ endTarget: 'Coal phase-out pledge', endTargetYear: '2030' });
    expect(end(mapped)).toMatchObject({ type: 'other', title: 'Coal phase-out pledge by 2030' });
    expect(mapped.notes).toEqual([
      {
        code: 'tracker-type-unknown',
        params: { target: 'end', value: 'Coal phase-out pledge' },
      },
    ]);
  });

  it('intensity targets keep their unit and their base intensity', () => {
    const perCapita = end(
      row({
        endTarget: 'Emissions intensity target',
        endTargetYear: '2030',
        endTargetPercent: '50',
        endTargetBaselineYear: '2005',
        endTargetBaselineEmissions: '6.1 tCO2e/capita',
        endTargetIntensityUnit: 'tCO2e per capita',
      }),
    );
    expect(perCapita).toMatchObject({
      type: 'intensity',
      intensity_unit: 'per-capita',
      base_intensity: 6.1,
      base_emissions: null,
      reduction_percent: 50,
      title: '50 % below 2005 per capita by 2030',
    });
    // 6.1 × (1 − 0.5) = 3.05 t per person.
    const assessed = assessTarget(
      definition(perCapita),
      [{ year: 2020, emissions: 4_000_000, source: 'cdp' }],
      { asOfYear: 2022, denominators: { 2020: 1_000_000 } },
    );
    expect(assessed.targetLevel).toBeCloseTo(3.05, 9);
    expect(assessed.actual).toBe(4);

    // A unit Accord has no name for stays as written (its denominator).
    const perDollar = end(
      row({
        endTarget: 'Emissions intensity target',
        endTargetYear: '2030',
        endTargetPercent: '65',
        endTargetBaselineYear: '2005',
        endTargetIntensityUnit: 'tCO2e/million USD',
      }),
    );
    expect(perDollar).toMatchObject({ intensity_unit: 'per million USD', base_intensity: null });
    // Without its own column the unit comes from the figure's.
    expect(
      end(
        row({
          endTarget: 'Emissions intensity target',
          endTargetYear: '2030',
          endTargetBaselineYear: '2013',
          endTargetBaselineEmissions: '0.35 tCO2e per unit of GDP',
        }),
      ),
    ).toMatchObject({ intensity_unit: 'per-gdp', base_intensity: 0.35 });
  });

  it('net-zero targets are a level of zero, with the base emissions the tracker gives', () => {
    const mapped = row({
      endTarget: 'Net zero',
      endTargetYear: '2050',
      endTargetPercent: '100',
      endTargetBaselineYear: '2013',
      endTargetBaselineEmissions: '7.84',
      interimTarget: 'Emissions reduction target',
      interimTargetYear: '2030',
      interimTargetPercent: '40',
      interimTargetBaselineYear: '2013',
    });
    expect(end(mapped)).toMatchObject({
      type: 'fixed-level',
      net_zero_label: 'net-zero',
      target_emissions: 0,
      base_year: 2013,
      base_emissions: 7_840_000,
      reduction_percent: null,
    });
    // The interim target's base year is the end target's: the same tracked figure.
    expect(interim(mapped)).toMatchObject({
      type: 'base-year',
      reduction_percent: 40,
      base_year: 2013,
      base_emissions: 7_840_000,
    });
    expect(mapped.notes ?? []).toEqual([]);
    // 7,840,000 × (1 − 0.40) = 4,704,000 t.
    const assessed = assessTarget(
      definition(interim(mapped)),
      [{ year: 2018, emissions: 6_540_648, source: 'cdp' }],
      { asOfYear: 2021 },
    );
    expect(assessed.targetLevel).toBeCloseTo(4_704_000, 6);
    expect(assessed.progress).toBeCloseTo(0.414334, 6);
  });

  it('an interim target keeps its own base emissions and its own BAU level', () => {
    const mapped = row({
      endTarget: 'Net zero',
      endTargetYear: '2050',
      interimTarget: 'Reduction v. BAU',
      interimTargetYear: '2030',
      interimTargetPercent: '25',
      interimTargetBaselineYear: '2018',
      interimTargetBaselineEmissions: '4.4',
      interimTargetBauEmissions: '5.6',
    });
    expect(interim(mapped)).toMatchObject({
      type: 'baseline-scenario',
      base_emissions: 4_400_000,
      bau_emissions: 5_600_000,
      reduction_percent: 25,
    });
  });

  it('never stores an ambiguous or impossible figure, and says which and why', () => {
    const mapped = row({
      endTarget: 'Emissions reduction target',
      endTargetYear: '2030',
      endTargetPercent: '40',
      endTargetBaselineYear: '2013',
      endTargetBaselineEmissions: '350000 MTCO2e',
      interimTarget: 'Absolute emissions target',
      interimTargetYear: '2025',
      interimTargetTargetEmissions: '7840000',
    });
    expect(end(mapped).base_emissions).toBeNull();
    expect(interim(mapped).target_emissions).toBeNull();
    expect(mapped.notes).toEqual([
      {
        code: 'value-not-read',
        params: {
          field: 'endTargetBaselineEmissions',
          value: '350000 MTCO2e',
          problem: 'ambiguous-unit',
          unit: 'MTCO2e',
        },
      },
      {
        code: 'value-not-read',
        params: {
          field: 'interimTargetTargetEmissions',
          value: '7840000',
          problem: 'more-than-the-world',
          amount: '7840000',
          unit: 'MtCO2e',
        },
      },
    ]);
  });

  it('notes a percentage a net-zero target cannot hold', () => {
    const mapped = row({
      endTarget: 'Carbon neutral(ity)',
      endTargetYear: '2050',
      endTargetPercent: '80',
      endTargetBaselineYear: '1990',
    });
    expect(end(mapped)).toMatchObject({
      type: 'fixed-level',
      net_zero_label: 'carbon-neutral',
      target_emissions: 0,
      base_year: 1990,
    });
    expect(mapped.notes).toEqual([
      {
        code: 'value-not-kept',
        params: { field: 'endTargetPercent', value: '80', why: 'net-zero-level-is-zero' },
      },
    ]);
  });

  it('keeps a status date it can read, and says so of one it cannot', () => {
    const read = row({
      endTarget: 'Net zero',
      endTargetYear: '2050',
      statusDate: '15/03/2021',
    });
    expect(end(read).date_set).toBe('2021-03-15');
    expect(read.notes ?? []).toEqual([]);
    const serial = row({ endTarget: 'Net zero', endTargetYear: '2050', statusDate: '44270' });
    expect(end(serial).date_set).toBe('2021-03-15');

    const unreadable = row({
      endTarget: 'Net zero',
      endTargetYear: '2050',
      statusDate: '31/02/2021',
    });
    expect(end(unreadable).date_set).toBeNull();
    expect(unreadable.notes).toEqual([
      {
        code: 'value-not-read',
        params: { field: 'statusDate', value: '31/02/2021', problem: 'not-a-calendar-day' },
      },
    ]);
  });
});
