/**
 * A catalog with what it lacks taken from the English one: the build gives each non-English
 * catalog file its English fallbacks this way (scripts/catalog-fallback.ts), so that a reader
 * never needs the English files for a missing key. Plural forms English has and the language
 * does not use (Korean has only `_other`) are not copied.
 */
export type CatalogTree = { [key: string]: string | CatalogTree };

const PLURAL = /_(zero|one|two|few|many|other)$/;

export function fillFromEnglish(catalog: CatalogTree, english: CatalogTree): CatalogTree {
  const out: CatalogTree = { ...catalog };
  for (const [key, value] of Object.entries(english)) {
    const own = catalog[key];
    if (own === undefined) {
      const plural = PLURAL.exec(key);
      // The language says this plural through its own forms of the same word.
      if (
        plural &&
        Object.keys(catalog).some((k) => k.replace(PLURAL, '') === key.replace(PLURAL, ''))
      )
        continue;
      out[key] = value;
    } else if (typeof own === 'object' && typeof value === 'object') {
      out[key] = fillFromEnglish(own, value);
    }
  }
  return out;
}
