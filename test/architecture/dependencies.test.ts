import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, areaCycles, areaEdges, cruiseWithRules, violationsOf } from './area-graph';

const PLANTED = path.join(ROOT, 'test/architecture/fixtures/planted');

describe('layering (.dependency-cruiser.cjs)', () => {
  it('holds for the whole repository', async () => {
    const result = await cruiseWithRules(['src', 'test', 'bench']);
    expect(result.modules.length).toBeGreaterThan(300);
    expect(violationsOf(result)).toEqual([]);
  }, 120_000);

  it('has no cycle between areas', async () => {
    const result = await cruiseWithRules(['src']);
    expect(areaCycles(areaEdges(result))).toEqual([]);
  }, 120_000);

  it('catches planted violations', async () => {
    const result = await cruiseWithRules(['src'], PLANTED);
    const found = violationsOf(result).map((v) => `${v.rule}: ${v.from}`);
    expect(found).toContain('kysely-behind-repositories: src/server/planted/service.ts');
    expect(found).toContain('services-receive-repositories: src/server/planted/service.ts');
    expect(found).toContain('core-is-pure: src/core/impure.ts');
    expect(found).toContain('server-keeps-off-the-web: src/server/planted/words.ts');
    expect(areaCycles(areaEdges(result))).toEqual([['src/server/alpha', 'src/server/beta']]);
  }, 120_000);
});

describe('areaCycles', () => {
  it('finds circles of any length and ignores one-way paths', () => {
    const edges = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a', 'd'])],
      ['d', new Set(['e'])],
    ]);
    expect(areaCycles(edges)).toEqual([['a', 'b', 'c']]);
    expect(areaCycles(new Map([['a', new Set(['b'])]]))).toEqual([]);
  });
});
