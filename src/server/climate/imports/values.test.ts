import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseYear, readAccountingPeriod, readDate, type DateOrder } from './values';

/** Dates as CDP's and the tracker's years have written them, read or refused with a reason. */

const date = (text: string, order: DateOrder = 'month-first') => readDate(text, order);

describe('readDate', () => {
  it('reads ISO dates with or without a time of day', () => {
    for (const text of [
      '2017-01-31',
      '2017-01-31 00:00:00',
      '2017-01-31 23:59:59',
      '2017-01-31T00:00:00Z',
      '2017-01-31T09:23:47.123+09:00',
      '2017-01-31 12:00:00 AM',
      '2017/01/31',
      '2017-1-31',
    ]) {
      expect([text, date(text)]).toEqual([text, { date: '2017-01-31' }]);
    }
  });

  it('reads numbers in the layout’s order, with or without a time of day', () => {
    expect(date('01/31/2017 12:00:00 AM', 'month-first')).toEqual({ date: '2017-01-31' });
    expect(date('10/04/2021 09:23:47 AM', 'month-first')).toEqual({ date: '2021-10-04' });
    expect(date('10/04/2021 09:23:47 AM', 'day-first')).toEqual({ date: '2021-04-10' });
    expect(date('31.01.2017', 'day-first')).toEqual({ date: '2017-01-31' });
    expect(date('31-01-2017 00:00', 'day-first')).toEqual({ date: '2017-01-31' });
  });

  it('reads months by name', () => {
    expect(date('31 January 2017')).toEqual({ date: '2017-01-31' });
    expect(date('31-Jan-2017')).toEqual({ date: '2017-01-31' });
    expect(date('Jan 31, 2017')).toEqual({ date: '2017-01-31' });
    expect(date('Sept 1, 2017')).toEqual({ date: '2017-09-01' });
    expect(date('March 2021')).toEqual({ date: '2021-03-01' });
    expect(date('2017')).toEqual({ date: '2017-01-01' });
  });

  it('says why a date cannot be read, and never guesses', () => {
    // Each as a code with what the row report needs to say it (src/core/climate/import-reasons.ts).
    const problem = (text: string, order: DateOrder = 'month-first') => date(text, order);
    // Numbers that fit the other order: are its day and month the other way round?
    expect(problem('31/01/2017', 'month-first')).toEqual({ problem: 'not-month-first' });
    expect(problem('01/31/2017', 'day-first')).toEqual({ problem: 'not-day-first' });
    expect(problem('13/13/2017', 'day-first')).toEqual({ problem: 'no-such-month', month: 13 });
    expect(problem('2017-02-30')).toEqual({ problem: 'not-a-calendar-day' });
    expect(problem('01/01/17')).toEqual({ problem: 'two-digit-year' });
    expect(problem('2017-01-01 25:00:00')).toEqual({ problem: 'impossible-time' });
    expect(problem('2017-01-01 13:00:00 PM')).toEqual({ problem: 'impossible-time' });
    expect(problem('Smarch 3, 2017')).toEqual({ problem: 'not-a-month', word: 'Smarch' });
    expect(problem('1899-12-31')).toEqual({ problem: 'year-out-of-range', min: 1950, max: 2100 });
    expect(problem('soon')).toEqual({ problem: 'not-a-date' });
    expect(date('NA')).toBeNull();
    expect(date('')).toBeNull();
  });

  it('reads every day of the calendar in every form, in both orders', () => {
    const day = fc
      .date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z') })
      .filter((d) => !Number.isNaN(d.getTime()));
    fc.assert(
      fc.property(day, fc.boolean(), fc.integer({ min: 0, max: 23 }), (d, dayFirst, hour) => {
        const iso = d.toISOString().slice(0, 10);
        const [y, m, dd] = iso.split('-') as [string, string, string];
        const order: DateOrder = dayFirst ? 'day-first' : 'month-first';
        const numeric = dayFirst ? `${dd}/${m}/${y}` : `${m}/${dd}/${y}`;
        const h12 = hour % 12 === 0 ? 12 : hour % 12;
        const forms = [
          iso,
          `${iso} ${String(hour).padStart(2, '0')}:00:00`,
          `${iso}T${String(hour).padStart(2, '0')}:30:00Z`,
          numeric,
          `${numeric} ${h12}:00:00 ${hour < 12 ? 'AM' : 'PM'}`,
        ];
        for (const form of forms)
          expect([form, readDate(form, order)]).toEqual([form, { date: iso }]);
      }),
    );
  });
});

describe('readAccountingPeriod', () => {
  const period = (text: string, order: DateOrder = 'month-first') =>
    readAccountingPeriod(text, order);

  it('reads periods with or without times of day, in the layout’s order', () => {
    const fiscal = { period: { year: 2018, start: '2018-04-01', end: '2019-03-31' } };
    expect(period('2018-04-01 - 2019-03-31')).toEqual(fiscal);
    expect(period('2018-04-01 00:00:00 - 2019-03-31 00:00:00')).toEqual(fiscal);
    expect(period('04/01/2018 12:00:00 AM - 03/31/2019 12:00:00 AM')).toEqual(fiscal);
    expect(period('01/04/2018 - 31/03/2019', 'day-first')).toEqual(fiscal);
    expect(period('2018-04-01T00:00:00Z to 2019-03-31T00:00:00Z')).toEqual(fiscal);
    expect(period('2018-01-01 -')).toEqual({
      period: { year: 2018, start: '2018-01-01', end: null },
    });
    expect(period('2018')).toEqual({ period: { year: 2018, start: null, end: null } });
    expect(period('-')).toBeNull();
  });

  it('says why a period cannot be read', () => {
    expect(period('- 2017-12-31')).toEqual({ problem: 'period-without-start' });
    expect(period('2019-03-31 - 2018-04-01')).toEqual({ problem: 'period-ends-before-start' });
    expect(period('2018 - 2019 - 2020')).toEqual({ problem: 'not-one-period' });
    // A date problem says which end of the period it is about.
    expect(period('31/03/2018 - 31/03/2019')).toEqual({
      problem: 'not-month-first',
      part: 'start',
    });
    expect(period('2018-04-01 - someday')).toEqual({ problem: 'not-a-date', part: 'end' });
  });
});

describe('parseYear', () => {
  it('reads the year of a date in any form', () => {
    expect(parseYear('2017-01-01 00:00:00')).toBe(2017);
    expect(parseYear('01/31/2017 12:00:00 AM')).toBe(2017);
    expect(parseYear('31/01/2017')).toBe(2017);
    expect(parseYear('31 January 2017')).toBe(2017);
    expect(parseYear('2,017')).toBe(2017);
    expect(parseYear('2017.5')).toBeNull();
  });
});
