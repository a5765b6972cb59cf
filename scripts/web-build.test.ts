import { describe, expect, it } from 'vitest';
import { hashInputs, needsBuild } from './web-build';

const files = [
  { path: 'src/web/main.tsx', content: 'render()' },
  { path: 'src/core/policy.ts', content: 'export const POLICY = {}' },
  { path: 'vite.config.ts', content: 'export default {}' },
];

describe('whether npm start builds the web app', () => {
  const inputs = hashInputs(files);

  it('builds when there is no built app, or no stamp, or a stamp of other inputs', () => {
    expect(needsBuild({ indexHtml: false, stamp: inputs }, inputs)).toBe(true);
    expect(needsBuild({ indexHtml: true, stamp: null }, inputs)).toBe(true);
    expect(needsBuild({ indexHtml: true, stamp: 'f00d' }, inputs)).toBe(true);
  });

  it('does not build an app built from these very inputs', () => {
    expect(needsBuild({ indexHtml: true, stamp: `${inputs}\n` }, inputs)).toBe(false);
  });

  it('hashes contents and names, whatever the order they are listed in', () => {
    expect(hashInputs([...files].reverse())).toBe(inputs);
    const edited = files.map((f, i) => (i === 0 ? { ...f, content: 'render(1)' } : f));
    expect(hashInputs(edited)).not.toBe(inputs);
    const renamed = files.map((f, i) => (i === 1 ? { ...f, path: 'src/core/rules.ts' } : f));
    expect(hashInputs(renamed)).not.toBe(inputs);
    expect(hashInputs([...files, { path: 'src/web/new.tsx', content: '' }])).not.toBe(inputs);
    expect(hashInputs(files.slice(1))).not.toBe(inputs);
    // Two files whose contents move from one to the other are not the same inputs.
    const a = [
      { path: 'a', content: 'xy' },
      { path: 'b', content: '' },
    ];
    const b = [
      { path: 'a', content: 'x' },
      { path: 'b', content: 'y' },
    ];
    expect(hashInputs(a)).not.toBe(hashInputs(b));
  });

  it('leaves test files out: they are not in the app', () => {
    expect(hashInputs([...files, { path: 'src/core/policy.test.ts', content: 'it()' }])).toBe(
      inputs,
    );
  });
});
