import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Government } from '../../server/members/schemas';
import {
  blankGovernmentForm,
  governmentCreateBody,
  governmentFormValues,
  governmentPatch,
  parseNumberInput,
  slugFromName,
} from './government-form';

const suwon: Government = {
  id: 3,
  slug: 'suwon',
  kind: 'special-city',
  names: { en: 'Suwon', ko: '수원특례시', th: 'ซูวอน' },
  localLang: 'ko',
  aliases: ['Suwon-si'],
  country: 'KR',
  region: 'east-asia',
  membership: { category: 'full-member', status: 'current', since: '2010-01-01' },
  population: 1_200_000,
  populationYear: 2020,
  latitude: 37.2636,
  longitude: 127.0286,
  isDemo: true,
  areaKm2: 121.04,
  unlocode: null,
  cdpAccount: '54321',
  website: 'https://www.suwon.go.kr',
  officeHolders: [],
  positions: [],
  version: 1,
  createdAt: '2024-01-01T00:00:00Z',
  updatedAt: '2024-01-01T00:00:00Z',
};

describe('governmentPatch', () => {
  it('sends nothing when nothing changed', () => {
    const values = governmentFormValues(suwon);
    expect(governmentPatch(suwon, values)).toEqual({
      patch: {},
      errors: [],
    });
  });

  it('sends only the fields that changed', () => {
    const values = {
      ...governmentFormValues(suwon),
      population: '1,234,567',
      populationYear: '2024',
    };
    expect(governmentPatch(suwon, values).patch).toEqual({
      population: 1_234_567,
      populationYear: 2024,
    });
  });

  it('clears an optional field that was emptied, as null', () => {
    const values = { ...governmentFormValues(suwon), website: '  ', areaKm2: '' };
    expect(governmentPatch(suwon, values).patch).toEqual({
      website: null,
      areaKm2: null,
    });
  });

  it('keeps names in languages the form does not show when a shown one changes', () => {
    const values = governmentFormValues(suwon);
    values.names = { ...values.names, ja: '水原市' };
    expect(governmentPatch(suwon, values).patch).toEqual({
      names: { en: 'Suwon', ko: '수원특례시', th: 'ซูวอน', ja: '水原市' },
    });
  });

  it('reads aliases one per line, without blanks or repeats', () => {
    const values = {
      ...governmentFormValues(suwon),
      aliases: 'Suwon-si\n\n  Suwon City \nSuwon-si',
    };
    expect(governmentPatch(suwon, values).patch).toEqual({
      aliases: ['Suwon-si', 'Suwon City'],
    });
  });

  it('never sends the membership, which follows its years', () => {
    const values = {
      ...governmentFormValues(suwon),
      membershipCategory: 'associate-member' as const,
      membershipStatus: 'suspended' as const,
      membershipSince: '2001-01-01',
      website: 'https://suwon.example',
    };
    expect(governmentPatch(suwon, values).patch).toEqual({ website: 'https://suwon.example' });
    expect(governmentCreateBody('suwon-2', values).body).not.toHaveProperty('membership');
  });

  it('reports text that is not a number and does not send it as a cleared value', () => {
    const values = { ...governmentFormValues(suwon), population: 'about a million' };
    const { patch, errors } = governmentPatch(suwon, values);
    expect(errors).toEqual([{ pointer: '/population', detail: 'must be integer' }]);
    expect(patch).toEqual({});
  });

  it('upper-cases country and UN/LOCODE', () => {
    const values = { ...governmentFormValues(suwon), country: 'kr', unlocode: 'kr swu' };
    expect(governmentPatch(suwon, values).patch).toEqual({
      unlocode: 'KR SWU',
    });
  });

  it('round-trips: the form of any government patches to nothing', () => {
    fc.assert(
      fc.property(
        fc.option(fc.integer({ min: 0, max: 100_000_000 }), { nil: null }),
        fc.option(fc.double({ min: -90, max: 90, noNaN: true }), { nil: null }),
        fc.array(
          fc
            .string({ minLength: 1 })
            .map((s) => s.trim())
            .filter(Boolean),
          {
            maxLength: 4,
          },
        ),
        (population, latitude, aliases) => {
          const unique = [...new Set(aliases.filter((a) => !a.includes('\n')))];
          const government = { ...suwon, population, latitude, aliases: unique };
          const values = governmentFormValues(government);
          const { patch } = governmentPatch(government, values);
          expect(patch).toEqual({});
        },
      ),
    );
  });
});

describe('parseNumberInput', () => {
  it('reads full-width digits and grouping commas', () => {
    expect(parseNumberInput('１，４６３，７２３', 'integer')).toEqual({ value: 1_463_723 });
    expect(parseNumberInput(' 827.83 ', 'decimal')).toEqual({ value: 827.83 });
    expect(parseNumberInput('-33.9', 'decimal')).toEqual({ value: -33.9 });
  });
  it('reads empty as null and refuses words', () => {
    expect(parseNumberInput('', 'integer')).toEqual({ value: null });
    expect(parseNumberInput('1.5', 'integer')).toEqual({ error: 'must be integer' });
    expect(parseNumberInput('12a', 'decimal')).toEqual({ error: 'must be number' });
  });
});

describe('governmentCreateBody', () => {
  it('asks for what a new government cannot do without', () => {
    const { errors } = governmentCreateBody('', blankGovernmentForm());
    expect(errors.map((e) => e.pointer).sort()).toEqual([
      '/country',
      '/names/en',
      '/region',
      '/slug',
    ]);
  });

  it('leaves out optional fields left empty', () => {
    const values = {
      ...blankGovernmentForm(),
      names: { ...blankGovernmentForm().names, en: 'Changwon', ko: '창원특례시' },
      localLang: 'ko',
      country: 'kr',
      region: 'east-asia',
      population: '1 010 000',
      populationYear: '2023',
    };
    expect(governmentCreateBody('changwon', values)).toEqual({
      body: {
        slug: 'changwon',
        names: { en: 'Changwon', ko: '창원특례시' },
        kind: 'city',
        country: 'KR',
        region: 'east-asia',
        localLang: 'ko',
        population: 1_010_000,
        populationYear: 2023,
      },
      errors: [],
    });
  });
});

describe('slugFromName', () => {
  it('makes a web address from an English name', () => {
    expect(slugFromName('New Taipei City')).toBe('new-taipei-city');
    expect(slugFromName('  São Paulo ')).toBe('sao-paulo');
    expect(slugFromName('京都市')).toBe('');
  });
  it('always gives something the server accepts, or nothing', () => {
    fc.assert(
      fc.property(fc.string(), (name) => {
        const slug = slugFromName(name);
        expect(slug === '' || /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)).toBe(true);
        expect(slug.length).toBeLessThanOrEqual(80);
      }),
    );
  });
});
