import { describe, expect, it } from 'vitest';
import {
  filterTimeZones,
  timeZoneLabel,
  timeZoneOptions,
  utcOffsetText,
  zonePlace,
} from './time-zone-label';

const winter = new Date('2026-01-15T12:00:00Z');
const summer = new Date('2026-07-15T12:00:00Z');

describe('timeZoneLabel', () => {
  it('names Seoul as people know it, in the reader’s language', () => {
    expect(timeZoneLabel('Asia/Seoul', 'en', winter)).toBe('Seoul (Korean Standard Time, UTC+9)');
    expect(timeZoneLabel('Asia/Seoul', 'ko', winter)).toBe('Seoul (한국 표준시, UTC+9)');
    expect(timeZoneLabel('Asia/Tokyo', 'ja', winter)).toBe('Tokyo (日本標準時, UTC+9)');
  });
  it('follows summer time and half-hour offsets', () => {
    expect(timeZoneLabel('America/New_York', 'en', winter)).toBe(
      'New York (Eastern Standard Time, UTC−5)',
    );
    expect(timeZoneLabel('America/New_York', 'en', summer)).toBe(
      'New York (Eastern Daylight Time, UTC−4)',
    );
    expect(timeZoneLabel('Asia/Kolkata', 'en', winter)).toBe(
      'Kolkata (India Standard Time, UTC+5:30)',
    );
    expect(timeZoneLabel('UTC', 'en', winter)).toBe('UTC');
  });
});

describe('parts', () => {
  it('writes offsets and places by hand-checked rules', () => {
    expect(utcOffsetText(540)).toBe('UTC+9');
    expect(utcOffsetText(-210)).toBe('UTC−3:30');
    expect(utcOffsetText(0)).toBe('UTC');
    expect(zonePlace('America/Argentina/Buenos_Aires')).toBe('Buenos Aires');
  });
  it('orders the options west to east', () => {
    const ids = timeZoneOptions(['Asia/Tokyo', 'Europe/London', 'America/New_York'], 'en', winter);
    expect(ids.map((o) => o.id)).toEqual(['America/New_York', 'Europe/London', 'Asia/Tokyo']);
  });
});

describe('filterTimeZones', () => {
  const options = timeZoneOptions(
    ['Asia/Seoul', 'Asia/Tokyo', 'America/New_York', 'America/Argentina/Buenos_Aires'],
    'en',
    winter,
  );
  it('finds zones by place, name, offset or id, keeping the chosen one', () => {
    expect(filterTimeZones(options, 'seoul').map((o) => o.id)).toEqual(['Asia/Seoul']);
    expect(filterTimeZones(options, 'utc+9').map((o) => o.id)).toEqual([
      'Asia/Seoul',
      'Asia/Tokyo',
    ]);
    expect(filterTimeZones(options, 'buenos aires').map((o) => o.id)).toEqual([
      'America/Argentina/Buenos_Aires',
    ]);
    expect(filterTimeZones(options, 'utc-5').map((o) => o.id)).toEqual(['America/New_York']);
    expect(filterTimeZones(options, 'seoul', 'Asia/Tokyo').map((o) => o.id)).toEqual([
      'Asia/Seoul',
      'Asia/Tokyo',
    ]);
    expect(filterTimeZones(options, '  ')).toHaveLength(4);
  });
});
