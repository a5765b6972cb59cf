import { describe, expect, it } from 'vitest';
import { configFromEnv } from './config';

describe('configFromEnv', () => {
  it('refuses a first administrator password shorter than any account may have', () => {
    expect(() => configFromEnv({ ACCORD_ADMIN_PASSWORD: 'a' })).toThrow(
      /ACCORD_ADMIN_PASSWORD must be at least 12 characters long, got 1/,
    );
    expect(() => configFromEnv({ ACCORD_ADMIN_PASSWORD: 'x'.repeat(11) })).toThrow(
      /ACCORD_ADMIN_PASSWORD/,
    );
  });

  it('takes a long enough one, and none at all (one is then generated)', () => {
    expect(configFromEnv({ ACCORD_ADMIN_PASSWORD: 'x'.repeat(12) }).adminPassword).toBe(
      'x'.repeat(12),
    );
    expect(configFromEnv({}).adminPassword).toBeUndefined();
  });

  it('names a bad port', () => {
    expect(() => configFromEnv({ PORT: 'eighty' })).toThrow(/PORT must be a port number/);
  });
});
