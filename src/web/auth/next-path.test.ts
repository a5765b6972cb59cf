import { describe, expect, it } from 'vitest';
import { safeNextPath, signInPath } from './next-path';

describe('safeNextPath', () => {
  it('follows paths on this site, with their query', () => {
    expect(safeNextPath('/admin/governments/kyoto')).toBe('/admin/governments/kyoto');
    expect(safeNextPath('/admin/audit?entityType=government&entityId=3')).toBe(
      '/admin/audit?entityType=government&entityId=3',
    );
  });

  it('falls back to /admin when there is nowhere to go', () => {
    expect(safeNextPath(null)).toBe('/admin');
    expect(safeNextPath('')).toBe('/admin');
  });

  it.each([
    'https://evil.example/',
    '//evil.example/x',
    '/\\evil.example',
    'javascript:alert(1)',
    '/a\nb',
  ])('refuses to send anyone to %j', (next) => {
    expect(safeNextPath(next)).toBe('/admin');
  });

  it('does not loop back to the sign-in page', () => {
    expect(safeNextPath('/signin?next=/admin')).toBe('/admin');
  });

  it('round-trips through signInPath', () => {
    const path = '/admin/audit?entityType=government&entityId=3';
    const url = new URL(signInPath(path), 'http://localhost');
    expect(url.pathname).toBe('/signin');
    expect(safeNextPath(url.searchParams.get('next'))).toBe(path);
  });
});
