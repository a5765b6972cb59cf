import { searchKey } from './names';

/**
 * Whether two names of governments name the same place: "Taipei City" and "Taipei", "Denver, CO"
 * and "Denver", "Ciudad de México (Mexico City)" and "Mexico City", "Guangzhou, Guangdong" and
 * "Guangzhou", "서울특별시" and "서울". A name is cut into its parts (the name and each
 * alternative in brackets), each part loses what administrations add around a city's name (a
 * qualifier after a comma, "City of …", "… Metropolitan Government", 市, 시, 광역시, …), and is
 * folded as the directory folds names for search, without the accents of Latin letters.
 *
 * Only words that name a city's own administration are removed: "County", "Prefecture",
 * "Province", 府, 県, 省 and 都 name another level of government ("Kyoto Prefecture" is not the
 * city of Kyoto), so they stay. A match on these keys is a likely match, for a person to confirm.
 */

/** English and other Latin-script words after a city's name. Longest first. */
const LATIN_SUFFIXES = [
  "municipal people's government",
  "people's government",
  'metropolitan city government',
  'metropolitan government',
  'metropolitan city',
  'metropolitan municipality',
  'special city',
  'special municipality',
  'city government',
  'city council',
  'city hall',
  'city corporation',
  'municipal government',
  'municipal corporation',
  'municipal council',
  'municipality',
  'city',
  'town council',
  'town',
];

/** Words before a city's name ("City of Denver", "Ville de Paris", "Ciudad de México"). */
const LATIN_PREFIXES = [
  "people's government of",
  'city and county of',
  'metropolitan government of',
  'municipal government of',
  'government of the city of',
  'government of',
  'municipality of',
  'city of',
  'town of',
  'ciudad de',
  'municipio de',
  'municipalidad de',
  'alcaldía de',
  'alcaldia de',
  'prefeitura de',
  'prefeitura municipal de',
  'município de',
  'ville de',
  'città di',
  'comune di',
  'stadt',
  'gemeente',
];

/** Romanised suffixes joined by a hyphen: Suwon-si, Kyoto-shi. */
const HYPHEN_SUFFIXES = ['si', 'shi', 'city'];

/** Han, kana and Hangul endings that name a city's administration. Longest first. */
const CJK_SUFFIXES = [
  '市人民政府',
  '人民政府',
  '特別自治市',
  '特别自治市',
  '특별자치시',
  '市政府',
  '市役所',
  '特別市',
  '特别市',
  '直轄市',
  '直辖市',
  '広域市',
  '廣域市',
  '광역시',
  '특별시',
  '시청',
  '市',
  '시',
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const SUFFIX_RE = new RegExp(`^(.*?\\S)\\s+(?:${LATIN_SUFFIXES.map(escape).join('|')})$`, 'iu');
const PREFIX_RE = new RegExp(`^(?:${LATIN_PREFIXES.map(escape).join('|')})\\s+(\\S.*)$`, 'iu');
const HYPHEN_RE = new RegExp(`^(.*\\S)-(?:${HYPHEN_SUFFIXES.join('|')})$`, 'iu');
const CJK_RE = new RegExp(`^(.*?\\S)\\s*(?:${CJK_SUFFIXES.join('|')})$`, 'u');
/** A name of one Han, kana or Hangul character is too short to lose its ending. */
const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** Spaces of every kind as one space, trimmed; NFKC so that full-width forms read as ASCII. */
function tidy(name: string): string {
  return name.normalize('NFKC').replace(/\s+/gu, ' ').trim();
}

/**
 * The parts of a name: the name without its brackets, then each bracketed alternative.
 * "Ciudad de México (Mexico City)" → ["Ciudad de México", "Mexico City"]. Empty parts are left
 * out; a name that is all brackets gives its bracketed parts.
 */
export function nameParts(name: string): string[] {
  const text = tidy(name);
  const inner: string[] = [];
  const outer = text
    .replace(/[(（[［]([^()（）[\]［］]*)[)）\]］]/gu, (_, part: string) => {
      inner.push(part);
      return ' ';
    })
    .replace(/[()（）[\]［］]/gu, ' ');
  const parts = [outer, ...inner].map(tidy).filter((p) => p.length > 0);
  return [...new Set(parts)];
}

/** One step of stripping, or null when nothing more comes off. */
function stripOnce(name: string): string | null {
  // A qualifier after a comma: "Denver, CO", "Guangzhou, Guangdong", "Hague, The".
  const comma = name.search(/[,，、]/u);
  if (comma > 0) return name.slice(0, comma);
  for (const re of [PREFIX_RE, SUFFIX_RE, HYPHEN_RE]) {
    const m = re.exec(name);
    if (m?.[1]) return m[1];
  }
  const cjk = CJK_RE.exec(name);
  if (cjk?.[1] && !(cjk[1].length === 1 && CJK_CHAR.test(cjk[1]))) return cjk[1];
  return null;
}

/**
 * A name without what administrations add around it: "Taipei City" → "Taipei", "City of
 * Denver, CO" → "City of Denver" → "Denver", "서울특별시" → "서울", "広州市" → "広州". Brackets
 * are not read here (see nameParts). Never empty for a non-empty name; idempotent.
 */
export function coreName(name: string): string {
  let current = tidy(name);
  for (;;) {
    const next = stripOnce(current);
    const cleaned = next === null ? '' : tidy(next.replace(/[\s\-–—,，、]+$/u, ''));
    if (!cleaned || cleaned === current) return current;
    current = cleaned;
  }
}

/**
 * Folds a name as search does (case, width, spaces, punctuation), drops Latin accents and
 * writes ß as ss (as upper case does: "STRASSE").
 */
export function foldName(name: string): string {
  return searchKey(
    name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .normalize('NFC'),
  ).replace(/ß/g, 'ss');
}

/**
 * Every key a name is matched by: each part's core, folded. Two names likely name the same
 * government when they share a key (and the country).
 */
export function nameMatchKeys(name: string): string[] {
  const keys = new Set<string>();
  for (const part of nameParts(name)) {
    const key = foldName(coreName(part));
    if (key) keys.add(key);
  }
  return [...keys];
}

/** Whether two names share a match key. */
export function namesLikelySame(a: string, b: string): boolean {
  const keys = new Set(nameMatchKeys(a));
  return nameMatchKeys(b).some((k) => keys.has(k));
}

export interface Point {
  latitude: number;
  longitude: number;
}

/** Great-circle distance in kilometres (haversine, mean Earth radius). */
export function distanceKm(a: Point, b: Point): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * How far apart two records of one city may place it and still be the same city: a city's
 * point is its hall or its centre, and sources differ by a few kilometres.
 */
export const SAME_PLACE_KM = 5;

/** Beyond this distance two places of the same name are not the same government. */
export const DIFFERENT_PLACE_KM = 40;

/** Where both points are known, how they bear on a match: same place, too far, or no word. */
export function placeVerdict(
  a: Partial<Point> | { latitude: number | null; longitude: number | null },
  b: Partial<Point> | { latitude: number | null; longitude: number | null },
): 'same' | 'near' | 'far' | 'unknown' {
  if (a.latitude == null || a.longitude == null || b.latitude == null || b.longitude == null) {
    return 'unknown';
  }
  const km = distanceKm(a as Point, b as Point);
  if (km <= SAME_PLACE_KM) return 'same';
  return km <= DIFFERENT_PLACE_KM ? 'near' : 'far';
}

/** Kinds of government on one level: a city's name may match a city's, not a province's. */
export function kindLevel(kind: string): 'city' | 'region' | 'other' {
  if (['city', 'special-city', 'metropolitan-city', 'special-municipality'].includes(kind)) {
    return 'city';
  }
  if (['county', 'prefecture', 'province'].includes(kind)) return 'region';
  return 'other';
}
