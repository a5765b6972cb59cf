import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COMPONENT_FILE, findHandMadeFrames, webFiles } from './scroll-frames';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('one scroll frame around wide tables', () => {
  it('finds no hand-made frame (role="region" with a tabIndex) in the pages', () => {
    const files = webFiles(root);
    expect(files.length).toBeGreaterThan(100);
    expect(files).toContain(COMPONENT_FILE);
    const found = files.flatMap((file) =>
      findHandMadeFrames(file, fs.readFileSync(path.join(root, file), 'utf8')),
    );
    expect(
      found.map((f) => `${f.file}:${f.line}`),
      'wrap the table in <ScrollFrame> from src/web/components/ScrollFrame.tsx',
    ).toEqual([]);
  });

  it.each([
    '<div className="table-wrap" role="region" aria-label={caption} tabIndex={0}></div>',
    '<div\n    className="admin-table-wrap"\n    role="region"\n    aria-label={t(\'x\')}\n    tabIndex={0}\n  ></div>',
    '<section tabIndex={-1} role={\'region\'} aria-labelledby="h"></section>',
    '<div role="region" aria-label="x" tabIndex={0} />',
  ])('catches a planted frame: %s', (jsx) => {
    const source = `export const X = () => (\n  ${jsx}\n);\n`;
    expect(findHandMadeFrames('src/web/planted.tsx', source)).toEqual([
      { file: 'src/web/planted.tsx', line: 2 },
    ]);
  });

  it.each([
    // The component itself, used as meant.
    '<ScrollFrame className="admin-table-wrap" label={t(\'x\')}><table /></ScrollFrame>',
    // A named box that is not a scroll frame (the one-time secret).
    '<div className="admin-secret" role="region" aria-label={label}></div>',
    // Focusable, but not a region.
    '<div role="tablist" tabIndex={0}></div>',
  ])('leaves alone what is not a hand-made frame: %s', (jsx) => {
    expect(findHandMadeFrames('src/web/x.tsx', `export const X = () => ${jsx};\n`)).toEqual([]);
  });

  it('lets the component write the frame', () => {
    const frame = 'export const X = () => <div role="region" tabIndex={0}></div>;\n';
    expect(findHandMadeFrames(COMPONENT_FILE, frame)).toEqual([]);
  });
});
