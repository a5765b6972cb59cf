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
    expect(row.skip).toMatch(
      /^accounting year not read: the start of the period: "31\/12\/2017" is not a date in the layout's order \(month\/day\/year\)/,
    );
    expect(mapCdpEmissionRow(emissions({ accountingYear: '- 2017-12-31' }), context).skip).toMatch(
      /has no start/,
    );
  });

  it('notes a figure it cannot read instead of dropping it without a word', () => {
    const row = mapCdpEmissionRow(
      emissions({ accountingYear: '2017', scope3Total: 'approx. 5000', basic: '-12' }),
      context,
    );
    expect(row.skip).toBeNull();
    expect(row.notes).toEqual([
      'scope 3 "approx. 5000" not read: not a number',
      'BASIC "-12" not read: negative or too large',
    ]);
    const none = mapCdpEmissionRow(
      emissions({ accountingYear: '2017', citywideTotal: 'see report' }),
      context,
    );
    expect(none.skip).toBe('no emissions figures');
    expect(none.notes).toEqual(['city-wide total "see report" not read: not a number']);
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
      'base year "2010s" not read: not a year from 1950 to 2100',
      'base year emissions "1,000 t" not read: not a number',
    ]);
  });
});
