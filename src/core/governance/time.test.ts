import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isTimeZone, offsetMinutesAt, parseInstant, utcToZoned, zonedTimeToUtc } from './time';

describe('isTimeZone', () => {
  it('accepts IANA names and rejects the rest', () => {
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Asia/Seoul')).toBe(true);
    expect(isTimeZone('America/Toronto')).toBe(true);
    expect(isTimeZone('')).toBe(false);
    expect(isTimeZone('   ')).toBe(false);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});

describe('parseInstant', () => {
  it('reads instants that carry a zone', () => {
    expect(parseInstant('2020-11-26T05:00:00.000Z')).toBe(Date.UTC(2020, 10, 26, 5));
    // 14:00 at +09:00 is 05:00 UTC.
    expect(parseInstant('2020-11-26T14:00+09:00')).toBe(Date.UTC(2020, 10, 26, 5));
  });

  it('refuses zone-less strings, which would be read in the server zone', () => {
    expect(() => parseInstant('2020-11-26T05:00:00')).toThrow(RangeError);
    expect(() => parseInstant('2020-11-26')).toThrow(RangeError);
    expect(() => parseInstant('yesterday')).toThrow(RangeError);
  });
});

describe('offsetMinutesAt', () => {
  it('knows fixed and seasonal offsets', () => {
    // Seoul is UTC+9 all year: 9·60 = 540.
    expect(offsetMinutesAt('2020-11-26T05:00:00.000Z', 'Asia/Seoul')).toBe(540);
    // Berlin: CET +1h in January, CEST +2h in July.
    expect(offsetMinutesAt('2021-01-15T12:00:00.000Z', 'Europe/Berlin')).toBe(60);
    expect(offsetMinutesAt('2021-07-15T12:00:00.000Z', 'Europe/Berlin')).toBe(120);
    // Toronto in November is EST, −5h.
    expect(offsetMinutesAt('2020-11-26T14:00:00.000Z', 'America/Toronto')).toBe(-300);
    // Kathmandu is +5:45 = 345 minutes.
    expect(offsetMinutesAt('2021-07-15T12:00:00.000Z', 'Asia/Kathmandu')).toBe(345);
    expect(offsetMinutesAt('2021-07-15T12:00:00.000Z', 'UTC')).toBe(0);
  });

  it('switches exactly at the transition instant', () => {
    // Berlin springs forward at 01:00 UTC on 2021-03-28.
    expect(offsetMinutesAt('2021-03-28T00:59:59.000Z', 'Europe/Berlin')).toBe(60);
    expect(offsetMinutesAt('2021-03-28T01:00:00.000Z', 'Europe/Berlin')).toBe(120);
  });

  it('refuses unknown zones', () => {
    expect(() => offsetMinutesAt('2021-01-01T00:00:00Z', 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('zonedTimeToUtc', () => {
  it('converts the hand examples', () => {
    // 14:00 in Seoul (+9) = 05:00 UTC.
    expect(zonedTimeToUtc('2020-11-26T14:00', 'Asia/Seoul')).toBe('2020-11-26T05:00:00.000Z');
    // 09:00 in Toronto (−5) = 14:00 UTC.
    expect(zonedTimeToUtc('2020-11-26T09:00', 'America/Toronto')).toBe('2020-11-26T14:00:00.000Z');
    // Seconds are kept; midnight in Seoul is the previous day in UTC.
    expect(zonedTimeToUtc('2021-01-01T00:00:30', 'Asia/Seoul')).toBe('2020-12-31T15:00:30.000Z');
  });

  it('moves a time in the spring-forward gap on by the gap', () => {
    // Berlin skips 02:00–03:00 on 2021-03-28; 02:30 is read at the old +1 → 01:30Z = 03:30 CEST.
    expect(zonedTimeToUtc('2021-03-28T02:30', 'Europe/Berlin')).toBe('2021-03-28T01:30:00.000Z');
    expect(utcToZoned('2021-03-28T01:30:00.000Z', 'Europe/Berlin').time).toBe('03:30');
    // New York skips 02:00–03:00 on 2021-03-14; 02:30 at the old −5 → 07:30Z = 03:30 EDT.
    expect(zonedTimeToUtc('2021-03-14T02:30', 'America/New_York')).toBe('2021-03-14T07:30:00.000Z');
  });

  it('takes the earlier instant of an ambiguous autumn time', () => {
    // Berlin repeats 02:00–03:00 on 2021-10-31: 02:30 CEST (+2) = 00:30Z, 02:30 CET = 01:30Z.
    expect(zonedTimeToUtc('2021-10-31T02:30', 'Europe/Berlin')).toBe('2021-10-31T00:30:00.000Z');
    // New York repeats 01:00–02:00 on 2021-11-07: 01:30 EDT (−4) = 05:30Z.
    expect(zonedTimeToUtc('2021-11-07T01:30', 'America/New_York')).toBe('2021-11-07T05:30:00.000Z');
  });

  it('refuses malformed or impossible local times', () => {
    expect(() => zonedTimeToUtc('2021-02-29T10:00', 'UTC')).toThrow(RangeError);
    expect(() => zonedTimeToUtc('2021-01-01T24:00', 'UTC')).toThrow(RangeError);
    expect(() => zonedTimeToUtc('2021-01-01 10:00', 'UTC')).toThrow(RangeError);
    expect(() => zonedTimeToUtc('2021-01-01T10:00Z', 'UTC')).toThrow(RangeError);
    expect(() => zonedTimeToUtc('2021-01-01T10:00', 'Mars/Olympus')).toThrow(RangeError);
  });

  const pad = (n: number) => String(n).padStart(2, '0');
  // Years from 1990: Seoul kept summer time in 1987–88 and Tokyo in 1948–51.
  const localArb = fc
    .record({
      year: fc.integer({ min: 1990, max: 2099 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 28 }),
      hour: fc.integer({ min: 0, max: 23 }),
      minute: fc.integer({ min: 0, max: 59 }),
    })
    .map(
      ({ year, month, day, hour, minute }) =>
        `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}`,
    );

  it('round-trips in zones without summer time', () => {
    fc.assert(
      fc.property(localArb, fc.constantFrom('Asia/Seoul', 'Asia/Tokyo', 'UTC'), (local, tz) => {
        const z = utcToZoned(zonedTimeToUtc(local, tz), tz);
        expect(`${z.date}T${z.time}`).toBe(local);
      }),
    );
  });

  it('in a zone with summer time, lands on the same wall time or at most one hour later', () => {
    fc.assert(
      fc.property(localArb, fc.constantFrom('Europe/Berlin', 'America/Toronto'), (local, tz) => {
        const z = utcToZoned(zonedTimeToUtc(local, tz), tz);
        const shift = (Date.parse(`${z.date}T${z.time}Z`) - Date.parse(`${local}Z`)) / 60_000;
        expect([0, 60]).toContain(shift);
      }),
    );
  });
});

describe('utcToZoned', () => {
  it('shows the local date, time and offset', () => {
    expect(utcToZoned('2020-11-26T05:00:00.000Z', 'Asia/Seoul')).toEqual({
      date: '2020-11-26',
      time: '14:00',
      offsetMinutes: 540,
    });
    // 03:00Z in Toronto (−5) is 22:00 the evening before.
    expect(utcToZoned('2020-11-27T03:00:00.000Z', 'America/Toronto')).toEqual({
      date: '2020-11-26',
      time: '22:00',
      offsetMinutes: -300,
    });
  });
});
