import type { RunProblem } from '../../../core/climate/import-reasons';
import type { ImportKind } from '../../../core/climate/types';
import { FIELD_ALIASES, FIELDS_OF, IGNORED_HEADERS, LAYOUTS, type Layout } from './layouts';

/** Recognising a file's layout from its headers (the layouts themselves are in layouts.ts). */

/** Ways of writing "CO2 equivalent" after punctuation became spaces: "CO₂e", "co2-eq", "CO2 e". */
const CO2E = /\bco2 ?(?:e|eq|equiv|equivalents?)\b/g;
/** "tCO2e", "ktCO2e": the unit apart from the gas. */
const UNIT_CO2E = /\b(t|kt|mt|gg)co2/g;
/** Tonnes however written; "metric" adds nothing (megatonnes stay "mt"). */
const TONNES = /\b(?:metric )?(?:tonnes|tonne|tons|ton)\b/g;
/** Tonnes in Korean, Japanese and Chinese ("톤CO2e", "トン", "吨", "公噸"), read as "t". */
const CJK_TONNES = /(?:톤|トン|公?吨|公?噸)/g;
/** Han, kana and Hangul: scripts whose words are not always parted by spaces. */
const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}\\u30FC';
/** A space beside such a letter, which people write or leave out ("스코프 1 배출량", "スコープ1排出量"). */
const SPACE_BY_CJK = new RegExp(`\\s+(?=[${CJK}])|(?<=[${CJK}])\\s+`, 'gu');

/**
 * Folds a header for comparison, so that one alias covers every way CDP, OpenClimate's copies
 * and people's own files wrote it: byte-order marks and zero-width spaces go, case does not
 * matter, punctuation (".", "/", "_", "-", brackets, "?", "˚") counts as a space (OpenClimate
 * replaced every space and bracket by a dot; CDP's 2018 headers carry slashes and trailing
 * no-break spaces), and "CO₂e", "CO2-eq", "tonnes" and "tons" are each one word. Headers in
 * Korean, Japanese or Chinese fold the same whether or not their words are spaced.
 */
export function normaliseHeader(header: string): string {
  return (
    header
      // "CO₂" → "CO2", full-width letters → ASCII, no-break spaces → spaces.
      .normalize('NFKC')
      .replace(/[\uFEFF\u200B-\u200D\u2060\u00AD]/g, '')
      .toLowerCase()
      // "+" is kept: "BASIC+" is not "BASIC".
      .replace(/[^\p{L}\p{N}+]+/gu, ' ')
      .replace(CJK_TONNES, ' t ')
      .replace(UNIT_CO2E, '$1 co2')
      .replace(CO2E, 'co2e')
      .replace(TONNES, 't')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(SPACE_BY_CJK, '')
  );
}

/** One column of a file and what Accord reads from it. */
export interface ColumnMatch {
  index: number;
  header: string;
  /** Accord's field, or null when the column maps to nothing. */
  field: string | null;
  /** The column is one Accord knows and reads nothing from on purpose. */
  ignored: boolean;
}

export interface RecognisedLayout {
  layout: Layout;
  /** Accord's field → index of the column holding it. */
  mapping: Partial<Record<string, number>>;
  /** Headers of the file that no field reads and no layout ignores on purpose. */
  unmapped: string[];
  /** Every non-empty column of the header row and what it became. */
  columns: ColumnMatch[];
}

/** No layout of the kind fits the headers; names what the closest one misses. */
export class LayoutNotRecognisedError extends Error {
  constructor(
    readonly kind: ImportKind,
    /** The closest layout and the required headers it could not find. */
    readonly closest: { layoutId: string; missing: string[] },
    /** The header row read (empty when the file had none). */
    readonly headers: readonly string[] = [],
  ) {
    super(
      `The headers do not match any ${kind} layout. Closest: ${closest.layoutId}, which needs ` +
        `the column${closest.missing.length === 1 ? '' : 's'} ` +
        `${closest.missing.map((m) => `"${m}"`).join(', ')}.`,
    );
    this.name = 'LayoutNotRecognisedError';
  }

  /** The same as a code: an empty file (no header row at all), or the columns it lacks. */
  get problem(): RunProblem {
    if (this.headers.length === 0 && this.closest.layoutId === this.kind) {
      return { code: 'file-empty' };
    }
    const { layoutId, missing } = this.closest;
    return {
      code: 'layout-not-recognised',
      params: { kind: this.kind, layout: layoutId, missing },
    };
  }
}

/** Normalised header → field, for a field list; the first field to claim a spelling keeps it. */
function lookup(entries: Iterable<[string, readonly string[] | undefined]>): Map<string, string> {
  const byHeader = new Map<string, string>();
  for (const [field, names] of entries) {
    for (const name of names ?? []) {
      const key = normaliseHeader(name);
      if (key !== '' && !byHeader.has(key)) byHeader.set(key, field);
    }
  }
  return byHeader;
}

const KIND_LOOKUP = new Map<ImportKind, Map<string, string>>();
function kindLookup(kind: ImportKind): Map<string, string> {
  let found = KIND_LOOKUP.get(kind);
  if (!found) KIND_LOOKUP.set(kind, (found = lookup(FIELD_ALIASES[kind].entries())));
  return found;
}

const KIND_IGNORED = new Map<ImportKind, Set<string>>();
function kindIgnored(kind: ImportKind): Set<string> {
  let found = KIND_IGNORED.get(kind);
  if (!found) KIND_IGNORED.set(kind, (found = new Set(IGNORED_HEADERS[kind].map(normaliseHeader))));
  return found;
}

/**
 * Reads the headers as a layout would: a header is the layout's own spelling of a field, else
 * any spelling the field has had (FIELD_ALIASES), else one the layout ignores on purpose. The
 * first of two headers meaning one field wins, as a reader of the sheet would assume.
 */
function mapHeaders(layout: Layout, headers: readonly string[]) {
  const own = lookup(Object.entries(layout.columns) as [string, readonly string[]][]);
  const byMeaning = layout.saved ? new Map<string, string>() : kindLookup(layout.kind);
  const ignored = new Set([
    ...(layout.ignored ?? []).map(normaliseHeader),
    ...(layout.saved ? [] : kindIgnored(layout.kind)),
  ]);
  const mapping: Partial<Record<string, number>> = {};
  const columns: ColumnMatch[] = [];
  let ownHits = 0;
  headers.forEach((header, index) => {
    const key = normaliseHeader(header);
    if (key === '') return;
    const mine = own.get(key);
    const field = mine ?? byMeaning.get(key) ?? null;
    if (field !== null && mapping[field] === undefined) {
      mapping[field] = index;
      if (mine !== undefined) ownHits += 1;
      columns.push({ index, header, field, ignored: false });
    } else {
      columns.push({ index, header, field: null, ignored: ignored.has(key) });
    }
  });
  const missing: (string | readonly string[])[] = [
    ...layout.required.filter((field) => mapping[field] === undefined),
    ...(layout.requiredOneOf ?? []).filter((set) => set.every((f) => mapping[f] === undefined)),
  ];
  const unmapped = columns.filter((c) => c.field === null && !c.ignored).map((c) => c.header);
  return {
    mapping,
    columns,
    missing,
    unmapped,
    ownHits,
    coverage: Object.keys(mapping).length,
  };
}

/**
 * Picks the layout of the kind whose required columns are all present; when several fit, the
 * one whose own spellings match the most headers (the file's year), then the one that reads the
 * most columns, then the first listed. Saved layouts (`extra`) take part like the built-in ones. Throws
 * LayoutNotRecognisedError naming the required columns the closest layout could not find.
 */
export function recogniseLayout(
  kind: ImportKind,
  headers: readonly string[],
  layouts: readonly Layout[] = LAYOUTS,
): RecognisedLayout {
  const candidates = layouts
    .filter((layout) => layout.kind === kind)
    .map((layout) => ({ layout, ...mapHeaders(layout, headers) }));
  // Of layouts that read a file alike, the first listed (the newest year) names it.
  const fitting = candidates
    .filter((c) => c.missing.length === 0)
    .sort(
      (a, b) =>
        b.ownHits - a.ownHits || b.coverage - a.coverage || a.unmapped.length - b.unmapped.length,
    );
  const best = fitting[0];
  if (best) {
    return {
      layout: best.layout,
      mapping: best.mapping,
      unmapped: best.unmapped,
      columns: best.columns,
    };
  }
  const closest = [...candidates].sort(
    (a, b) => a.missing.length - b.missing.length || b.ownHits - a.ownHits,
  )[0];
  if (!closest) throw new Error(`no layouts for ${kind}`);
  throw new LayoutNotRecognisedError(
    kind,
    {
      layoutId: closest.layout.id,
      missing: closest.missing.map((need) => {
        const header = (field: string) =>
          (closest.layout.columns as Record<string, string[]>)[field]?.[0] ?? field;
        return typeof need === 'string' ? header(need) : need.map(header).join('" or "');
      }),
    },
    headers,
  );
}

/**
 * What Accord would read from each column by meaning alone, for the mapping step: the field a
 * header's spelling has meant in any layout of the kind, or null.
 */
export function suggestMapping(kind: ImportKind, headers: readonly string[]): ColumnMatch[] {
  const byMeaning = kindLookup(kind);
  const ignored = kindIgnored(kind);
  const taken = new Set<string>();
  const columns: ColumnMatch[] = [];
  headers.forEach((header, index) => {
    const key = normaliseHeader(header);
    if (key === '') return;
    const field = byMeaning.get(key) ?? null;
    if (field !== null && !taken.has(field) && FIELDS_OF[kind].includes(field)) {
      taken.add(field);
      columns.push({ index, header, field, ignored: false });
    } else {
      columns.push({ index, header, field: null, ignored: ignored.has(key) });
    }
  });
  return columns;
}
