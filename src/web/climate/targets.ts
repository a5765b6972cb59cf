/** How a government's targets are laid out: end targets with their interim targets beneath. */
import type { Target } from './types';

export interface TargetGroup {
  target: Target;
  interims: Target[];
}

const byYear = (a: Target, b: Target) =>
  (a.targetYear ?? 9999) - (b.targetYear ?? 9999) || a.id - b.id;

/**
 * End targets (latest first, since the long-term pledge leads) each with its interim targets
 * (earliest first). An interim target whose end target is missing stands on its own.
 */
export function groupTargets(targets: readonly Target[]): TargetGroup[] {
  const ids = new Set(targets.map((t) => t.id));
  const tops = targets.filter((t) => t.parentTargetId === null || !ids.has(t.parentTargetId));
  return [...tops]
    .sort((a, b) => -byYear(a, b))
    .map((target) => ({
      target,
      interims: targets.filter((t) => t.parentTargetId === target.id).sort(byYear),
    }));
}

/** Targets that another target may name as its end target: not itself, not an interim one. */
export function parentCandidates(targets: readonly Target[], selfId: number | null): Target[] {
  return targets.filter((t) => t.id !== selfId && t.parentTargetId === null).sort(byYear);
}
