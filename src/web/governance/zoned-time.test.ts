import { describe, expect, it } from 'vitest';
import {
  COMMON_TIME_ZONES,
  formatClock,
  formatInZone,
  formatRangeInZone,
  meetingTimeLines,
  sameClock,
} from './zoned-time';
import { isTimeZone } from '../../core/governance/time';

// 10:00–12:00 in Seoul (UTC+9) on Tuesday 4 March 2025.
const meeting = {
  startsAt: '2025-03-04T01:00:00.000Z',
  endsAt: '2025-03-04T03:00:00.000Z',
  timeZone: 'Asia/Seoul',
};

describe('formatInZone', () => {
  it('writes the wall-clock time of the zone with its name', () => {
    const text = formatInZone(meeting.startsAt, 'Asia/Seoul', 'en-GB');
    expect(text).toContain('4 Mar 2025');
    expect(text).toContain('10:00');
    expect(text).toContain('GMT+9');
  });

  it('moves the date with the zone', () => {
    // 01:00 UTC on the 4th is still the 3rd in New York (UTC-5 in March before DST).
    const text = formatInZone(meeting.startsAt, 'America/New_York', 'en-GB');
    expect(text).toContain('3 Mar 2025');
    expect(text).toContain('20:00');
  });

  it('gives back what it cannot read', () => {
    expect(formatInZone('soon', 'UTC', 'en')).toBe('soon');
  });
});

describe('formatRangeInZone', () => {
  it('writes the day once for a meeting within one day', () => {
    const text = formatRangeInZone(meeting.startsAt, meeting.endsAt, 'Asia/Seoul', 'en-GB');
    expect(text.match(/2025/g)).toHaveLength(1);
    expect(text).toContain('10:00');
    expect(text).toContain('12:00');
  });
});

describe('formatClock', () => {
  it('gives hours and minutes in the zone', () => {
    expect(formatClock('2025-03-04T01:15:00.000Z', 'Asia/Seoul', 'en-GB')).toBe('10:15');
    expect(formatClock('2025-03-04T01:15:00.000Z', 'Europe/London', 'en-GB')).toBe('01:15');
  });
});

describe('sameClock', () => {
  it('holds for zones with the same offset at those instants', () => {
    expect(sameClock([meeting.startsAt], 'Asia/Seoul', 'Asia/Tokyo')).toBe(true);
    expect(sameClock([meeting.startsAt], 'Asia/Seoul', 'Asia/Shanghai')).toBe(false);
  });

  it('follows daylight saving time: London and Lisbon agree, London and UTC only in winter', () => {
    expect(sameClock(['2025-01-15T12:00:00Z'], 'Europe/London', 'UTC')).toBe(true);
    expect(sameClock(['2025-07-15T12:00:00Z'], 'Europe/London', 'UTC')).toBe(false);
    expect(sameClock(['2025-07-15T12:00:00Z'], 'Europe/London', 'Europe/Lisbon')).toBe(true);
  });

  it('is false for a zone it does not know', () => {
    expect(sameClock([meeting.startsAt], 'Asia/Seoul', 'Mars/Olympus')).toBe(false);
  });
});

describe('meetingTimeLines', () => {
  it('gives one line when the viewer reads the same clock', () => {
    const lines = meetingTimeLines(meeting, 'Asia/Tokyo', 'en-GB');
    expect(lines.meeting).toContain('10:00');
    expect(lines.viewer).toBeNull();
  });

  it('adds the viewer line when the clocks differ', () => {
    const lines = meetingTimeLines(meeting, 'Europe/Paris', 'en-GB');
    expect(lines.meeting).toContain('10:00');
    expect(lines.viewer).toContain('02:00');
    expect(lines.viewer).toContain('04:00');
  });
});

describe('COMMON_TIME_ZONES', () => {
  it('are all zones the runtime knows', () => {
    for (const zone of COMMON_TIME_ZONES) expect(isTimeZone(zone), zone).toBe(true);
  });
});
