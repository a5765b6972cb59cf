import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

/**
 * package.json's `engines` field is a promise: Accord runs on every Node.js it admits. A
 * dependency that wants a newer Node (cookie 2 and content-disposition 3 want 22) breaks that
 * promise on the oldest release of a line even when it happens to load, so every package in
 * the lock file must admit the first release of each line Accord admits.
 */
interface LockedPackage {
  version?: string;
  engines?: { node?: string } | string[];
  optional?: boolean;
  os?: string[];
  cpu?: string[];
}

const root = new URL('../../', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as {
  engines: { node: string };
};
const lock = JSON.parse(readFileSync(new URL('package-lock.json', root), 'utf8')) as {
  packages: Record<string, LockedPackage>;
};

/** The first release of each major line (18 to 26) that the range admits. */
function firstReleasesOf(range: string): string[] {
  const firsts: string[] = [];
  for (let major = 18; major <= 26; major += 1) {
    const line = `>=${major}.0.0 <${major + 1}.0.0`;
    const candidates = new semver.Range(range).set
      .map((set) => semver.minVersion(`${set.map((c) => c.value).join(' ')} ${line}`))
      .filter((v): v is semver.SemVer => v !== null && semver.satisfies(v, `${range}`))
      .filter((v) => semver.satisfies(v, line));
    const first = candidates.sort(semver.compare)[0];
    if (first) firsts.push(first.version);
  }
  return firsts;
}

/** Packages npm installs on some system (platform builds for others are skipped by npm). */
function installable(pkg: LockedPackage): boolean {
  return !(pkg.optional && (pkg.os !== undefined || pkg.cpu !== undefined));
}

describe('the engines field', () => {
  const range = manifest.engines.node;
  const firsts = firstReleasesOf(range);

  it('admits Node 20, the version Accord is built on, from its first release that runs it', () => {
    expect(firsts).toContain('20.19.0');
    expect(semver.satisfies('20.18.0', range)).toBe(false);
  });

  it('is admitted by every installed package', () => {
    const refusing: string[] = [];
    for (const [path, pkg] of Object.entries(lock.packages)) {
      const wanted = Array.isArray(pkg.engines) ? undefined : pkg.engines?.node;
      if (path === '' || wanted === undefined || !installable(pkg)) continue;
      for (const version of firsts) {
        if (!semver.satisfies(version, wanted)) {
          refusing.push(
            `${path.replace(/^.*node_modules\//, '')}@${pkg.version} wants ${wanted}, not ${version}`,
          );
        }
      }
    }
    expect(refusing).toEqual([]);
  });
});
