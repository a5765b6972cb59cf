import { describe, expect, it } from 'vitest';
import {
  IMPORT_REASON_CODES,
  RUN_PROBLEM_CODES,
  RUN_WRITTEN_CODES,
  VALUE_PROBLEM_CODES,
  type ImportReasonCode,
  type PeriodProblem,
  type RunProblemCode,
  type RunWritten,
  type ValueProblem,
} from './import-reasons';

/**
 * The lists of codes are what the catalogs' tests iterate: each must hold every code its type
 * allows (checked by the compiler: a code left out makes `true` the wrong type) and each once.
 */

type Lists<All extends string, Listed extends readonly string[]> =
  Exclude<All, Listed[number]> extends never ? true : false;

describe('the vocabulary of import outcomes', () => {
  it('lists every code of each kind, once', () => {
    const reasons: Lists<ImportReasonCode, typeof IMPORT_REASON_CODES> = true;
    const problems: Lists<(ValueProblem | PeriodProblem)['problem'], typeof VALUE_PROBLEM_CODES> =
      true;
    const runs: Lists<RunProblemCode, typeof RUN_PROBLEM_CODES> = true;
    const written: Lists<RunWritten['code'], typeof RUN_WRITTEN_CODES> = true;
    expect([reasons, problems, runs, written]).toEqual([true, true, true, true]);
    const lists = [IMPORT_REASON_CODES, VALUE_PROBLEM_CODES, RUN_PROBLEM_CODES, RUN_WRITTEN_CODES];
    for (const list of lists) {
      expect(new Set(list).size).toBe(list.length);
    }
  });

  it('writes codes as catalog keys can hold them: lower case words and dashes', () => {
    for (const code of [...IMPORT_REASON_CODES, ...VALUE_PROBLEM_CODES, ...RUN_PROBLEM_CODES]) {
      expect(code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
  });
});
