import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { ImportKind } from '../../../core/climate/types';
import { LayoutNotRecognisedError, recogniseLayout } from './recognise';

/**
 * Each published layout recognised from the header row of its fixture (fixtures/, the real
 * header rows of CDP's exports, see cdp-years.test.ts for what importing them writes), and the
 * columns that carry its figures read by meaning.
 */

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

function headerOf(name: string): string[] {
  const rows = parse(fs.readFileSync(`${FIXTURES}${name}`), {
    bom: true,
    to_line: 1,
  }) as string[][];
  return rows[0] as string[];
}

const CASES: {
  file: string;
  kind: ImportKind;
  layout: string;
  fields: Record<string, string>;
}[] = [
  {
    file: 'cdp-emissions-2016.csv',
    kind: 'cdp-emissions',
    layout: 'cdp-emissions-2016',
    fields: {
      organization: 'City Name',
      city: 'City Short Name',
      accountingYear: 'Measurement Year',
      citywideTotal: 'Total City-wide Emissions (metric tonnes CO2e)',
      scope1Total: 'Total Scope 1 Emissions (metric tonnes CO2e)',
    },
  },
  {
    file: 'cdp-emissions-2017.csv',
    kind: 'cdp-emissions',
    layout: 'cdp-emissions-2017',
    fields: {
      citywideTotal: 'Total emissions (metric tonnes CO2e)',
      totalCoverage: 'Scopes Included ',
      cdpRegion: 'Region',
    },
  },
  {
    file: 'cdp-emissions-2017-gpc.csv',
    kind: 'cdp-emissions',
    layout: 'cdp-emissions-2017-gpc',
    fields: {
      line: 'Sector and scope (GPC reference number)',
      lineValue: 'Emissions (metric tonnes CO2e)',
      accountingYear: 'Account year',
    },
  },
  {
    file: 'cdp-emissions-2018.csv',
    kind: 'cdp-emissions',
    layout: 'cdp-emissions-2018-2019',
    fields: {
      scope3Total: 'Total Scope 3 Emissions (metric tonnes CO2e)',
      directGeneration:
        'Direct emissions/ Scope 1 (metric tonnes CO2e) for Total generation of grid supplied energy\u00a0',
      outsideExcludingGeneration:
        'Emissions occurring outside city boundary/ Scope 3 (metric tonnes CO2e) for Total emissions (excluding generation of grid-supplied energy)\u00a0',
      change: 'Chnage in emissions',
    },
  },
  {
    file: 'cdp-emissions-2019.csv',
    kind: 'cdp-emissions',
    layout: 'cdp-emissions-2018-2019',
    fields: {
      scope3Total: 'Total Scope 3 emissions (metric tonnes CO2e)',
      directExcludingGeneration:
        'Direct emissions/ Scope 1 (metric tonnes CO2e) for Total emissions (excluding generation of grid-supplied energy) ',
      basicPlus: 'Total BASIC+ Emissions (GPC)',
    },
  },
  {
    file: 'cdp-emissions-2020.csv',
    kind: 'cdp-emissions',
    layout: 'cdp-emissions-2021',
    fields: { scope3Total: 'TOTAL Scope 3 Emissions', accountingYear: 'Accounting year' },
  },
  {
    file: 'cdp-emissions.csv',
    kind: 'cdp-emissions',
    layout: 'cdp-emissions-2021',
    fields: { scope3Total: 'TOTAL Scope 3 Emissions', basic: 'TOTAL BASIC Emissions (GPC)' },
  },
  {
    file: 'cdp-emissions-2022.csv',
    kind: 'cdp-emissions',
    layout: 'cdp-emissions-2022',
    fields: {
      account: 'Organization Number',
      accountingYear: 'Inventory Year',
      line: 'Emissions Row Name',
      lineColumn: 'Emissions Column Name',
      lineValue: 'Emissions Response Answer',
    },
  },
  {
    file: 'cdp-emissions-2023.csv',
    kind: 'cdp-emissions',
    layout: 'cdp-emissions-2023',
    fields: { accountingYear: 'Year covered by main inventory' },
  },
  {
    file: 'cdp-targets.csv',
    kind: 'cdp-targets',
    layout: 'cdp-targets-2021-openclimate',
    fields: { baseEmissions: 'Base.year.emissions..metric.tonnes.CO2e.' },
  },
  {
    file: 'cdp-targets-2021.csv',
    kind: 'cdp-targets',
    layout: 'cdp-targets',
    fields: {
      baseEmissions: 'Base year emissions (metric tonnes CO2e)',
      parisAligned:
        'Does this target align with the global 1.5-2˚C pathway set out in the Paris Agreement?',
    },
  },
];

describe('the published layouts, recognised from their real header rows', () => {
  for (const c of CASES) {
    it(`${c.file} is ${c.layout}, every column read or ignored on purpose`, () => {
      const headers = headerOf(c.file);
      const recognised = recogniseLayout(c.kind, headers);
      expect(recognised.layout.id).toBe(c.layout);
      for (const [field, header] of Object.entries(c.fields)) {
        expect([field, headers[recognised.mapping[field] ?? -1]]).toEqual([field, header]);
      }
      // Nothing is passed over without a word: every column is read or known to be ignored.
      expect(recognised.unmapped).toEqual([]);
    });
  }

  it('reads a 2018 file as 2018–2019, not as 2021, so scope 3 and the split are read', () => {
    const recognised = recogniseLayout('cdp-emissions', headerOf('cdp-emissions-2018.csv'));
    expect(recognised.layout.id).toBe('cdp-emissions-2018-2019');
    for (const field of [
      'scope3Total',
      'directGeneration',
      'directExcludingGeneration',
      'indirectGeneration',
      'indirectExcludingGeneration',
      'outsideGeneration',
      'outsideExcludingGeneration',
    ]) {
      expect(recognised.mapping[field], field).toBeTypeOf('number');
    }
  });

  it('reads a renamed column by meaning in any layout of the year', () => {
    const headers = headerOf('cdp-emissions-2019.csv').map((h) =>
      h === 'Total Scope 3 emissions (metric tonnes CO2e)' ? 'TOTAL SCOPE 3 EMISSIONS (tCO₂e)' : h,
    );
    const recognised = recogniseLayout('cdp-emissions', headers);
    expect(recognised.layout.id).toBe('cdp-emissions-2018-2019');
    expect(headers[recognised.mapping.scope3Total ?? -1]).toBe('TOTAL SCOPE 3 EMISSIONS (tCO₂e)');
  });

  it('names a column it cannot read', () => {
    const headers = [...headerOf('cdp-emissions-2020.csv'), 'Scope 4 emissions (made up)'];
    expect(recogniseLayout('cdp-emissions', headers).unmapped).toEqual([
      'Scope 4 emissions (made up)',
    ]);
  });

  it('refuses a file with no column of figures, naming the ones it could have', () => {
    const headers = headerOf('cdp-emissions-2020.csv').filter((h) => !/emissions|scope/i.test(h));
    let error: unknown;
    try {
      recogniseLayout('cdp-emissions', headers);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(LayoutNotRecognisedError);
    expect((error as LayoutNotRecognisedError).closest.missing[0]).toMatch(
      /^TOTAL Scope 1 Emissions \(metric tonnes CO2e\)" or "TOTAL Scope 2/,
    );
  });

  it('reads the 2016–2017 targets columns by their names', () => {
    const headers = [
      'Account number',
      'Organization',
      'City',
      'Country',
      'Region',
      'Reporting year',
      'Type of target',
      'Sector',
      'Baseline year',
      'Baseline emissions (metric tonnes CO2e)',
      'Percentage reduction target',
      'Target date',
      'Comment',
    ];
    const recognised = recogniseLayout('cdp-targets', headers);
    expect(recognised.layout.id).toBe('cdp-targets-2016-2017');
    expect(recognised.mapping).toMatchObject({ baseYear: 8, baseEmissions: 9, targetYear: 11 });
  });
});
