/**
 * A CDP targets export of any length in the layout of CDP's raw 2021 export, for tests that
 * need many batches: each row is one city (accounts from 7000001 up, none in the demo) with a
 * base-year target, so every row creates a prospect government and a target.
 */

export const SYNTHETIC_TARGETS_HEADER =
  'Year Reported to CDP,Account Number,Organization,City,Country,CDP Region,Type of target,' +
  'Base year,Base year emissions (metric tonnes CO2e),Percentage reduction target,Target year';

export function syntheticTargetRow(i: number): string {
  const account = 7_000_001 + i;
  return (
    `2021,${account},Synthetic City ${account},Synthetic City ${account},Japan,East Asia,` +
    `Base year emissions (absolute) target,2013,${10_000 + i},40,2030`
  );
}

/** The header and `rows` rows, one a line, the first being row number `first` of the series. */
export function syntheticTargetsCsv(rows: number, first = 0): string {
  const lines = [SYNTHETIC_TARGETS_HEADER];
  for (let i = first; i < first + rows; i++) lines.push(syntheticTargetRow(i));
  return `${lines.join('\n')}\n`;
}
