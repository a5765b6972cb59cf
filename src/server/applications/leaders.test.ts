import { describe, expect, it } from 'vitest';
import { leaderPositions } from './leaders';

const row = {
  head_name: ' 臥雲 義尚 ',
  head_elected_on: '2024-03-10',
  head_term_ends_on: '2028-03-09',
  liaison_name: 'Aiko Tanaka',
  liaison_email: 'Aiko.Tanaka@Matsumoto.example',
};

describe('leaderPositions', () => {
  it('places the head from election day to the end of the term, the liaison from today', () => {
    expect(leaderPositions(row, 'mayor', '2026-12-07')).toEqual([
      {
        fullName: '臥雲 義尚',
        title: 'mayor',
        email: null,
        startDate: '2024-03-10',
        endDate: '2028-03-09',
      },
      {
        fullName: 'Aiko Tanaka',
        title: 'staff-liaison',
        email: 'aiko.tanaka@matsumoto.example',
        startDate: '2026-12-07',
        endDate: null,
      },
    ]);
  });

  it('starts the head today when no election day, or a later one, was given', () => {
    const [unknown] = leaderPositions(
      { ...row, head_elected_on: null },
      'acting-mayor',
      '2026-12-07',
    );
    expect(unknown).toMatchObject({ title: 'acting-mayor', startDate: '2026-12-07' });
    const [later] = leaderPositions(
      { ...row, head_elected_on: '2027-01-01' },
      'mayor',
      '2026-12-07',
    );
    expect(later?.startDate).toBe('2026-12-07');
  });
});
