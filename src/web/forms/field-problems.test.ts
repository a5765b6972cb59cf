import { describe, expect, it } from 'vitest';
import { assignFieldErrors, fieldDetailKey } from './field-problems';

describe('assignFieldErrors', () => {
  const fields = ['/names/en', '/names/ja', '/population', '/membership/category'];

  it('puts an error beside the field its pointer names', () => {
    const { byField, unassigned } = assignFieldErrors(
      [{ pointer: '/population', detail: 'must be >= 0' }],
      fields,
    );
    expect(byField.get('/population')).toEqual(['must be >= 0']);
    expect(unassigned).toEqual([]);
  });

  it('gives a pointer inside a field to that field, the longest match winning', () => {
    const { byField } = assignFieldErrors(
      [{ pointer: '/names/ja/0', detail: 'is invalid' }],
      ['/names', '/names/ja'],
    );
    expect(byField.get('/names/ja')).toEqual(['is invalid']);
    expect(byField.has('/names')).toBe(false);
  });

  it('sends a group pointer to its fallback field, and keeps the rest for the summary', () => {
    const { byField, unassigned } = assignFieldErrors(
      [
        { pointer: '/names', detail: 'is required' },
        { pointer: '/slug', detail: 'is required' },
      ],
      fields,
      { '/names': '/names/en' },
    );
    expect(byField.get('/names/en')).toEqual(['is required']);
    expect(unassigned).toEqual([{ pointer: '/slug', detail: 'is required' }]);
  });

  it('does not repeat the same message twice for one field', () => {
    const { byField } = assignFieldErrors(
      [
        { pointer: '/population', detail: 'must be integer' },
        { pointer: '/population', detail: 'must be integer' },
      ],
      fields,
    );
    expect(byField.get('/population')).toEqual(['must be integer']);
  });

  it('does not confuse a field with another that shares its prefix', () => {
    const { byField, unassigned } = assignFieldErrors(
      [{ pointer: '/populationYear', detail: 'must be <= 2100' }],
      ['/population'],
    );
    expect(byField.size).toBe(0);
    expect(unassigned).toHaveLength(1);
  });
});

describe('fieldDetailKey', () => {
  it.each([
    ['must be >= 0', 'min', { limit: 0 }],
    ['must be <= 100000000', 'max', { limit: 100000000 }],
    ['must be > 0', 'exclusiveMin', { limit: 0 }],
    ['must be integer', 'integer', {}],
    ['must match pattern "^[A-Z]{2}$"', 'pattern', {}],
    ['must match format "uri"', 'url', {}],
    ['must match format "email"', 'email', {}],
    ['is required', 'required', {}],
    ['must NOT have fewer than 12 characters', 'minLength', { limit: 12 }],
    ['an English name is required', 'englishNameRequired', {}],
    ['there is no name in "ko"', 'noNameIn', { language: 'ko' }],
    ['already used by kyoto', 'usedBy', { other: 'kyoto' }],
    ['no government "atlantis"', 'noGovernment', { slug: 'atlantis' }],
  ])('reads "%s"', (detail, key, values) => {
    expect(fieldDetailKey(detail)).toEqual({ key, values });
  });

  it('leaves messages it does not know to be shown as they are', () => {
    expect(fieldDetailKey('the moon is not a city')).toBeNull();
  });
});
