import { describe, expect, it } from 'vitest';
import { rulesFormValues, rulesPatch } from './rules-form';

const rules = {
  quorum: { numerator: 1, denominator: 2, strict: true, proxiesCount: true },
  maxPrincipalsPerProxy: 1,
  majorityRule: 'simple' as const,
  termYears: 4,
};

describe('rules form', () => {
  it('round-trips the rules of a body', () => {
    const { patch, problems } = rulesPatch(rulesFormValues(rules));
    expect(problems).toEqual([]);
    expect(patch).toEqual({ rules });
  });

  it('turns "at least" into a non-strict quorum', () => {
    const values = {
      ...rulesFormValues(rules),
      comparison: 'at-least' as const,
      numerator: '2',
      denominator: '3',
    };
    expect(rulesPatch(values).patch.rules?.quorum).toEqual({
      numerator: 2,
      denominator: 3,
      strict: false,
      proxiesCount: true,
    });
  });

  it('names each field that is not a whole number in range', () => {
    const values = { ...rulesFormValues(rules), numerator: 'half', termYears: '11' };
    expect(rulesPatch(values).problems).toEqual([
      { pointer: '/rules/quorum/numerator', code: 'wholeNumber', values: { min: 1, max: 99 } },
      { pointer: '/rules/termYears', code: 'wholeNumber', values: { min: 1, max: 10 } },
    ]);
  });

  it('refuses a quorum above all seats, or "more than all" of them', () => {
    expect(
      rulesPatch({ ...rulesFormValues(rules), numerator: '3', denominator: '2' }).problems,
    ).toEqual([{ pointer: '/rules/quorum/numerator', code: 'quorumAboveAll' }]);
    expect(
      rulesPatch({ ...rulesFormValues(rules), numerator: '2', denominator: '2' }).problems,
    ).toEqual([{ pointer: '/rules/quorum/numerator', code: 'quorumUnreachable' }]);
  });
});
