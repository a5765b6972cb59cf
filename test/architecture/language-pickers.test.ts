import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ALLOW_MARK, findAdHocPickers, RULE_FILE, scannedFiles } from './language-pickers';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('one rule for choosing a name or a text by language', () => {
  it('finds no ad-hoc choice in the pages, the server or the command line', () => {
    const files = scannedFiles(root);
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((file) =>
      findAdHocPickers(file, fs.readFileSync(path.join(root, file), 'utf8')),
    );
    expect(
      found.map((p) => `${p.file}:${p.line} (${p.rule}): ${p.text}`),
      'use displayName, personDisplayName or chooseText from src/core/names.ts',
    ).toEqual([]);
  });

  // The pickers this check was written against, as they stood in the pages and the server.
  it.each([
    'return person.names[locale] ?? person.fullName;',
    '{holder.personNames[locale] ?? holder.fullName}',
    ".map((p) => p.government?.names.en ?? p.office?.name ?? '')",
    "return texts[lang] ?? texts.en ?? Object.values(texts)[0] ?? '';",
    'names.en ?? Object.values(names)[0] ?? fallback;',
    "title: FEED_TITLES[lang] ?? FEED_TITLES.en ?? 'Accord news',",
    'const label = body.names[i18n.language];',
    'const name = g.names.ko || g.names.en;',
  ])('catches a planted picker: %s', (line) => {
    expect(findAdHocPickers('src/web/planted.tsx', `const x = 1;\n${line}\n`)).toMatchObject([
      { file: 'src/web/planted.tsx', line: 2 },
    ]);
  });

  it.each([
    // Filling a form's fields, one per language, is not choosing for a reader.
    "LOCALES.map((lang) => [lang, government.names[lang] ?? '']),",
    "value={item.title[lang] ?? ''}",
    '(resources[lang] ??= {})[ns] = catalog;',
    // A list of names in no particular language.
    'const first = names[0] ?? name;',
    `english: names.en ?? fallbackColumn, // ${ALLOW_MARK}`,
    '// names.en ?? … in a comment',
  ])('leaves alone what is not a choice: %s', (line) => {
    expect(findAdHocPickers('src/server/x.ts', line)).toEqual([]);
  });

  it('lets the rule itself choose', () => {
    expect(findAdHocPickers(RULE_FILE, 'return names[lang] ?? names.en;')).toEqual([]);
  });
});
