/**
 * Finds ad-hoc choices of a language in source text: code that indexes something stored by
 * language (names, titles, captions, translations) with the reader's language and falls back
 * by itself (`names[locale] ?? fullName`, `texts.en ?? Object.values(texts)[0]`). Such choices
 * drift from the one rule in src/core/names.ts (a Chinese reader's other script, a place's
 * local-script name with the English one beside it), so that one person is written two ways on
 * one page. A line that means it (an export's column "English name") says so with the comment
 * `language-choice: not a reader's choice`.
 */
import fs from 'node:fs';
import path from 'node:path';

export const RULE_FILE = 'src/core/names.ts';
export const ALLOW_MARK = "language-choice: not a reader's choice";

/** A fallback that is not an empty default (`?? ''` fills a form field, it does not choose). */
const FALLBACK = String.raw`(?:\?\?(?!=)|\|\|)(?!\s*(?:''|""|\{\s*\}|\[\s*\]))`;

const PATTERNS: { name: string; pattern: RegExp }[] = [
  {
    name: 'names indexed by language with a fallback',
    pattern: new RegExp(String.raw`[Nn]ames\??\.?\[(?!\d)[^\]]+\]\s*` + FALLBACK),
  },
  {
    name: 'the English name with a fallback',
    pattern: new RegExp(String.raw`[Nn]ames\??\.en\s*` + FALLBACK),
  },
  {
    name: 'a fallback to the English name',
    pattern: /(?:\?\?|\|\|)\s*[\w.?]*[Nn]ames\??\.en\b/,
  },
  {
    name: "a text indexed by the reader's language with a fallback",
    pattern: new RegExp(
      String.raw`\[(?:locale|lang|language|viewer|reader|requested|i18n\.language)\]\s*` + FALLBACK,
    ),
  },
  { name: 'English, else the first text', pattern: /\.en\s*\?\?\s*Object\.values\(/ },
  { name: "an object indexed by the interface's language", pattern: /\[i18n\.language\]/ },
];

export interface AdHocPicker {
  file: string;
  line: number;
  rule: string;
  text: string;
}

/** The ad-hoc pickers in one file's text. */
export function findAdHocPickers(file: string, source: string): AdHocPicker[] {
  if (file === RULE_FILE) return [];
  const found: AdHocPicker[] = [];
  source.split('\n').forEach((text, index) => {
    const code = text.trim();
    if (code.startsWith('//') || code.startsWith('*') || code.startsWith('/*')) return;
    if (text.includes(ALLOW_MARK)) return;
    for (const { name, pattern } of PATTERNS) {
      if (pattern.test(text)) {
        found.push({ file, line: index + 1, rule: name, text: code });
        break;
      }
    }
  });
  return found;
}

/** The pages' and the server's source files (not tests, not the demo's data). */
export function scannedFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = path.posix.join(dir, entry.name);
      if (entry.isDirectory()) walk(rel);
      else if (
        /\.tsx?$/.test(entry.name) &&
        !/\.test\.tsx?$|test-helpers?\.tsx?$|test-support\.ts$/.test(entry.name)
      ) {
        out.push(rel);
      }
    }
  };
  walk('src/web');
  walk('src/server');
  walk('src/cli');
  return out;
}
