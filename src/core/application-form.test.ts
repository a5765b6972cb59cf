import { describe, expect, it } from 'vitest';
import { checkApplication, slugFromName, type ApplicationInput } from './application-form';

const TODAY = '2025-03-15';

/** A complete application from a Japanese city, as the form sends it. */
const VALID: ApplicationInput = {
  officialName: '松本市',
  officialNameLang: 'ja',
  englishName: 'Matsumoto',
  kind: 'city',
  country: 'JP',
  province: 'Nagano',
  population: 237_000,
  populationYear: 2024,
  areaKm2: 978.47,
  budgetAmount: 120_000_000_000,
  budgetCurrency: 'JPY',
  website: 'https://www.city.matsumoto.nagano.jp',
  cdpAccount: '840123',
  head: {
    name: 'Yoshinao Gaun',
    title: 'Mayor',
    electedOn: '2024-03-10',
    termEndsOn: '2028-03-09',
  },
  political: { name: 'Yoshinao Gaun', title: 'Mayor', email: null, phone: null },
  liaison: {
    name: 'Aiko Tanaka',
    email: 'a.tanaka@city.matsumoto.example',
    phone: '+81 263-34-3000',
  },
  category: 'full-member',
  language: 'ja',
  consent: true,
};

const codes = (input: ApplicationInput) =>
  checkApplication(input, TODAY).map((i) => `${i.pointer} ${i.code}`);

describe('the application form rules', () => {
  it('accept a complete application, and one with only what is required', () => {
    expect(codes(VALID)).toEqual([]);
    expect(
      codes({
        ...VALID,
        province: null,
        areaKm2: null,
        budgetAmount: null,
        budgetCurrency: null,
        website: null,
        cdpAccount: null,
        head: { ...VALID.head, electedOn: null, termEndsOn: null },
        political: { name: 'Aiko Tanaka', title: null, email: null, phone: null },
      }),
    ).toEqual([]);
  });

  it('name each missing required field', () => {
    expect(
      codes({
        ...VALID,
        officialName: ' ',
        englishName: '',
        country: '',
        head: { name: '', title: '', electedOn: null, termEndsOn: null },
        political: { name: '', title: null, email: null, phone: null },
        liaison: { name: '', email: '', phone: '' },
        consent: false,
      }),
    ).toEqual([
      '/officialName required',
      '/englishName required',
      '/country required',
      '/head/name required',
      '/head/title required',
      '/political/name required',
      '/liaison/name required',
      '/liaison/email required',
      '/liaison/phone required',
      '/consent consent',
    ]);
  });

  it('check the form of addresses, numbers, codes and dates', () => {
    expect(
      codes({
        ...VALID,
        officialNameLang: 'Japanese',
        country: 'XX',
        population: 0,
        populationYear: 2026,
        areaKm2: 0,
        budgetAmount: -5,
        budgetCurrency: 'yen',
        website: 'www.example.org',
        cdpAccount: 'A-12',
        head: { ...VALID.head, electedOn: '2025-02-30' },
        political: { ...VALID.political, email: 'nobody', phone: '12' },
        liaison: { ...VALID.liaison, email: 'a@b', phone: 'call me' },
      }),
    ).toEqual([
      '/officialNameLang languageTag',
      '/country country',
      '/population populationRange',
      '/populationYear yearRange',
      '/areaKm2 areaRange',
      '/budgetAmount budgetRange',
      '/budgetCurrency currency',
      '/website url',
      '/cdpAccount cdpAccount',
      '/head/electedOn date',
      '/political/email email',
      '/political/phone phone',
      '/liaison/email email',
      '/liaison/phone phone',
    ]);
  });

  it('want an amount and its currency together', () => {
    expect(codes({ ...VALID, budgetCurrency: null })).toEqual([
      '/budgetCurrency amountWithoutCurrency',
    ]);
    expect(codes({ ...VALID, budgetAmount: null })).toEqual([
      '/budgetAmount currencyWithoutAmount',
    ]);
  });

  it('keep the election in the past and the end of term after it', () => {
    expect(
      codes({ ...VALID, head: { ...VALID.head, electedOn: '2025-03-16', termEndsOn: null } }),
    ).toEqual(['/head/electedOn electedInFuture']);
    expect(codes({ ...VALID, head: { ...VALID.head, termEndsOn: '2024-03-10' } })).toEqual([
      '/head/termEndsOn termBeforeElection',
    ]);
    // This year's count is fine, next year's is not.
    expect(codes({ ...VALID, populationYear: 2025 })).toEqual([]);
  });

  it('bound text lengths and refuse a fractional population', () => {
    expect(codes({ ...VALID, englishName: 'x'.repeat(201), population: 10.5 })).toEqual([
      '/englishName tooLong',
      '/population wholeNumber',
    ]);
  });

  it('refuse what the form never offers (a category of non-member, a language Accord lacks)', () => {
    expect(
      codes({
        ...VALID,
        category: 'non-member' as never,
        language: 'fr' as never,
        kind: 'village' as never,
      }),
    ).toEqual(['/kind kind', '/category category', '/language locale']);
  });
});

describe('slugs from English names', () => {
  it('fold accents, spaces and punctuation into hyphens', () => {
    expect(slugFromName('São Paulo')).toBe('sao-paulo');
    expect(slugFromName('  City of Cape Town (Metro)  ')).toBe('city-of-cape-town-metro');
    expect(slugFromName('Ōsaka-fu')).toBe('osaka-fu');
  });
  it('give nothing for a name with no Latin letters or digits', () => {
    expect(slugFromName('松本市')).toBeNull();
    expect(slugFromName('—')).toBeNull();
  });
  it('stay within 60 characters without a trailing hyphen', () => {
    const slug = slugFromName(`${'a'.repeat(59)} b`) as string;
    expect(slug).toBe('a'.repeat(59));
  });
});
