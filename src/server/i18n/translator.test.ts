import { describe, expect, it } from 'vitest';
import { translator } from './translator';

describe('translator', () => {
  it('says a message in each language, placeholders filled', () => {
    expect(translator('en')('exports:gpcTable.total', { gwpSet: 'AR6' })).toBe(
      'Total (t CO₂e, AR6 GWP100)',
    );
    expect(translator('ko')('exports:gpcTable.total', { gwpSet: 'AR6' })).toBe(
      '합계(톤 CO₂e, AR6 GWP100)',
    );
    expect(translator('ja')('exports:gpc.sectors.II')).toBe('運輸');
    expect(translator('zh-Hans')('exports:gpcTable.totalScope', { scope: 2 })).toBe('范围2合计');
    expect(translator('zh-Hant')('exports:reportedTable.fileRow', { file: 'a.csv', row: 7 })).toBe(
      'a.csv，第7列',
    );
  });

  it('does not escape: a cell is not HTML', () => {
    expect(translator('en')('exports:reportedTable.fileRow', { file: '<b>&.csv', row: 1 })).toBe(
      '<b>&.csv, row 1',
    );
  });

  it('reads data in a placeholder as data, never as a message to look up', () => {
    const file = '$t(exports:yes) {{row}}.csv';
    expect(translator('en')('exports:reportedTable.fileRow', { file, row: 2 })).toBe(
      '$t(exports:yes) {{row}}.csv, row 2',
    );
  });

  it('knows its language', () => {
    expect(translator('zh-Hant').locale).toBe('zh-Hant');
  });

  it('says a key made from data when a catalog has it, else the fallback', () => {
    const t = translator('ko');
    expect(t.or('exports:sources.national', 'national')).toBe('국가 통계');
    expect(t.or('exports:sources.city-statistics-office', 'city-statistics-office')).toBe(
      'city-statistics-office',
    );
    // Data that looks like a namespace or a path stays data.
    expect(t.or('exports:sources.a:b', 'a:b')).toBe('a:b');
    expect(t.or('exports:sources', 'sources')).toBe('sources');
  });
});
