import { describe, expect, it } from 'vitest';
import { groupTargets, parentCandidates } from './targets';
import { kyotoTarget } from './fixtures.test-helpers';

describe('groupTargets', () => {
  const netZero = kyotoTarget({ id: 1, targetYear: 2050, type: 'fixed-level' });
  const interim2030 = kyotoTarget({ id: 2, targetYear: 2030, parentTargetId: 1 });
  const interim2025 = kyotoTarget({ id: 3, targetYear: 2025, parentTargetId: 1 });
  const coal = kyotoTarget({ id: 4, targetYear: 2023, type: 'fuel-phase-out' });
  const orphan = kyotoTarget({ id: 5, targetYear: 2035, parentTargetId: 99 });

  it('nests interim targets under their end target, latest end target first', () => {
    const groups = groupTargets([interim2030, coal, netZero, orphan, interim2025]);
    expect(groups.map((g) => [g.target.id, g.interims.map((i) => i.id)])).toEqual([
      [1, [3, 2]],
      [5, []],
      [4, []],
    ]);
  });

  it('offers only end targets other than the target itself as parents', () => {
    expect(parentCandidates([netZero, interim2030, coal], 4).map((t) => t.id)).toEqual([1]);
  });
});
