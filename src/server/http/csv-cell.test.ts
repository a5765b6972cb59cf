import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeCsvCell } from './csv-cell';

const FORMULA_START = ['=', '+', '-', '@', '\t', '\r'];
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

describe('safeCsvCell', () => {
  it('quotes text a spreadsheet would read as a formula', () => {
    expect(safeCsvCell(`=1+1+cmd|' /C calc'!A0`)).toBe(`'=1+1+cmd|' /C calc'!A0`);
    expect(safeCsvCell('+SUM(A1:A2)')).toBe(`'+SUM(A1:A2)`);
    expect(safeCsvCell('-2+3')).toBe(`'-2+3`);
    expect(safeCsvCell('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(safeCsvCell('\t=1')).toBe(`'\t=1`);
    expect(safeCsvCell('\r=1')).toBe(`'\r=1`);
    expect(safeCsvCell('-')).toBe(`'-`);
  });

  it('leaves other text, numbers and empty cells as they are', () => {
    expect(safeCsvCell('Kyoto')).toBe('Kyoto');
    expect(safeCsvCell('京都市')).toBe('京都市');
    expect(safeCsvCell(' =1')).toBe(' =1');
    expect(safeCsvCell('')).toBe('');
    expect(safeCsvCell(null)).toBe('');
    expect(safeCsvCell(-12.5)).toBe(-12.5);
    expect(safeCsvCell(0)).toBe(0);
    expect(safeCsvCell('-12.5')).toBe('-12.5');
    expect(safeCsvCell('+3')).toBe('+3');
    expect(safeCsvCell('-1e5')).toBe('-1e5');
  });

  it('never gives a cell that starts with a formula character unless it is a number', () => {
    const text = fc.oneof(
      fc.string(),
      fc.tuple(fc.constantFrom(...FORMULA_START), fc.string()).map(([a, b]) => a + b),
    );
    fc.assert(
      fc.property(fc.oneof(text, fc.double(), fc.integer(), fc.constant(null)), (cell) => {
        const out = safeCsvCell(cell);
        if (typeof out === 'number') {
          expect(out).toBe(cell);
          return;
        }
        if (FORMULA_START.includes(out.charAt(0))) expect(out).toMatch(PLAIN_NUMBER);
        if (typeof cell === 'string') expect([cell, `'${cell}`]).toContain(out);
      }),
    );
  });
});
