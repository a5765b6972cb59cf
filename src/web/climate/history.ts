/** What each saved version of a climate record changed, from the snapshots the server keeps. */
import { auditChanges } from '../components/audit-diff';
import type { RecordVersion } from './types';

/** Fields the server derives or stamps on every save: listing them would hide the real change. */
const DERIVED = new Set([
  'id',
  'version',
  'createdAt',
  'updatedAt',
  'governmentSlug',
  'assessment',
  'totals',
  'interimTargetIds',
  'importKey',
]);

export interface VersionSummary {
  version: number;
  at: string;
  actor: RecordVersion['actor'];
  change: RecordVersion['change'];
  /** Top-level fields that differ from the version before (all fields of a creation). */
  fields: string[];
  /** Only for the newest version: restoring it would change nothing. */
  current: boolean;
}

/** Newest first, each with the fields it changed relative to the version before it. */
export function versionSummaries(versions: readonly RecordVersion[]): VersionSummary[] {
  const ascending = [...versions].sort((a, b) => a.version - b.version);
  const out: VersionSummary[] = [];
  let previous: unknown = null;
  for (const v of ascending) {
    const fields = new Set<string>();
    if (v.change !== 'delete') {
      for (const change of auditChanges(previous, v.snapshot)) {
        const top = change.path.split('.')[0] ?? change.path;
        if (top && !DERIVED.has(top)) fields.add(top);
      }
    }
    out.push({
      version: v.version,
      at: v.at,
      actor: v.actor,
      change: v.change,
      fields: [...fields],
      current: false,
    });
    if (v.change !== 'delete') previous = v.snapshot;
  }
  const newest = out[out.length - 1];
  if (newest) newest.current = true;
  return out.reverse();
}
