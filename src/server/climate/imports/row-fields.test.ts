import fs from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { ImportKind } from '../schemas';
import { LongTableReports } from './long-table';
import { mapCdpEmissionRow, mapCdpTargetRow } from './map-cdp';
import { mapNztRow } from './map-nzt';
import { openSheet, type FieldRow } from './read-rows';
import { columnMapOf, recordedFields, rowSources } from './row-fields';

/** Which source column fed which field: each row's record of it, from the fixtures' real headers. */

/** A fixture read as the importer reads it: the run's column map and each row's fields. */
async function readFixture(name: string, kind: ImportKind) {
  const file = fs.readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
  const sheet = await openSheet(Readable.from([file]), kind);
  const layoutId = sheet.recognised.layout.id;
  const long = sheet.recognised.layout.long;
  const reports = long ? new LongTableReports(long) : null;
  const rows: FieldRow[] = [];
  for await (const row of sheet.rows) {
    if (reports) reports.add(row);
    else rows.push(row);
  }
  if (reports) rows.push(...reports.rows());
  const columns = columnMapOf(sheet.recognised);
  const fieldsOf = (number: number) => {
    const row = rows.find((r) => r.number === number);
    if (!row) throw new Error(`no row ${number} in ${name}`);
    const mapped =
      kind === 'cdp-emissions'
        ? mapCdpEmissionRow(row, { fileName: name, layoutId })
        : kind === 'cdp-targets'
          ? mapCdpTargetRow(row, { fileName: name, layoutId, keyOf: (key) => key })
          : mapNztRow(row);
    // As the service records it: the mapper's own list, else every cell that says something.
    return rowSources(mapped.fields ?? recordedFields(row.fields, row.derived), columns);
  };
  return { columns, fieldsOf };
}

describe('the fields a row had a value for', () => {
  it('lists the cells that say something, in their order; NA, "-" and "Not applicable" say nothing', () => {
    expect(
      recordedFields({
        account: '31090',
        city: ' ',
        country: 'NA',
        scope1Total: 'Not applicable',
        scope2Total: '-',
        basic: '0',
        population: 'n/a',
      }),
    ).toEqual(['account', 'basic']);
  });

  it('names every field that fed a value made from others, once, where the first of them was', () => {
    const recorded = recordedFields(
      { account: '1', directGeneration: '10', directExcludingGeneration: '20', population: '5' },
      { scope1Total: ['directGeneration', 'directExcludingGeneration'] },
    );
    expect(recorded).toEqual([
      'account',
      ['scope1Total', 'directGeneration', 'directExcludingGeneration'],
      'population',
    ]);
  });

  it("follows values made from values to the columns (a sum of a long table's lines)", () => {
    const line = ['line', 'lineColumn', 'lineValue'];
    const recorded = recordedFields(
      { account: '1', directGeneration: '10', directExcludingGeneration: '20' },
      {
        directGeneration: line,
        directExcludingGeneration: line,
        scope1Total: ['directGeneration', 'directExcludingGeneration'],
      },
    );
    expect(recorded).toEqual(['account', ['scope1Total', 'line', 'lineColumn', 'lineValue']]);
  });

  it("puts the run's column headers to the fields; a field without a column has none", () => {
    const columns = [
      { field: 'account', sources: ['Account Number'] },
      { field: 'directGeneration', sources: ['Direct (generation)'] },
      { field: 'directExcludingGeneration', sources: ['Direct (excluding generation)'] },
    ];
    expect(
      rowSources(
        ['account', ['scope1Total', 'directGeneration', 'directExcludingGeneration'], 'basic'],
        columns,
      ),
    ).toEqual([
      { field: 'account', sources: ['Account Number'] },
      { field: 'scope1Total', sources: ['Direct (generation)', 'Direct (excluding generation)'] },
      { field: 'basic', sources: [] },
    ]);
  });
});

describe('the fields of fixture rows, with their source columns', () => {
  it("a CDP 2021 city-wide emissions row: each field with the file's own header", async () => {
    const { columns, fieldsOf } = await readFixture('cdp-emissions.csv', 'cdp-emissions');
    // The run's column map names every column a field reads, as the file spells it.
    expect(columns).toHaveLength(31);
    expect(columns).toContainEqual({
      field: 'scope1Total',
      sources: ['TOTAL Scope 1 Emissions (metric tonnes CO2e)'],
    });
    // Busan: its totals, not the empty split columns beside them.
    expect(fieldsOf(2)).toEqual([
      { field: 'reportingYear', sources: ['Year Reported to CDP'] },
      { field: 'account', sources: ['Account Number'] },
      { field: 'organization', sources: ['Organization'] },
      { field: 'city', sources: ['City'] },
      { field: 'country', sources: ['Country'] },
      { field: 'cdpRegion', sources: ['CDP Region'] },
      { field: 'inventoryStatus', sources: ['City-wide emissions inventory'] },
      { field: 'accountingYear', sources: ['Accounting year'] },
      { field: 'cityBoundary', sources: ['Administrative city boundary'] },
      {
        field: 'inventoryBoundary',
        sources: ['Inventory boundary (compared to Administrative city boundary)'],
      },
      { field: 'protocol', sources: ['Primary Protocol'] },
      { field: 'gases', sources: ['Gases Included'] },
      { field: 'scope1Total', sources: ['TOTAL Scope 1 Emissions (metric tonnes CO2e)'] },
      { field: 'scope2Total', sources: ['TOTAL Scope 2 emissions (metric tonnes CO2e)'] },
      { field: 'lastUpdate', sources: ['Last update'] },
    ]);
  });

  it('a scope total summed from the split columns names both of them', async () => {
    const { fieldsOf } = await readFixture('cdp-emissions-2020.csv', 'cdp-emissions');
    // Fixturehama gives no TOTAL Scope 1, but direct emissions for generation (19507573) and
    // excluding it (10986381); scope 2 and 3 only their "excluding generation" part.
    const fields = fieldsOf(2);
    expect(fields).toContainEqual({
      field: 'scope1Total',
      sources: [
        'Direct emissions (metric tonnes CO2e) for Total generation of grid-supplied energy',
        'Direct emissions (metric tonnes CO2e) for Total emissions (excluding generation of grid-supplied energy)',
      ],
    });
    expect(fields).toContainEqual({
      field: 'scope2Total',
      sources: [
        'Indirect emissions from use of grid supplied energy (metric tonnes CO2e) for Total Emissions (excluding generation of grid-supplied energy)',
      ],
    });
    // The split columns are named under the total they made, not again on their own.
    expect(fields.map((f) => f.field)).not.toContain('directGeneration');
    expect(fields.map((f) => f.field)).not.toContain('directExcludingGeneration');
  });

  it("a long table's figures name the columns of its lines", async () => {
    const { fieldsOf } = await readFixture('cdp-emissions-2022.csv', 'cdp-emissions');
    const line = ['Emissions Row Name', 'Emissions Column Name', 'Emissions Response Answer'];
    const fields = fieldsOf(2);
    expect(fields).toContainEqual({ field: 'account', sources: ['Organization Number'] });
    // Scope 1 is the sum of two lines (excluding generation, and generation of grid energy).
    expect(fields).toContainEqual({ field: 'scope1Total', sources: line });
    expect(fields).toContainEqual({ field: 'basic', sources: line });
  });

  it('a Net Zero Tracker row: only the columns it filled', async () => {
    const { fieldsOf } = await readFixture('nzt-2023.csv', 'nzt');
    expect(fieldsOf(5)).toEqual([
      { field: 'idCode', sources: ['id_code'] },
      { field: 'name', sources: ['name'] },
      { field: 'country', sources: ['country'] },
      { field: 'actorType', sources: ['actor_type'] },
      { field: 'endTarget', sources: ['end_target'] },
      { field: 'endTargetPercent', sources: ['end_target_percentage_reduction'] },
      { field: 'endTargetBaselineYear', sources: ['end_target_baseline_year'] },
      { field: 'endTargetIntensityUnit', sources: ['end_target_intensity_unit'] },
      { field: 'endTargetYear', sources: ['end_target_year'] },
      { field: 'endTargetStatus', sources: ['end_target_status'] },
    ]);
  });

  it('a CDP 2021 target row that is skipped still says what it had', async () => {
    const { fieldsOf } = await readFixture('cdp-targets-2021.csv', 'cdp-targets');
    const fields = fieldsOf(5).map((f) => f.field);
    expect(fields).toContain('targetType');
    expect(fields).not.toContain('baseYear');
  });
});
