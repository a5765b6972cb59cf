import type { ImportKind } from '../../../core/climate/types';
import { LAYOUTS, type Layout } from './layouts';

/** Recognising a file's layout from its headers (the layouts themselves are in layouts.ts). */

/**
 * Folds a header for comparison: byte-order marks and zero-width spaces (which CDP's exports
 * carry) go, whitespace collapses, case does not matter, and a dot counts as a space because the
 * OpenClimate-cleaned files replaced every space and bracket by a dot.
 */
export function normaliseHeader(header: string): string {
  return header
    .replace(/[\uFEFF\u200B-\u200D]/g, '')
    .replace(/\./g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

export interface RecognisedLayout {
  layout: Layout;
  /** Accord's field → index of the column holding it. */
  mapping: Partial<Record<string, number>>;
  /** Headers of the file that no field of the layout uses. */
  unmapped: string[];
}

/** No layout of the kind fits the headers; names what the closest one misses. */
export class LayoutNotRecognisedError extends Error {
  constructor(
    readonly kind: ImportKind,
    /** The closest layout and the required headers it could not find. */
    readonly closest: { layoutId: string; missing: string[] },
  ) {
    super(
      `The headers do not match any ${kind} layout. Closest: ${closest.layoutId}, which needs ` +
        `the column${closest.missing.length === 1 ? '' : 's'} ` +
        `${closest.missing.map((m) => `"${m}"`).join(', ')}.`,
    );
    this.name = 'LayoutNotRecognisedError';
  }
}

function mapHeaders(layout: Layout, headers: readonly string[]) {
  const byHeader = new Map<string, number>();
  headers.forEach((header, index) => {
    const key = normaliseHeader(header);
    // The first of two identical headers wins, as a reader of the sheet would assume.
    if (key !== '' && !byHeader.has(key)) byHeader.set(key, index);
  });
  const mapping: Partial<Record<string, number>> = {};
  const used = new Set<number>();
  for (const [field, variants] of Object.entries(layout.columns) as [string, string[]][]) {
    for (const variant of variants) {
      const index = byHeader.get(normaliseHeader(variant));
      if (index !== undefined && !used.has(index)) {
        mapping[field] = index;
        used.add(index);
        break;
      }
    }
  }
  const missing = layout.required.filter((field) => mapping[field] === undefined);
  const unmapped = headers.filter(
    (header, index) => !used.has(index) && normaliseHeader(header) !== '',
  );
  return { mapping, missing, unmapped, coverage: used.size };
}

/**
 * Picks the layout of the kind whose required columns are all present; when several fit, the
 * one that reads the most columns. Throws LayoutNotRecognisedError naming the required columns
 * the closest layout could not find.
 */
export function recogniseLayout(
  kind: ImportKind,
  headers: readonly string[],
  layouts: readonly Layout[] = LAYOUTS,
): RecognisedLayout {
  const candidates = layouts
    .filter((layout) => layout.kind === kind)
    .map((layout) => ({ layout, ...mapHeaders(layout, headers) }));
  const fitting = candidates
    .filter((c) => c.missing.length === 0)
    .sort((a, b) => b.coverage - a.coverage || a.unmapped.length - b.unmapped.length);
  const best = fitting[0];
  if (best) return { layout: best.layout, mapping: best.mapping, unmapped: best.unmapped };
  const closest = [...candidates].sort(
    (a, b) => a.missing.length - b.missing.length || b.coverage - a.coverage,
  )[0];
  if (!closest) throw new Error(`no layouts for ${kind}`);
  throw new LayoutNotRecognisedError(kind, {
    layoutId: closest.layout.id,
    missing: closest.missing.map(
      (field) => (closest.layout.columns as Record<string, string[]>)[field]?.[0] ?? field,
    ),
  });
}
