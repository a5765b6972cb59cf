import { describe, expect, it } from 'vitest';
import { attributionLabel, holdsAddress } from './attribution';

const kim = { displayName: 'Kim Ji-won', role: 'admin' as const };

describe('attributionLabel', () => {
  it("shows a user's display name to those who may not read e-mails", () => {
    expect(attributionLabel('kim@secretariat.example', kim, false)).toBe('Kim Ji-won');
  });

  it('shows the e-mail to those who may', () => {
    expect(attributionLabel('kim@secretariat.example', kim, true)).toBe('kim@secretariat.example');
  });

  it('shows the role when the display name is itself an address, or empty', () => {
    expect(
      attributionLabel('kim@secretariat.example', { ...kim, displayName: 'kim@x.example' }, false),
    ).toBe('Secretariat');
    expect(attributionLabel('o@seoul.example', { displayName: '  ', role: 'officer' }, false)).toBe(
      'Member government officer',
    );
  });

  it('never shows an address that names no user', () => {
    expect(attributionLabel('gone@x.example', undefined, false)).toBe('Accord user');
    expect(holdsAddress('Accord user')).toBe(false);
  });

  it('keeps labels that are no address as they are', () => {
    expect(attributionLabel('system', undefined, false)).toBe('system');
    expect(attributionLabel('East Asia secretariat', undefined, false)).toBe(
      'East Asia secretariat',
    );
  });
});
