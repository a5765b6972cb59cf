import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { COUNTRIES, COUNTRY_ALIASES, countryByIso2, countryKey, toIso2 } from './country';

describe('ISO 3166-1 table', () => {
  it('has the 249 assigned entries, each code once', () => {
    expect(COUNTRIES).toHaveLength(249);
    expect(new Set(COUNTRIES.map((c) => c.alpha2)).size).toBe(249);
    expect(new Set(COUNTRIES.map((c) => c.alpha3)).size).toBe(249);
    for (const c of COUNTRIES) {
      expect(c.alpha2).toMatch(/^[A-Z]{2}$/);
      expect(c.alpha3).toMatch(/^[A-Z]{3}$/);
    }
    expect(countryByIso2('kr')).toEqual({
      alpha2: 'KR',
      alpha3: 'KOR',
      name: 'Korea, Republic of',
    });
  });

  it('resolves every code, name and alias to its own country', () => {
    for (const c of COUNTRIES) {
      expect(toIso2(c.alpha2)).toBe(c.alpha2);
      expect(toIso2(c.alpha3.toLowerCase())).toBe(c.alpha2);
      expect(toIso2(c.name)).toBe(c.alpha2);
    }
    for (const [alpha2, names] of Object.entries(COUNTRY_ALIASES)) {
      expect(countryByIso2(alpha2)).toBeDefined();
      for (const name of names) expect([name, toIso2(name)]).toEqual([name, alpha2]);
    }
  });
});

describe('toIso2', () => {
  it.each([
    ['South Korea', 'KR'],
    ['Republic of Korea', 'KR'],
    ['Korea, Republic of', 'KR'],
    ['KOR', 'KR'],
    ["Korea, Democratic People's Republic of", 'KP'],
    ['Taiwan', 'TW'],
    ['Taiwan, Greater China', 'TW'],
    ['Chinese Taipei', 'TW'],
    ['China', 'CN'],
    ["People's Republic of China", 'CN'],
    ['Hong Kong', 'HK'],
    ['Hong Kong SAR, China', 'HK'],
    ['China, Hong Kong Special Administrative Region', 'HK'],
    ['United States of America', 'US'],
    ['USA', 'US'],
    ['United States', 'US'],
    ['u.s.a.', 'US'],
    ['United Kingdom of Great Britain and Northern Ireland', 'GB'],
    ['UK', 'GB'],
    ['Türkiye', 'TR'],
    ['Turkey', 'TR'],
    ['TURKIYE', 'TR'],
    ['Viet Nam', 'VN'],
    ['Russian Federation', 'RU'],
    ['Bolivia (Plurinational State of)', 'BO'],
    ['Bolivia, Plurinational State of', 'BO'],
    ['Iran (Islamic Republic of)', 'IR'],
    ["Côte d'Ivoire", 'CI'],
    ['Cote d’Ivoire', 'CI'],
    ['Dem. Rep. Congo', 'CD'],
    ['Congo (Democratic Republic of the)', 'CD'],
    ['Congo', 'CG'],
    ['The Netherlands', 'NL'],
    ['Netherlands (Kingdom of the)', 'NL'],
    ['  japan  ', 'JP'],
    ['日本', 'JP'],
    ['대한민국', 'KR'],
    ['Curacao', 'CW'],
    ['Gambia, The', 'GM'],
    ['Bahamas, The', 'BS'],
    ['Korea (South)', 'KR'],
    ['North Macedonia, Republic of', 'MK'],
    ['Saint Helena, Ascension and Tristan da Cunha', 'SH'],
  ])('%s → %s', (input, expected) => {
    expect(toIso2(input)).toBe(expected);
  });

  it('returns null for what is not a country', () => {
    for (const input of ['', '   ', 'Atlantis', 'XX', 'ZZZ', 'Europe', 'Kosovo']) {
      expect(toIso2(input)).toBeNull();
    }
  });

  it('ignores case, spacing and punctuation', () => {
    const names = COUNTRIES.map((c) => c.name);
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.boolean(), (name, upper) => {
        const varied = ` ${(upper ? name.toUpperCase() : name.toLowerCase()).replace(/ /g, '  ')} `;
        expect(toIso2(varied)).toBe(toIso2(name));
        expect(countryKey(countryKey(name))).toBe(countryKey(name));
      }),
    );
  });
});

/** Minimal RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += ch;
    }
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));
const cdpDir = join(projectRoot, '../shared/data/cdp');
const cdpPresent = existsSync(cdpDir);

describe('CDP country names', () => {
  if (!cdpPresent && process.env.CI === 'true') {
    it('needs ../shared/data/cdp in CI', () => {
      throw new Error(`CDP data not found at ${cdpDir}; CI=true requires it.`);
    });
    return;
  }
  if (!cdpPresent) {
    console.warn(`\n  SKIPPING the CDP country test: ${cdpDir} not found.\n`);
  }

  it.skipIf(!cdpPresent)(
    `maps every Country of ../shared/data/cdp/*.csv${cdpPresent ? '' : ' (SKIPPED: data absent)'}`,
    () => {
      const files = readdirSync(cdpDir).filter((f) => f.endsWith('.csv'));
      expect(files.length).toBeGreaterThanOrEqual(2);
      const unmapped = new Set<string>();
      const disagreeing = new Set<string>();
      let countries = 0;
      for (const file of files) {
        const [header, ...rows] = parseCsv(readFileSync(join(cdpDir, file), 'utf8'));
        const countryColumn = header?.indexOf('Country') ?? -1;
        const isoColumn = header?.indexOf('iso') ?? -1;
        expect(countryColumn).toBeGreaterThanOrEqual(0);
        for (const row of rows) {
          const country = row[countryColumn];
          if (country === undefined || country === '') continue;
          countries += 1;
          const code = toIso2(country);
          if (code === null) unmapped.add(country);
          // The targets file also carries an alpha-3 code: both must agree.
          const iso = isoColumn >= 0 ? row[isoColumn] : undefined;
          if (iso && iso !== 'NA' && toIso2(iso) !== code) disagreeing.add(`${country} / ${iso}`);
        }
      }
      expect(countries).toBeGreaterThan(1000);
      expect([...unmapped]).toEqual([]);
      expect([...disagreeing]).toEqual([]);
    },
  );
});
