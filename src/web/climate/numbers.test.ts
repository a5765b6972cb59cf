import { describe, expect, it } from 'vitest';
import { numberInputText, parseNumberInput, parseYearInput } from './numbers';

describe('parseNumberInput', () => {
  it('reads plain, grouped and full-width numbers', () => {
    expect(parseNumberInput('7840000')).toBe(7840000);
    expect(parseNumberInput('7,840,000')).toBe(7840000);
    expect(parseNumberInput(' 3,636,204.5 ')).toBe(3636204.5);
    expect(parseNumberInput('７８４０')).toBe(7840);
    expect(parseNumberInput('−12.5')).toBe(-12.5);
    expect(parseNumberInput('1e3')).toBe(1000);
    expect(parseNumberInput('.5')).toBe(0.5);
  });

  it('gives null for nothing and NaN for what is not a number', () => {
    expect(parseNumberInput('')).toBeNull();
    expect(parseNumberInput('   ')).toBeNull();
    expect(parseNumberInput('12a')).toBeNaN();
    expect(parseNumberInput('1,5')).toBeNaN();
    expect(parseNumberInput('1,2345')).toBeNaN();
    expect(parseNumberInput('--1')).toBeNaN();
  });

  it('reads years as whole numbers only', () => {
    expect(parseYearInput('2030')).toBe(2030);
    expect(parseYearInput('２０１３')).toBe(2013);
    expect(parseYearInput('2030.5')).toBeNaN();
    expect(parseYearInput('')).toBeNull();
  });

  it('puts numbers back without grouping', () => {
    expect(numberInputText(7840000)).toBe('7840000');
    expect(numberInputText(null)).toBe('');
    expect(numberInputText(0.25)).toBe('0.25');
  });
});
