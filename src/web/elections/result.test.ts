import { describe, expect, it } from 'vitest';
import { candidate, result } from './fixtures.test-helpers';
import { checkTieWinners, resultChartOption, resultRows, tiedCandidateIds } from './result';

// Two seats; 3 and 5 tie for the second one behind 1.
const tie = result({
  seats: 2,
  ballots: 9,
  candidates: [
    { candidateId: 5, votes: 4, rank: 2, elected: false, tied: true },
    { candidateId: 1, votes: 7, rank: 1, elected: true, tied: false },
    { candidateId: 8, votes: 1, rank: 4, elected: false, tied: false },
    { candidateId: 3, votes: 4, rank: 2, elected: false, tied: true },
  ],
  elected: [1],
  tieAtCutoff: true,
  seatsUndecided: 1,
});

describe('resultRows', () => {
  it('orders by rank, then by id within a shared rank, and names each outcome', () => {
    const rows = resultRows(tie, [candidate(1), candidate(3), candidate(5)]);
    expect(rows.map((r) => [r.candidateId, r.rank, r.outcome])).toEqual([
      [1, 1, 'elected'],
      [3, 2, 'tied'],
      [5, 2, 'tied'],
      [8, 4, 'not-elected'],
    ]);
    expect(rows[0]?.candidate?.id).toBe(1);
    // Candidate 8 is not in the list given: the row stays, without its details.
    expect(rows[3]?.candidate).toBeNull();
  });

  it('treats a candidate listed as elected as elected', () => {
    const rows = resultRows(
      result({
        candidates: [{ candidateId: 2, votes: 3, rank: 1, elected: false, tied: false }],
        elected: [2],
      }),
      [],
    );
    expect(rows[0]?.outcome).toBe('elected');
  });
});

describe('tiedCandidateIds', () => {
  it('lists the candidates tied across the last seat', () => {
    expect(tiedCandidateIds(tie)).toEqual([3, 5]);
    expect(tiedCandidateIds(result())).toEqual([]);
  });
});

describe('checkTieWinners', () => {
  it('wants exactly as many winners as undecided seats, all from the tie', () => {
    expect(checkTieWinners([5], tie)).toBeNull();
    expect(checkTieWinners([], tie)).toBe('too-few');
    expect(checkTieWinners([3, 5], tie)).toBe('too-many');
    expect(checkTieWinners([8], tie)).toBe('not-tied');
    expect(checkTieWinners([1], tie)).toBe('not-tied');
  });

  it('does not count the same winner twice', () => {
    const two = result({ ...tie, seatsUndecided: 2 });
    expect(checkTieWinners([3, 3], two)).toBe('too-few');
  });
});

describe('resultChartOption', () => {
  it('draws one bar per row, first rank at the top, the outcome in each label', () => {
    const rows = resultRows(tie, []);
    const option = resultChartOption(
      rows,
      (r) => `Candidate ${r.candidateId}`,
      (r) => `${r.votes} · ${r.outcome}`,
    );
    const yAxis = option.yAxis as { data: string[]; inverse: boolean };
    expect(yAxis.inverse).toBe(true);
    expect(yAxis.data).toEqual(['Candidate 1', 'Candidate 3', 'Candidate 5', 'Candidate 8']);
    const series = (
      option.series as { data: { value: number; label: { formatter: string } }[] }[]
    )[0];
    expect(series?.data.map((d) => d.value)).toEqual([7, 4, 4, 1]);
    expect(series?.data[0]?.label.formatter).toBe('7 · elected');
    expect(series?.data[1]?.label.formatter).toBe('4 · tied');
  });

  it('strips braces, which ECharts would read as template fields', () => {
    const option = resultChartOption(
      resultRows(tie, []),
      () => 'x',
      () => '{b} 3',
    );
    const series = (option.series as { data: { label: { formatter: string } }[] }[])[0];
    expect(series?.data[0]?.label.formatter).toBe('b 3');
  });
});
