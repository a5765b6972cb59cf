/**
 * Writes a bench run: bench/results/latest.json (every figure, for tools) and latest.md (the
 * table for readers: what, Accord, the reference, the ratio, the target, whether it is met).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ratioOf, type Measurement } from './harness';

export interface RunInfo {
  quick: boolean;
  governments: number;
  startedAt: string;
  seconds: number;
  /** Set when only some parts ran: the others' figures are from earlier runs. */
  only?: string[] | undefined;
}

function figure(value: number, unit: Measurement['unit']): string {
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${value.toLocaleString('en', { maximumFractionDigits: digits })} ${unit}`;
}

function ratioText(m: Measurement): string {
  const ratio = ratioOf(m);
  if (ratio === undefined) return '';
  // Rates are compared as a share of the reference; times and sizes as a multiple of it.
  return m.unit === 'req/s' || m.unit === 'rows/s'
    ? `${Math.round(ratio * 100)} %`
    : `${ratio.toFixed(2)} ×`;
}

export function markdownTable(measurements: Measurement[]): string {
  const rows = measurements.map((m) =>
    [
      m.what,
      m.database === 'none' ? '' : m.database === 'sqlite' ? 'SQLite' : 'PostgreSQL',
      figure(m.accord, m.unit),
      m.reference ? `${figure(m.reference.value, m.unit)} (${m.reference.label})` : '',
      ratioText(m),
      m.target,
      m.met === null ? '?' : m.met ? 'yes' : '**no**',
    ]
      .map((cell) => cell.replace(/\|/g, '\\|'))
      .join(' | '),
  );
  return [
    '| what | database | Accord | reference | ratio | target | met |',
    '| --- | --- | --: | --: | --: | --- | --- |',
    ...rows.map((r) => `| ${r} |`),
  ].join('\n');
}

export function writeResults(dir: string, info: RunInfo, measurements: Measurement[]): void {
  fs.mkdirSync(dir, { recursive: true });
  const machine = {
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
  };
  fs.writeFileSync(
    path.join(dir, 'latest.json'),
    JSON.stringify({ ...info, machine, measurements }, null, 2) + '\n',
  );
  const missed = measurements.filter((m) => m.met === false).length;
  fs.writeFileSync(
    path.join(dir, 'latest.md'),
    [
      `# Bench${info.quick ? ' (quick)' : ''}: ${info.governments.toLocaleString('en')} governments`,
      '',
      `Run ${info.startedAt.slice(0, 16).replace('T', ' ')} UTC in ${Math.round(info.seconds)} s on ${machine.cpus} CPUs (${machine.cpu}), ${machine.memoryGiB} GiB, Node ${machine.node}. ` +
        `${measurements.length - missed} of ${measurements.length} targets met.` +
        (info.only
          ? ` This run measured ${info.only.join(', ')}; the other figures are from earlier runs.`
          : ''),
      '',
      markdownTable(measurements),
      '',
    ].join('\n'),
  );
}
