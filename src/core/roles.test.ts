import { describe, expect, it } from 'vitest';
import { canEditGovernment } from './roles';

describe('canEditGovernment', () => {
  it('lets admins edit any government', () => {
    expect(canEditGovernment({ userId: 1, role: 'admin', governmentId: null }, 42)).toBe(true);
  });
  it('lets an officer edit only their own government', () => {
    const officer = { userId: 2, role: 'officer' as const, governmentId: 7 };
    expect(canEditGovernment(officer, 7)).toBe(true);
    expect(canEditGovernment(officer, 8)).toBe(false);
  });
  it('lets viewers and the public edit nothing', () => {
    expect(canEditGovernment({ userId: 3, role: 'viewer', governmentId: 7 }, 7)).toBe(false);
    expect(canEditGovernment(null, 7)).toBe(false);
  });
});
