import { describe, expect, it } from 'vitest';
import {
  ACCORD_ACTOR_LABELS,
  ACTOR_KINDS,
  attribution,
  holdsAddress,
  storedAttribution,
} from './attribution';
import { ROLES } from './roles';

const kim = { displayName: 'Kim Ji-won', role: 'admin' as const };

describe('attribution', () => {
  it("shows a user's display name to those who may not read e-mails", () => {
    expect(attribution('kim@secretariat.example', kim, false)).toEqual({
      kind: 'user',
      label: 'Kim Ji-won',
    });
  });

  it('shows the e-mail to those who may', () => {
    expect(attribution('kim@secretariat.example', kim, true)).toEqual({
      kind: 'user',
      label: 'kim@secretariat.example',
    });
  });

  it('shows the role when the display name is itself an address, or empty', () => {
    expect(
      attribution('kim@secretariat.example', { ...kim, displayName: 'kim@x.example' }, false),
    ).toEqual({ kind: 'admin', label: 'Secretariat' });
    expect(attribution('o@seoul.example', { displayName: '  ', role: 'officer' }, false)).toEqual({
      kind: 'officer',
      label: 'Member government officer',
    });
  });

  it('never shows an address that names no user', () => {
    expect(attribution('gone@x.example', undefined, false)).toEqual({
      kind: 'viewer',
      label: 'Accord user',
    });
    expect(holdsAddress('Accord user')).toBe(false);
  });

  it("names Accord's own actors by their kind, so the reader's language can say them", () => {
    expect(attribution('system', undefined, false)).toEqual({ kind: 'system', label: 'system' });
    expect(attribution('demo loader', undefined, true)).toEqual({
      kind: 'demo',
      label: 'demo loader',
    });
    expect(storedAttribution('sign-in from 203.0.113.9')).toEqual({
      kind: 'sign-in',
      label: '203.0.113.9',
    });
  });

  it('keeps labels written by hand as they are', () => {
    expect(attribution('East Asia secretariat', undefined, false)).toEqual({
      kind: 'user',
      label: 'East Asia secretariat',
    });
  });

  it('has a kind for every role and every actor of Accord', () => {
    for (const k of [...ROLES, ...Object.keys(ACCORD_ACTOR_LABELS), 'user', 'sign-in']) {
      expect(ACTOR_KINDS).toContain(k);
    }
    expect(new Set(Object.values(ACCORD_ACTOR_LABELS)).size).toBe(
      Object.keys(ACCORD_ACTOR_LABELS).length,
    );
  });
});
