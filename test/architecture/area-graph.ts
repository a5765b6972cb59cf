/**
 * Reads Accord's import graph with dependency-cruiser and answers the questions the
 * architecture tests ask: which rules of .dependency-cruiser.cjs are broken, and which areas
 * depend on each other in a circle.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { cruise, type ICruiseResult, type IConfiguration } from 'dependency-cruiser';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

const require = createRequire(import.meta.url);
export const ROOT = path.resolve(import.meta.dirname, '../..');
const config = require(path.join(ROOT, '.dependency-cruiser.cjs')) as IConfiguration;

/** Cruises the given paths (relative to baseDir) with Accord's rules. */
export async function cruiseWithRules(paths: string[], baseDir = ROOT): Promise<ICruiseResult> {
  const tsConfig = extractTSConfig(path.join(ROOT, 'tsconfig.json'));
  const result = await cruise(
    paths,
    {
      ...config.options,
      baseDir,
      ruleSet: { forbidden: config.forbidden ?? [] },
      validate: true,
    },
    {},
    { tsConfig },
  );
  return (
    typeof result.output === 'string' ? JSON.parse(result.output) : result.output
  ) as ICruiseResult;
}

export interface Violation {
  rule: string;
  from: string;
  to: string;
}

export function violationsOf(result: ICruiseResult): Violation[] {
  return result.summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to }));
}

const isTest = (p: string) => /\.test\.tsx?$|\/test-support\.ts$/.test(p);

/**
 * The area a module belongs to: the folder directly under src/server or src/web, src/core,
 * src/cli; a file directly in src/server (app.ts, store.ts, …) is a node of its own.
 */
export function areaOf(modulePath: string): string | null {
  const m = /^src\/(server|web)\/([^/]+)(\/)?/.exec(modulePath);
  if (m) return m[3] ? `src/${m[1]}/${m[2]}` : modulePath;
  if (modulePath.startsWith('src/core/')) return 'src/core';
  if (modulePath.startsWith('src/cli/')) return 'src/cli';
  return null;
}

/** Area → the areas it imports at run time (type-only imports and tests left out). */
export function areaEdges(result: ICruiseResult): Map<string, Set<string>> {
  const edges = new Map<string, Set<string>>();
  for (const module of result.modules) {
    if (isTest(module.source)) continue;
    const from = areaOf(module.source);
    if (!from) continue;
    for (const dep of module.dependencies) {
      if (dep.dependencyTypes.includes('type-only')) continue;
      const to = areaOf(dep.resolved);
      if (!to || to === from || isTest(dep.resolved)) continue;
      if (!edges.has(from)) edges.set(from, new Set());
      edges.get(from)?.add(to);
    }
  }
  return edges;
}

/** The groups of two or more areas that reach each other (strongly connected components). */
export function areaCycles(edges: Map<string, Set<string>>): string[][] {
  const nodes = new Set<string>([...edges.keys(), ...[...edges.values()].flatMap((s) => [...s])]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  let next = 0;
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next);
    next += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
      }
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string | undefined;
      do {
        w = stack.pop();
        if (w === undefined) break;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) groups.push(group.sort());
    }
  };
  for (const v of [...nodes].sort()) if (!index.has(v)) visit(v);
  return groups;
}
