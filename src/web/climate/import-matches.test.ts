import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { choiceOf, choicesFor, decisionFor, type Choice } from './import-matches';

describe('import match choices', () => {
  it('offers every existing candidate, a prospect and no import', () => {
    expect(
      choicesFor({
        candidates: [
          { slug: 'springfield-a', name: 'Springfield', exists: true },
          { slug: 'springfield-b', name: 'Springfield', exists: false },
        ],
        government: null,
      }),
    ).toEqual(['', 'accept:springfield-a', 'create', 'skip']);
    expect(choicesFor({ candidates: [], government: 'taipei' })).toEqual([
      '',
      'accept:taipei',
      'create',
      'skip',
    ]);
  });

  it('reads back the decision it sends', () => {
    const choice = fc.oneof(
      fc.constantFrom<Choice>('', 'create', 'skip'),
      fc.stringMatching(/^[a-z0-9]+(-[a-z0-9]+)*$/).map((s): Choice => `accept:${s}`),
    );
    fc.assert(
      fc.property(choice, (c) => {
        expect(choiceOf(decisionFor(c))).toBe(c);
      }),
    );
    expect(decisionFor('accept:taipei')).toEqual({ decision: 'accept', government: 'taipei' });
    expect(decisionFor('')).toEqual({ decision: null, government: null });
  });
});
