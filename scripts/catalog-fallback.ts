/**
 * A Vite plugin of ours: each non-English catalog file (src/web/i18n/locales/<lang>/<ns>.json)
 * is built with the keys it lacks taken from English (fillFromEnglish), so the web app can
 * load only the reader's language and still show English for a word not yet translated.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { fillFromEnglish, type CatalogTree } from '../src/web/i18n/fill-from-english.ts';

const CATALOG = /[\\/]i18n[\\/]locales[\\/]([^\\/]+)[\\/]([^\\/]+)\.json$/;

export function catalogFallback(): Plugin {
  return {
    name: 'accord-catalog-fallback',
    enforce: 'pre',
    load(id) {
      const match = CATALOG.exec(id);
      if (!match || match[1] === 'en') return null;
      const english = path.join(path.dirname(path.dirname(id)), 'en', `${match[2]}.json`);
      if (!fs.existsSync(english)) return null;
      this.addWatchFile(english);
      const read = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as CatalogTree;
      return JSON.stringify(fillFromEnglish(read(id), read(english)));
    },
  };
}
