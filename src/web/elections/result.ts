/**
 * The count as the result page shows it: one row per candidate in rank order with the outcome
 * spelled out (elected, tied for the last seat, not elected), the tie-break choice the
 * secretariat must make when filling the seats, and the bar chart of the votes.
 */
import type { ChartOption } from '../components/EChart';
import type { Candidate, ElectionResult } from './types';

export type Outcome = 'elected' | 'tied' | 'not-elected';
export const OUTCOMES: readonly Outcome[] = ['elected', 'tied', 'not-elected'];

export interface ResultRow {
  candidateId: number;
  votes: number;
  rank: number;
  outcome: Outcome;
  /** null when the count names a candidate the election no longer lists. */
  candidate: Candidate | null;
}

export function outcomeOf(row: ElectionResult['candidates'][number], elected: readonly number[]) {
  if (row.elected || elected.includes(row.candidateId)) return 'elected' as const;
  if (row.tied) return 'tied' as const;
  return 'not-elected' as const;
}

/** Rows by rank (1, 2, 2, 4…), more votes first within a rank, then in a fixed order by id. */
export function resultRows(result: ElectionResult, candidates: readonly Candidate[]): ResultRow[] {
  const byId = new Map(candidates.map((c) => [c.id, c]));
  return [...result.candidates]
    .sort((a, b) => a.rank - b.rank || b.votes - a.votes || a.candidateId - b.candidateId)
    .map((row) => ({
      candidateId: row.candidateId,
      votes: row.votes,
      rank: row.rank,
      outcome: outcomeOf(row, result.elected),
      candidate: byId.get(row.candidateId) ?? null,
    }));
}

/** The candidates tied across the last seat, among whom the undecided seats are settled. */
export function tiedCandidateIds(result: ElectionResult): number[] {
  return resultRows(result, [])
    .filter((row) => row.outcome === 'tied')
    .map((row) => row.candidateId);
}

export const TIE_CHOICE_PROBLEMS = ['too-few', 'too-many', 'not-tied'] as const;
export type TieChoiceProblem = (typeof TIE_CHOICE_PROBLEMS)[number];

/** What is wrong with a choice of tie winners, or null when it settles exactly the open seats. */
export function checkTieWinners(
  chosen: readonly number[],
  result: ElectionResult,
): TieChoiceProblem | null {
  const tied = new Set(tiedCandidateIds(result));
  if (chosen.some((id) => !tied.has(id))) return 'not-tied';
  const unique = new Set(chosen).size;
  if (unique < result.seatsUndecided) return 'too-few';
  if (unique > result.seatsUndecided) return 'too-many';
  return null;
}

/** Colours that repeat what the words already say (the chart labels carry the outcome too). */
export const OUTCOME_COLORS: Readonly<Record<Outcome, string>> = {
  elected: '#0b6e5b',
  tied: '#b35c00',
  'not-elected': '#8d999e',
};

/**
 * A horizontal bar per candidate, first rank at the top. Each bar's label gives the votes and
 * the outcome in words, so the chart does not rely on colour.
 */
export function resultChartOption(
  rows: readonly ResultRow[],
  nameOf: (row: ResultRow) => string,
  barLabel: (row: ResultRow) => string,
): ChartOption {
  return {
    grid: { left: 8, right: 140, top: 8, bottom: 24, containLabel: true },
    tooltip: { trigger: 'item' },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: rows.map(nameOf) },
    series: [
      {
        type: 'bar',
        barMaxWidth: 28,
        data: rows.map((row) => ({
          value: row.votes,
          itemStyle: { color: OUTCOME_COLORS[row.outcome] },
          label: { show: true, position: 'right', formatter: barLabel(row).replace(/[{}]/g, '') },
        })),
      },
    ],
  };
}
