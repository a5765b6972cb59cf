import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { namespaceReport } from './namespace-uses';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const NAMESPACES = fs
  .readdirSync(path.join(repo, 'src/web/i18n/locales/en'))
  .map((file) => file.replace(/\.json$/, ''));

/** The web app's modules (and src/core, which it imports), tests left out. */
function appFiles(): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(repo, dir), { withFileTypes: true })) {
      const relative = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(relative);
      else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
        files.set(relative, fs.readFileSync(path.join(repo, relative), 'utf8'));
      }
    }
  };
  walk('src/web');
  walk('src/core');
  return files;
}

/**
 * A page is rendered only once its code and its namespaces have come (i18n/lazy.ts): were a
 * namespace it uses missing from its loader's list, the page would show catalog keys
 * ("entities.target") where its words belong.
 */
describe('the namespaces each lazily loaded module is given', () => {
  const report = namespaceReport(appFiles(), 'src/web/main.tsx', NAMESPACES);

  it('finds the pages, the chart, the map and the editor', () => {
    const targets = report.lazy.map((entry) => entry.target);
    for (const module of [
      'src/web/climate/ImportsPage.tsx',
      'src/web/admin/Overview.tsx',
      'src/web/components/EChartView.tsx',
      'src/web/components/GeoMapView.tsx',
      'src/web/forms/RichTextEditor.tsx',
    ]) {
      expect(targets).toContain(module);
    }
    expect(report.lazy.find((e) => e.target === 'src/web/climate/ImportsPage.tsx')?.uses).toEqual([
      'admin',
      'climate',
      'importReasons',
    ]);
  });

  it('gives each lazily loaded module exactly the namespaces it and its imports use', () => {
    const wrong = report.lazy
      .filter((entry) => JSON.stringify(entry.given) !== JSON.stringify(entry.uses))
      .map(
        (entry) =>
          `${entry.at} ${entry.target}: given ${JSON.stringify(entry.given)}, uses ${JSON.stringify(entry.uses)}`,
      );
    expect(wrong).toEqual([]);
  });

  it('looks up nothing before the first render in a namespace it does not wait for', () => {
    expect(report.eagerUnwaited).toEqual([]);
  });
});

describe('the namespace check, on planted faults', () => {
  const files = new Map<string, string>([
    [
      'web/main.tsx',
      `import { lazyWithNamespaces } from './lazy';
       import { Frame } from './Frame';
       const Page = lazyWithNamespaces(() => import('./Page'), ['climate']);
       const Bare = React.lazy(() => import('./Bare'));`,
    ],
    [
      'web/Frame.tsx',
      `export function Frame() { const { t } = useTranslation('admin'); return t('climate:imports.title'); }`,
    ],
    [
      'web/Page.tsx',
      `import { reason } from './reasons';
       import type { Shape } from './types-only';
       export default function Page() { const { t } = useTranslation(['climate', 'common']); return reason(t); }`,
    ],
    [
      'web/reasons.ts',
      `const NS = 'importReasons:'; export const reason = (t) => t(\`\${NS}entities.target\`);`,
    ],
    ['web/types-only.ts', `export type Shape = string; const x = 'elections:title';`],
    ['web/Bare.tsx', `export default function Bare() { return i18n.t('x', { ns: 'news' }); }`],
    ['web/lazy.ts', `export function lazyWithNamespaces() {}`],
  ]);
  const report = namespaceReport(files, 'web/main.tsx', NAMESPACES);

  it('finds a namespace a page reaches through a helper, and not one behind a type-only import', () => {
    const page = report.lazy.find((e) => e.target === 'web/Page.tsx');
    expect(page).toMatchObject({ given: ['climate'], uses: ['climate', 'importReasons'] });
  });

  it('finds an import() outside the loader, and a namespace passed as an option', () => {
    expect(report.lazy.find((e) => e.target === 'web/Bare.tsx')).toMatchObject({
      given: null,
      uses: ['news'],
    });
  });

  it('finds a key looked up before the first render in a namespace not waited for', () => {
    expect(report.eagerUnwaited).toEqual([{ file: 'web/Frame.tsx', namespace: 'climate' }]);
  });
});
