import { describe, expect, it } from 'vitest';
import { formatInstant, instantToLocalInput, localInputToInstant } from './windows';

describe('instantToLocalInput', () => {
  it("shows a UTC instant as the wall time of the viewer's zone", () => {
    expect(instantToLocalInput('2025-03-01T00:00:00.000Z', 'Asia/Seoul')).toBe('2025-03-01T09:00');
    expect(instantToLocalInput('2025-07-01T16:00:00.000Z', 'America/New_York')).toBe(
      '2025-07-01T12:00',
    );
    // Winter in New York is five hours behind UTC, not four.
    expect(instantToLocalInput('2025-01-15T16:00:00.000Z', 'America/New_York')).toBe(
      '2025-01-15T11:00',
    );
  });

  it('gives an empty input for something that is not an instant', () => {
    expect(instantToLocalInput('soon', 'Asia/Seoul')).toBe('');
  });
});

describe('localInputToInstant', () => {
  it('reads the wall time in the given zone and returns UTC', () => {
    expect(localInputToInstant('2025-03-01T09:00', 'Asia/Seoul')).toBe('2025-03-01T00:00:00.000Z');
    expect(localInputToInstant('2025-07-01T12:00', 'America/New_York')).toBe(
      '2025-07-01T16:00:00.000Z',
    );
    expect(localInputToInstant('2025-11-20T23:30:15', 'Europe/Berlin')).toBe(
      '2025-11-20T22:30:15.000Z',
    );
  });

  it('moves a time skipped by the spring change on by the gap', () => {
    // 02:30 does not exist in New York on 9 March 2025; it is read as 03:30 EDT.
    expect(localInputToInstant('2025-03-09T02:30', 'America/New_York')).toBe(
      '2025-03-09T07:30:00.000Z',
    );
  });

  it('refuses empty, partial and impossible values', () => {
    expect(localInputToInstant('', 'Asia/Seoul')).toBeNull();
    expect(localInputToInstant('2025-03-01', 'Asia/Seoul')).toBeNull();
    expect(localInputToInstant('2025-02-30T10:00', 'Asia/Seoul')).toBeNull();
    expect(localInputToInstant('2025-03-01T10:00', 'Mars/Olympus')).toBeNull();
  });

  it('round-trips with instantToLocalInput', () => {
    const instant = '2026-04-10T03:15:00.000Z';
    expect(localInputToInstant(instantToLocalInput(instant, 'Asia/Tokyo'), 'Asia/Tokyo')).toBe(
      instant,
    );
  });
});

describe('formatInstant', () => {
  it('names the zone the time is given in', () => {
    const text = formatInstant('2025-03-01T00:00:00.000Z', 'en', 'Asia/Seoul');
    expect(text).toContain('2025');
    expect(text).toContain('9:00');
    expect(text).toContain('GMT+9');
  });

  it('returns what it was given when that is not a date', () => {
    expect(formatInstant('later', 'en', 'UTC')).toBe('later');
  });
});
