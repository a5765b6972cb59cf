/**
 * What an election's phase means for a reader: the label of the phase, the next moment that
 * matters (and the words for it), and where each of the four windows stands on a timeline.
 */
import { WINDOW_FIELDS, type WindowField, type Windows } from './windows';
import type { ElectionPhase } from './types';

/** The catalog key naming a phase ("nominations" reads "Nominations open"). */
export function phaseLabelKey(phase: ElectionPhase): `phases.${ElectionPhase}` {
  return `phases.${phase}`;
}

export const MILESTONE_KEYS = [
  'nominationsOpenOn',
  'nominationsCloseOn',
  'votingOpensOn',
  'votingClosesOn',
  'votingClosedOn',
] as const;
export type MilestoneKey = (typeof MILESTONE_KEYS)[number];

export const TIMELINE_STATES = ['past', 'next', 'later'] as const;

/** The next moment that changes the phase (or, once closed, when voting closed). */
export function nextMilestone(
  phase: ElectionPhase,
  windows: Windows,
): { key: MilestoneKey; at: string } {
  switch (phase) {
    case 'upcoming':
      return { key: 'nominationsOpenOn', at: windows.nominationsOpen };
    case 'nominations':
      return { key: 'nominationsCloseOn', at: windows.nominationsClose };
    case 'between':
      return { key: 'votingOpensOn', at: windows.votingOpen };
    case 'voting':
      return { key: 'votingClosesOn', at: windows.votingClose };
    case 'closed':
      return { key: 'votingClosedOn', at: windows.votingClose };
  }
}

export interface TimelineStep {
  field: WindowField;
  at: string;
  /** past: it has happened; next: the first still to come; later: after that. */
  state: (typeof TIMELINE_STATES)[number];
}

/** The four windows in order, each marked against `now` (an ISO instant). */
export function timeline(windows: Windows, now: string): TimelineStep[] {
  const nowMs = Date.parse(now);
  let nextFound = false;
  return WINDOW_FIELDS.map((field) => {
    const at = windows[field];
    if (Date.parse(at) <= nowMs) return { field, at, state: 'past' as const };
    const state = nextFound ? ('later' as const) : ('next' as const);
    nextFound = true;
    return { field, at, state };
  });
}

/** Whether a phase's badge should call attention: something can be done now. */
export function isActionPhase(phase: ElectionPhase): boolean {
  return phase === 'nominations' || phase === 'voting';
}
