/** The rules form of a body: what was typed, the checks before sending, and the patch sent. */
import { validateQuorumRule } from '../../core/governance/quorum';
import type { BodyPatch, BodyRules, MajorityRule } from './types';

export interface RulesFormValues {
  numerator: string;
  denominator: string;
  /** 'more-than' (strict) or 'at-least' */
  comparison: 'more-than' | 'at-least';
  proxiesCount: boolean;
  maxPrincipalsPerProxy: string;
  majorityRule: MajorityRule;
  termYears: string;
}

export function rulesFormValues(rules: BodyRules): RulesFormValues {
  return {
    numerator: String(rules.quorum.numerator),
    denominator: String(rules.quorum.denominator),
    comparison: rules.quorum.strict ? 'more-than' : 'at-least',
    proxiesCount: rules.quorum.proxiesCount,
    maxPrincipalsPerProxy: String(rules.maxPrincipalsPerProxy),
    majorityRule: rules.majorityRule,
    termYears: String(rules.termYears),
  };
}

export type RulesProblemCode = 'wholeNumber' | 'quorumAboveAll' | 'quorumUnreachable';

export interface RulesProblem {
  pointer: string;
  code: RulesProblemCode;
  values?: Record<string, number>;
}

function whole(text: string, min: number, max: number): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const n = Number(trimmed);
  return n >= min && n <= max ? n : null;
}

/** Reads the form; problems name the JSON pointers the server would use. */
export function rulesPatch(values: RulesFormValues): {
  patch: BodyPatch;
  problems: RulesProblem[];
} {
  const problems: RulesProblem[] = [];
  const read = (pointer: string, text: string, min: number, max: number): number => {
    const n = whole(text, min, max);
    if (n === null) problems.push({ pointer, code: 'wholeNumber', values: { min, max } });
    return n ?? min;
  };
  const numerator = read('/rules/quorum/numerator', values.numerator, 1, 99);
  const denominator = read('/rules/quorum/denominator', values.denominator, 1, 100);
  const maxPrincipalsPerProxy = read(
    '/rules/maxPrincipalsPerProxy',
    values.maxPrincipalsPerProxy,
    1,
    10,
  );
  const termYears = read('/rules/termYears', values.termYears, 1, 10);
  const quorum = {
    numerator,
    denominator,
    strict: values.comparison === 'more-than',
    proxiesCount: values.proxiesCount,
  };
  if (problems.length === 0) {
    // The core check knows the two ways a fraction can make no sense as a quorum.
    for (const problem of validateQuorumRule(quorum)) {
      if (problem.field !== 'numerator') continue;
      problems.push({
        pointer: '/rules/quorum/numerator',
        code: numerator > denominator ? 'quorumAboveAll' : 'quorumUnreachable',
      });
    }
  }
  return {
    patch: {
      rules: { quorum, maxPrincipalsPerProxy, majorityRule: values.majorityRule, termYears },
    },
    problems,
  };
}
