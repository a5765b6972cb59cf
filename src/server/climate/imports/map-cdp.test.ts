import { describe, expect, it } from 'vitest';
import { mapCdpEmissionRow, mapCdpTargetRow } from './map-cdp';
import type { FieldRow } from './read-rows';

/** CDP rows whose dates carry times of day or whose cells say what no figure can hold. */

const context = { fileName: 'cdp.csv', layoutId: 'cdp-emissions-2016-2019' };
const emissions = (fields: Record<string, string>): FieldRow => ({
  number: 7,
  fields: {
    reportingYear: '2018',
    account: '31090',
    organization: 'City of Somewhere',
    city: 'Somewhere',
    country: 'Japan',
    citywideTotal: '1000',
    ...fields,
  },
});

describe('CDP city-wide emissions rows', () => {
  it('reads accounting periods whose dates carry a time of day, month first', () => {
    for (const accountingYear of [
      '2017-01-01 00:00:00 - 2017-12-31 00:00:00',
      '01/01/2017 12:00:00 AM - 12/31/2017 12:00:00 AM',
      '2017-01-01T00:00:00Z - 2017-12-31T00:00:00Z',
    ]) {
      const row = mapCdpEmissionRow(emissions({ accountingYear }), context);
      expect(row.skip).toBeNull();
      expect(row.records[0]).toMatchObject({
        values: { year: 2017, period_start: '2017-01-01', period_end: '2017-12-31' },
      });
    }
  });

  it('skips a row whose period cannot be read, saying why', () => {
    const row = mapCdpEmissionRow(
      emissions({ accountingYear: '31/12/2017 - 31/12/2018' }),
      context,
    );
    // Its start does not fit the layout's order (CDP writes month first).
    expect(row.skip).toEqual({
      code: 'accounting-year-not-read',
      params: { value: '31/12/2017 - 31/12/2018', problem: 'not-month-first', part: 'start' },
    });
    expect(mapCdpEmissionRow(emissions({ accountingYear: '- 2017-12-31' }), context).skip).toEqual({
      code: 'accounting-year-not-read',
      params: { value: '- 2017-12-31', problem: 'period-without-start' },
    });
    expect(mapCdpEmissionRow(emissions({}), context).skip).toEqual({
      code: 'accounting-year-unknown',
    });
  });

  it('notes a figure it cannot read instead of dropping it without a word', () => {
    const row = mapCdpEmissionRow(
      emissions({ accountingYear: '2017', scope3Total: 'approx. 5000', basic: '-12' }),
      context,
    );
    expect(row.skip).toBeNull();
    // By the field's key, which the row report names in the reader's language.
    expect(row.notes).toEqual([
      {
        code: 'value-not-read',
        params: { field: 'scope3Total', value: 'approx. 5000', problem: 'not-a-number' },
      },
      {
        code: 'value-not-read',
        params: { field: 'basic', value: '-12', problem: 'negative-or-too-large' },
      },
    ]);
    const none = mapCdpEmissionRow(
      emissions({ accountingYear: '2017', citywideTotal: 'see report' }),
      context,
    );
    expect(none.skip).toEqual({ code: 'no-emission-figures' });
    expect(none.notes).toEqual([
      {
        code: 'value-not-read',
        params: { field: 'citywideTotal', value: 'see report', problem: 'not-a-number' },
      },
    ]);
  });
});

describe('CDP target rows', () => {
  it('notes years and figures it cannot read', () => {
    const row = mapCdpTargetRow(
      {
        number: 3,
        fields: {
          reportingYear: '2021',
          account: '31090',
          organization: 'City of Somewhere',
          country: 'Japan',
          targetType: 'Base year emissions (absolute) target',
          baseYear: '2010s',
          targetYear: '2030',
          percent: '40',
          baseEmissions: '1,000 t',
        },
      },
      { fileName: 'cdp.csv', layoutId: 'cdp-targets', keyOf: (k) => k },
    );
    expect(row.skip).toBeNull();
    expect(row.notes).toEqual([
      {
        code: 'value-not-read',
        params: { field: 'baseYear', value: '2010s', problem: 'not-a-year', min: 1950, max: 2100 },
      },
      {
        code: 'value-not-read',
        params: { field: 'baseEmissions', value: '1,000 t', problem: 'not-a-number' },
      },
    ]);
    expect(row.records[0]?.entity).toEqual({ kind: 'target', year: 2030, type: 'base-year' });
  });

  it('skips a row without a target, or of a type it does not know, saying which', () => {
    const map = (targetType: string) =>
      mapCdpTargetRow(
        { number: 2, fields: { account: '31090', country: 'Japan', targetType } },
        { fileName: 'cdp.csv', layoutId: 'cdp-targets', keyOf: (k) => k },
      ).skip;
    expect(map('NA')).toEqual({ code: 'target-type-missing' });
    expect(map('No target')).toEqual({ code: 'no-target' });
    expect(map('Energy efficiency target')).toEqual({
      code: 'target-type-unknown',
      params: { value: 'Energy efficiency target' },
    });
  });

  it('notes a percentage beyond ±1000 % as not read', () => {
    const row = mapCdpTargetRow(
      {
        number: 2,
        fields: {
          account: '31090',
          country: 'Japan',
          targetType: 'Base year emissions (absolute) target',
          percent: '4000',
        },
      },
      { fileName: 'cdp.csv', layoutId: 'cdp-targets', keyOf: (k) => k },
    );
    expect(row.notes).toEqual([
      {
        code: 'value-not-read',
        params: { field: 'percent', value: '4000', problem: 'beyond-1000-percent' },
      },
    ]);
  });
});
