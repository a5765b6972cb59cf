import { describe, expect, it } from 'vitest';
import {
  canRerun,
  contentTypeFor,
  importPath,
  importProblem,
  unchangedCount,
  XLSX_TYPE,
  doubleChoices,
  initialChoices,
  mappingGaps,
} from './import-upload';
import { nameFromFile } from './ImportMapping';
import type { ImportRun } from './types';

describe('import upload helpers', () => {
  it('picks the content type from the file name', () => {
    expect(contentTypeFor({ name: 'targets.CSV', type: '' })).toBe('text/csv');
    expect(contentTypeFor({ name: 'nzt.xlsx', type: '' })).toBe(XLSX_TYPE);
    expect(contentTypeFor({ name: 'export', type: XLSX_TYPE })).toBe(XLSX_TYPE);
    expect(contentTypeFor({ name: 'notes.txt', type: 'text/plain' })).toBeNull();
  });

  it('offers to run an interrupted import again once its file is chosen again for its kind', () => {
    const run = { status: 'interrupted', fileName: 'targets.csv', kind: 'cdp-targets' } as const;
    expect(canRerun(run, { name: 'targets.csv' }, 'cdp-targets')).toBe(true);
    expect(canRerun(run, null, 'cdp-targets')).toBe(false);
    expect(canRerun(run, { name: 'other.csv' }, 'cdp-targets')).toBe(false);
    expect(canRerun(run, { name: 'targets.csv' }, 'cdp-emissions')).toBe(false);
    expect(canRerun({ ...run, status: 'failed' }, { name: 'targets.csv' }, 'cdp-targets')).toBe(
      false,
    );
    expect(canRerun(undefined, { name: 'targets.csv' }, 'cdp-targets')).toBe(false);
  });

  it('builds the import path', () => {
    expect(importPath('cdp-targets', { dryRun: true, noCreate: false, fileName: 'a b.csv' })).toBe(
      '/api/v1/imports/cdp-targets?dryRun=true&noCreate=false&fileName=a+b.csv',
    );
    expect(
      importPath('cdp-emissions', {
        dryRun: true,
        noCreate: false,
        fileName: 'e.csv',
        encoding: 'shift_jis',
      }),
    ).toBe(
      '/api/v1/imports/cdp-emissions?dryRun=true&noCreate=false&fileName=e.csv&encoding=shift_jis',
    );
  });

  it('reads the missing columns of an unrecognised layout', () => {
    const listed = importProblem(422, 'Unprocessable', {
      title: 'Unprocessable Content',
      detail: 'The file layout is not recognised.',
      missingColumns: ['Account.Number', 'Base.year'],
    });
    expect(listed.status).toBe(422);
    expect(listed.detail).toBe('The file layout is not recognised.');
    expect(listed.missingColumns).toEqual(['Account.Number', 'Base.year']);

    const fromErrors = importProblem(422, 'Unprocessable', {
      title: 'Unprocessable Content',
      errors: [
        { pointer: '/columns/Target.year', detail: 'is required' },
        { pointer: '/kind', detail: 'nope' },
      ],
    });
    expect(fromErrors.missingColumns).toEqual(['Target.year']);
    expect(importProblem(500, 'Server Error', 'oops').title).toBe('Server Error');

    const server = importProblem(422, 'Unprocessable', {
      title: 'Unprocessable Content',
      detail: 'No layout fits.',
      errors: [
        { pointer: '/body', detail: 'missing column "Account.Number"' },
        { pointer: '/body', detail: 'missing column "Type.of.target"' },
      ],
    });
    expect(server.missingColumns).toEqual(['Account.Number', 'Type.of.target']);
  });

  it('derives the unchanged rows when the run does not count them', () => {
    const run = {
      processedRows: 10,
      created: 3,
      updated: 2,
      skipped: 1,
    } as ImportRun;
    expect(unchangedCount(run)).toBe(4);
    expect(unchangedCount({ ...run, unchanged: 7 } as ImportRun)).toBe(7);
  });
});

describe('the mapping step', () => {
  const columns = [
    { index: 0, header: 'CDP no.', field: null, ignored: false, numeric: true, samples: ['1'] },
    { index: 1, header: 'City', field: 'city', ignored: false, numeric: false, samples: ['A'] },
    { index: 2, header: 'Year', field: null, ignored: false, numeric: true, samples: ['2019'] },
  ];
  const needs = {
    all: ['accountingYear'],
    oneOf: [
      ['account', 'organization', 'city'],
      ['scope1Total', 'basic'],
    ],
  };

  it('starts from what the server read, and says what the mapping lacks', () => {
    const choices = initialChoices(columns);
    expect(choices).toEqual({ 0: '', 1: 'city', 2: '' });
    expect(mappingGaps(needs, choices)).toEqual([['accountingYear'], ['scope1Total', 'basic']]);
    expect(mappingGaps(needs, { ...choices, 0: 'scope1Total', 2: 'accountingYear' })).toEqual([]);
  });

  it('finds a field chosen for two columns', () => {
    expect([...doubleChoices({ 0: 'city', 1: 'city', 2: '' })]).toEqual(['city']);
    expect(doubleChoices({ 0: '', 1: '' }).size).toBe(0);
  });

  it('names a layout after its file', () => {
    expect(nameFromFile('2019 city inventory.csv')).toBe('2019 city inventory');
    expect(nameFromFile('Émissions/ville (v2).xlsx')).toBe('Émissions ville v2');
    expect(nameFromFile('.csv')).toBe('layout');
  });
});
