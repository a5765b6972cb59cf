import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FIELD_PROBLEMS } from './application-form';
import {
  IMPORT_REASON_CODES,
  NOT_KEPT_BECAUSE,
  RUN_PROBLEM_CODES,
  RUN_WRITTEN_CODES,
  VALUE_PROBLEM_CODES,
} from './climate/import-reasons';
import { SCHEDULE_PROBLEM_CODES } from './membership-fees';
import { applicationProblemCode, isProblemCode, PROBLEM_CODES } from './problems';

/**
 * Every code the server can answer a problem with is in the list (src/core/problems.ts), so
 * the web has words for it. The compiler holds the helpers (`conflict('code', …)`) to the list;
 * this reads the server's source as well, for codes written where no type looks: `code: '…'`
 * members, codes put together from a vocabulary, and the HttpProblem constructor.
 */
const serverDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'server');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The import's own vocabulary: its reasons and run problems, said by the importReasons catalog. */
const IMPORT_VOCABULARY = new Set<string>([
  ...IMPORT_REASON_CODES,
  ...RUN_PROBLEM_CODES,
  ...RUN_WRITTEN_CODES,
  ...VALUE_PROBLEM_CODES,
  ...NOT_KEPT_BECAUSE,
]);

const HELPER_CODE = [
  // badRequest('code', …), forbidden('code', …), conflict('code', …), gone(…), tooManyRequests(…)
  /\b(?:badRequest|forbidden|conflict|gone|tooManyRequests)\(\s*'([^']+)'/g,
  // invalidField(pointer, 'code', …)
  /\binvalidField\(\s*(?:'[^']*'|`[^`]*`|[\w.[\]]+)\s*,\s*'([^']+)'/g,
  // problem(status, 'code', …) under any local name
  /\b(?:problem|httpProblem)\(\s*\d{3}\s*,\s*'([^']+)'/g,
  // unauthorized(detail, 'code')
  /\bunauthorized\(\s*'[^']*'\s*,\s*'([^']+)'/g,
];

function codesIn(text: string): { literal: string[]; member: string[] } {
  const literal = HELPER_CODE.flatMap((re) => [...text.matchAll(re)].map((m) => m[1] ?? ''));
  const member = [...text.matchAll(/\bcode: '([a-z][a-z0-9-]*)'/g)].map((m) => m[1] ?? '');
  return { literal, member };
}

describe('problem codes', () => {
  const files = sources(serverDir);
  const found = files.map((file) => ({
    file: relative(serverDir, file),
    text: readFileSync(file, 'utf8'),
  }));

  it('are kebab-case', () => {
    for (const code of Object.keys(PROBLEM_CODES)) expect(code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('reads codes from the server source (the scan sees the usual ones)', () => {
    const all = found.flatMap((f) => codesIn(f.text).literal);
    expect(all).toContain('meeting-final');
    expect(all).toContain('not-allowed');
    expect(all.length).toBeGreaterThan(100);
  });

  it('lists every code the server passes to a problem helper', () => {
    const unknown = found.flatMap(({ file, text }) =>
      codesIn(text)
        .literal.filter((code) => !isProblemCode(code))
        .map((code) => `${file}: ${code}`),
    );
    expect(unknown).toEqual([]);
  });

  it('lists every code written as a `code:` member, besides the import’s own vocabulary', () => {
    // The importer's reasons, warnings and run problems are a vocabulary of their own
    // (src/core/climate/import-reasons.ts), said by the importReasons catalog.
    const outsideImports = found.filter(({ file }) => !file.startsWith(join('climate', 'imports')));
    const unknown = outsideImports.flatMap(({ file, text }) =>
      codesIn(text)
        .member.filter((code) => !isProblemCode(code) && !IMPORT_VOCABULARY.has(code))
        .map((code) => `${file}: ${code}`),
    );
    expect(unknown).toEqual([]);
  });

  it('has every code put together from a vocabulary (voter-…, no-fee-…, application-…)', () => {
    for (const reason of ['not-full-member', 'not-in-good-standing', 'other-region']) {
      expect(isProblemCode(`voter-${reason}`)).toBe(true);
    }
    for (const reason of [
      'invalid-schedule',
      'association-scope-unknown',
      'population-unknown',
      'country-without-income-group',
    ]) {
      expect(isProblemCode(`no-fee-${reason}`)).toBe(true);
    }
    for (const code of FIELD_PROBLEMS) {
      expect(applicationProblemCode(code)).not.toBe('invalid-value');
    }
    for (const code of SCHEDULE_PROBLEM_CODES) expect(isProblemCode(code)).toBe(true);
  });

  it('never builds an HttpProblem without a code the list or the import knows', () => {
    const bare = found.flatMap(({ file, text }) =>
      [...text.matchAll(/new HttpProblem\(([\s\S]*?)\);/g)]
        .map((m) => m[1] ?? '')
        .filter((args) => {
          const quoted = [...args.matchAll(/'([a-z][a-z0-9-]+)'/g)].map((q) => q[1] ?? '');
          return (
            !quoted.some((q) => isProblemCode(q) || IMPORT_VOCABULARY.has(q)) &&
            !/\bcode\b/.test(args) &&
            file !== join('http', 'problem.ts')
          );
        })
        .map(() => file),
    );
    expect(bare).toEqual([]);
  });
});
