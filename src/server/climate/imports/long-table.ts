import type { ImportReason } from '../../../core/climate/import-reasons';
import type { LongTable } from './layouts';
import { accountNumber } from './mapping';
import type { FieldRow } from './read-rows';
import { normaliseHeader } from './recognise';
import { parseNumber, present } from './values';

/**
 * CDP's long tables (the 2017 GPC export, the 2022 and 2023 questionnaire exports) give one
 * row per line, or per cell, of a city's inventory table. The rows of one report (one account
 * in one reporting year) are gathered here, in whatever order the file lists them, into the one
 * row a wide export would have had: the report's own cells (account, year, protocol…) from its
 * first row that gives them, and each figure from its line. Memory grows with the reports, not
 * the rows.
 */

/** A report gathered from the rows of a long table: the rows it came from. */
export interface GatheredRow extends FieldRow {
  lines: { first: number; last: number; count: number };
  /** Each figure read from lines: made from the line's name (and column) and figure columns. */
  derived: Record<string, readonly string[]>;
}

interface Report {
  first: number;
  last: number;
  count: number;
  fields: Partial<Record<string, string>>;
  /** Scope sums of the sector lines, scope 1 to 3. */
  sums: [number | null, number | null, number | null];
  /** The fields whose figure a line gave. */
  fromLines: Set<string>;
}

const SCOPE = /\bscope ([123])\b/;

/** A sum of reported figures without floating-point dust (at most six decimals). */
export function roundSum(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

export class LongTableReports {
  private readonly reports = new Map<string, Report>();
  private readonly lines: { field: string; names: Set<string>; columns: Set<string> | null }[];
  private readonly lineFields: Set<string>;
  /** The fields whose columns give a line's figure: its name, its column, its figure. */
  private readonly lineSources: readonly string[];

  constructor(private readonly table: LongTable) {
    this.lines = table.lines.map((line) => ({
      field: line.field,
      names: new Set(line.names.map(normaliseHeader)),
      columns: line.columns ? new Set(line.columns.map(normaliseHeader)) : null,
    }));
    this.lineSources = [table.line, table.column, table.value].filter(
      (f): f is string => f !== undefined,
    );
    this.lineFields = new Set(this.lineSources);
  }

  /** Adds a row to its report; answers why not when the row names no report. */
  add(row: FieldRow): ImportReason | null {
    const key = this.table.groupBy
      .map((field) => {
        const value = present(row.fields[field]);
        return field === 'account' ? accountNumber(value) : value;
      })
      .join('|');
    if (this.table.groupBy.every((field) => present(row.fields[field]) === null)) {
      return { code: 'line-without-report', params: { fields: [...this.table.groupBy] } };
    }
    let report = this.reports.get(key);
    if (!report) {
      report = {
        first: row.number,
        last: row.number,
        count: 0,
        fields: {},
        sums: [null, null, null],
        fromLines: new Set(),
      };
      this.reports.set(key, report);
    }
    report.last = Math.max(report.last, row.number);
    report.first = Math.min(report.first, row.number);
    report.count += 1;
    for (const [field, value] of Object.entries(row.fields)) {
      if (this.lineFields.has(field) || value === undefined) continue;
      if (present(report.fields[field]) === null && present(value) !== null) {
        report.fields[field] = value;
      }
    }
    this.addLine(report, row);
    return null;
  }

  private addLine(report: Report, row: FieldRow): void {
    const value = parseNumber(row.fields[this.table.value]);
    if (value === null) return;
    const name = normaliseHeader(row.fields[this.table.line] ?? '');
    const column =
      this.table.column === undefined ? null : normaliseHeader(row.fields[this.table.column] ?? '');
    for (const line of this.lines) {
      if (!line.names.has(name)) continue;
      if (line.columns && (column === null || !line.columns.has(column))) continue;
      // The first figure a report gives for a line counts; a repeat does not add to it.
      if (present(report.fields[line.field]) === null) {
        report.fields[line.field] = String(value);
        report.fromLines.add(line.field);
      }
      return;
    }
    const sums = this.table.scopeSums;
    if (!sums || name.startsWith('total')) return;
    const scope = SCOPE.exec(name);
    if (!scope) return;
    const i = Number(scope[1]) - 1;
    report.sums[i] = (report.sums[i] ?? 0) + value;
  }

  /** The reports gathered, in the order of their first row. */
  *rows(): Generator<GatheredRow> {
    const sums = this.table.scopeSums;
    const ordered = [...this.reports.values()].sort((a, b) => a.first - b.first);
    for (const report of ordered) {
      const fields = { ...report.fields };
      const derived: Record<string, readonly string[]> = {};
      for (const field of report.fromLines) derived[field] = this.lineSources;
      if (sums) {
        report.sums.forEach((sum, i) => {
          if (sum === null) return;
          fields[sums[i] as string] = String(roundSum(sum));
          derived[sums[i] as string] = this.lineSources;
        });
      }
      yield {
        number: report.first,
        fields,
        lines: { first: report.first, last: report.last, count: report.count },
        derived,
      };
    }
  }

  get size(): number {
    return this.reports.size;
  }
}
