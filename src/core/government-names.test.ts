import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  coreName,
  distanceKm,
  foldName,
  kindLevel,
  nameMatchKeys,
  nameParts,
  namesLikelySame,
  placeVerdict,
} from './government-names';
import { searchKey } from './names';

describe('nameParts', () => {
  it('splits bracketed alternatives from the name', () => {
    expect(nameParts('Ciudad de México (Mexico City)')).toEqual([
      'Ciudad de México',
      'Mexico City',
    ]);
    expect(nameParts('Taipei（臺北市）')).toEqual(['Taipei', '臺北市']);
    expect(nameParts('  Kyoto  ')).toEqual(['Kyoto']);
    expect(nameParts('(Seoul)')).toEqual(['Seoul']);
    expect(nameParts('Oslo (')).toEqual(['Oslo']);
    expect(nameParts('')).toEqual([]);
  });
});

describe('coreName', () => {
  it.each([
    ['Taipei City', 'Taipei'],
    ['Taipei City Government', 'Taipei'],
    ['Denver, CO', 'Denver'],
    ['City of Denver, CO', 'Denver'],
    ['City and County of Denver', 'Denver'],
    ['Guangzhou, Guangdong', 'Guangzhou'],
    ['Ciudad de México', 'México'],
    ['Mexico City', 'Mexico'],
    ['Seoul Metropolitan Government', 'Seoul'],
    ['Busan Metropolitan City', 'Busan'],
    ["People's Government of Guangzhou Municipality", 'Guangzhou'],
    ['Suwon-si', 'Suwon'],
    ['Ville de Paris', 'Paris'],
    ['서울특별시', '서울'],
    ['부산광역시', '부산'],
    ['세종특별자치시', '세종'],
    ['수원시', '수원'],
    ['広州市', '広州'],
    ['广州市人民政府', '广州'],
    ['臺北市', '臺北'],
    ['横浜市役所', '横浜'],
  ])('%s → %s', (name, core) => {
    expect(coreName(name)).toBe(core);
  });

  it('keeps the words of other levels of government', () => {
    expect(coreName('Kyoto Prefecture')).toBe('Kyoto Prefecture');
    expect(coreName('Los Angeles County')).toBe('Los Angeles County');
    expect(coreName('京都府')).toBe('京都府');
    expect(coreName('東京都')).toBe('東京都');
    expect(coreName('Gyeonggi Province')).toBe('Gyeonggi Province');
  });

  it('never strips a name to nothing', () => {
    expect(coreName('City')).toBe('City');
    expect(coreName('市')).toBe('市');
    expect(coreName('津市')).toBe('津市');
    expect(coreName('City of')).toBe('City of');
    expect(coreName(', CO')).toBe(', CO');
    expect(coreName('Metropolitan City')).toBe('Metropolitan');
  });
});

describe('nameMatchKeys and namesLikelySame', () => {
  it.each([
    ['Taipei City', 'Taipei'],
    ['Denver, CO', 'Denver'],
    ['Ciudad de México (Mexico City)', 'Mexico City'],
    ['Ciudad de México (Mexico City)', 'Ciudad de México'],
    ['Guangzhou, Guangdong', 'Guangzhou'],
    ['TAIPEI  CITY', 'taipei'],
    ['Ｔａｉｐｅｉ', 'Taipei'],
    ['Bogotá', 'Bogota'],
    ['São Paulo', 'Sao Paulo'],
    ['Seoul Metropolitan Government', 'Seoul'],
    ['서울특별시', '서울'],
  ])('%s ~ %s', (a, b) => {
    expect(namesLikelySame(a, b)).toBe(true);
    expect(namesLikelySame(b, a)).toBe(true);
  });

  it.each([
    ['Kyoto Prefecture', 'Kyoto'],
    ['Los Angeles County', 'Los Angeles'],
    ['Denver', 'Dover'],
    ['京都府', '京都市'],
    ['New Taipei City', 'Taipei'],
  ])('%s ≁ %s', (a, b) => {
    expect(namesLikelySame(a, b)).toBe(false);
  });

  it('gives one key per part', () => {
    expect(nameMatchKeys('Ciudad de México (Mexico City)')).toEqual(['mexico']);
    expect(nameMatchKeys('Taipei (臺北市)')).toEqual(['taipei', '臺北']);
    expect(nameMatchKeys('  ')).toEqual([]);
  });
});

const word = fc.stringMatching(/^[A-Za-zÀ-ÿ]{2,12}$/);
const hangul = fc.stringMatching(/^[가-힣]{2,5}$/);
const han = fc.stringMatching(/^[一-龥]{2,4}$/);

describe('properties', () => {
  it('coreName, foldName and nameMatchKeys are idempotent', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const core = coreName(s);
        expect(coreName(core)).toBe(core);
        const folded = foldName(s);
        expect(foldName(folded)).toBe(folded);
        for (const key of nameMatchKeys(s)) expect(nameMatchKeys(key)).toEqual([key]);
      }),
    );
  });

  it('a name is never stripped to nothing', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        if (s.normalize('NFKC').trim()) expect(coreName(s)).not.toBe('');
      }),
    );
  });

  it('ignores case, width, spacing and accents', () => {
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 3 }), (words) => {
        const name = words.join(' ');
        expect(namesLikelySame(name, name.toUpperCase())).toBe(true);
        expect(namesLikelySame(name, `  ${words.join('   ')} `)).toBe(true);
        expect(namesLikelySame(name, name.normalize('NFD'))).toBe(true);
      }),
    );
  });

  it('an administrative ending or a qualifier does not hide the name', () => {
    fc.assert(
      fc.property(word, word, (name, qualifier) => {
        expect(namesLikelySame(`${name} City`, name)).toBe(true);
        expect(namesLikelySame(`City of ${name}`, name)).toBe(true);
        expect(namesLikelySame(`${name}, ${qualifier}`, name)).toBe(true);
        expect(namesLikelySame(`${qualifier} (${name})`, name)).toBe(true);
      }),
    );
    fc.assert(
      fc.property(hangul, han, (ko, zh) => {
        expect(namesLikelySame(`${ko}시`, `${ko}특별시`)).toBe(true);
        expect(namesLikelySame(`${zh}市`, zh)).toBe(true);
      }),
    );
  });

  it('a match key is a search key: what matches can be found by search', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        for (const key of nameMatchKeys(s)) expect(searchKey(key)).toBe(key);
      }),
    );
  });
});

describe('places and kinds', () => {
  it('measures distances on the sphere', () => {
    // Denver to Boulder: about 39 km.
    const km = distanceKm(
      { latitude: 39.7392, longitude: -104.9903 },
      { latitude: 40.015, longitude: -105.2705 },
    );
    expect(km).toBeGreaterThan(37);
    expect(km).toBeLessThan(41);
    expect(
      distanceKm({ latitude: 0, longitude: 179.9 }, { latitude: 0, longitude: -179.9 }),
    ).toBeLessThan(23);
  });

  it('says same, near, far or unknown', () => {
    const denver = { latitude: 39.7392, longitude: -104.9903 };
    expect(placeVerdict(denver, { latitude: 39.74, longitude: -104.99 })).toBe('same');
    expect(placeVerdict(denver, { latitude: 39.9, longitude: -105.1 })).toBe('near');
    expect(placeVerdict(denver, { latitude: 35, longitude: 139 })).toBe('far');
    expect(placeVerdict(denver, { latitude: null, longitude: null })).toBe('unknown');
  });

  it('groups kinds by level', () => {
    expect(kindLevel('special-municipality')).toBe('city');
    expect(kindLevel('prefecture')).toBe('region');
    expect(kindLevel('association')).toBe('other');
  });
});
