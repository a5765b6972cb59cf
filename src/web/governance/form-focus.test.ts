import { describe, expect, it } from 'vitest';
import { firstInvalidField } from './form-focus';

const fields = [
  { pointer: '/guests/0/name', id: 'guest-name' },
  { pointer: '/guests/0/email', id: 'guest-email' },
  { pointer: '/caption/en', id: 'caption-en' },
];

describe('firstInvalidField', () => {
  it("takes the form's order, not the order of the problems", () => {
    expect(
      firstInvalidField(fields, [
        { pointer: '/guests/0/email', detail: 'Already invited.' },
        { pointer: '/guests/0/name', detail: 'is required' },
      ]),
    ).toBe('guest-name');
  });

  it('finds the field a deeper pointer lies inside, and a group through its fallback', () => {
    expect(firstInvalidField(fields, [{ pointer: '/guests/0/email/x', detail: 'd' }])).toBe(
      'guest-email',
    );
    expect(
      firstInvalidField(fields, [{ pointer: '/caption', detail: 'd' }], {
        '/caption': '/caption/en',
      }),
    ).toBe('caption-en');
  });

  it('is null when no field is named', () => {
    expect(firstInvalidField(fields, [{ pointer: '/seats', detail: 'No seats.' }])).toBeNull();
    expect(firstInvalidField(fields, [])).toBeNull();
  });
});
