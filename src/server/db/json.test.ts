import { describe, expect, it } from 'vitest';
import { JsonColumnError, parseJsonColumn } from './json';

describe('parseJsonColumn', () => {
  it('reads JSON and reads a missing value as null', () => {
    expect(parseJsonColumn('audit_log', 1, '{"a":[1,2]}')).toEqual({ a: [1, 2] });
    expect(parseJsonColumn('audit_log', 1, null)).toBeNull();
    expect(parseJsonColumn('audit_log', 1, undefined)).toBeNull();
  });

  it('names the table and the row when the stored value does not parse', () => {
    expect(() => parseJsonColumn('audit_log', 42, '{not json')).toThrow(JsonColumnError);
    expect(() => parseJsonColumn('audit_log', 42, '{not json')).toThrow(
      'audit_log 42: the stored JSON does not parse',
    );
  });

  it('refuses a value of the wrong shape when given a check', () => {
    const isList = (v: unknown): v is number[] => Array.isArray(v);
    expect(parseJsonColumn('ballots', 7, '[1,2]', isList)).toEqual([1, 2]);
    expect(() => parseJsonColumn('ballots', 7, '{"a":1}', isList)).toThrow('ballots 7');
  });
});
