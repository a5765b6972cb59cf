import { describe, expect, it } from 'vitest';
import { bodyCreateRequest, emptyBodyForm, slugFromName } from './body-form';

describe('slugFromName', () => {
  it('makes a readable ASCII slug from an English name', () => {
    expect(slugFromName('Green Circular Cities Coalition')).toBe('green-circular-cities-coalition');
    expect(slugFromName('  São Paulo — Clean Air!  ')).toBe('sao-paulo-clean-air');
  });

  it('gives nothing for a name without Latin letters, so the slug must be typed', () => {
    expect(slugFromName('동아시아 청정대기 도시')).toBe('');
  });

  it('keeps to 80 characters without a trailing hyphen', () => {
    const slug = slugFromName(`${'a'.repeat(79)} b`);
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith('-')).toBe(false);
  });
});

describe('bodyCreateRequest', () => {
  it('sends the names given, trimmed, with the slug and kind', () => {
    const { request, problems } = bodyCreateRequest({
      ...emptyBodyForm(),
      slug: 'clean-air-cities',
      names: { en: ' Clean Air Cities ', ko: '청정대기 도시', ja: '  ' },
    });
    expect(problems).toEqual([]);
    expect(request).toEqual({
      slug: 'clean-air-cities',
      kind: 'network',
      names: { en: 'Clean Air Cities', ko: '청정대기 도시' },
      region: null,
    });
  });

  it('names every missing or wrong field', () => {
    const { request, problems } = bodyCreateRequest({
      ...emptyBodyForm(),
      kind: 'rexcom',
      slug: 'Not A Slug',
      names: { ko: '위원회' },
    });
    expect(request).toBeNull();
    expect(problems.map((p) => p.pointer)).toEqual(['/names/en', '/slug', '/region']);
  });
});
