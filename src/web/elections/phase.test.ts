import { describe, expect, it } from 'vitest';
import { isActionPhase, nextMilestone, phaseLabelKey, timeline } from './phase';

const windows = {
  nominationsOpen: '2025-03-01T00:00:00.000Z',
  nominationsClose: '2025-03-15T00:00:00.000Z',
  votingOpen: '2025-04-01T00:00:00.000Z',
  votingClose: '2025-04-08T00:00:00.000Z',
};

describe('phaseLabelKey', () => {
  it('names the key of each phase', () => {
    expect(phaseLabelKey('nominations')).toBe('phases.nominations');
    expect(phaseLabelKey('closed')).toBe('phases.closed');
  });
});

describe('nextMilestone', () => {
  it('points at the moment that ends the current phase', () => {
    expect(nextMilestone('upcoming', windows)).toEqual({
      key: 'nominationsOpenOn',
      at: '2025-03-01T00:00:00.000Z',
    });
    expect(nextMilestone('nominations', windows)).toEqual({
      key: 'nominationsCloseOn',
      at: '2025-03-15T00:00:00.000Z',
    });
    expect(nextMilestone('between', windows).key).toBe('votingOpensOn');
    expect(nextMilestone('voting', windows)).toEqual({
      key: 'votingClosesOn',
      at: '2025-04-08T00:00:00.000Z',
    });
  });

  it('tells when voting closed once the election is over', () => {
    expect(nextMilestone('closed', windows)).toEqual({
      key: 'votingClosedOn',
      at: '2025-04-08T00:00:00.000Z',
    });
  });
});

describe('timeline', () => {
  it('marks what has happened, the next step and what comes later', () => {
    expect(timeline(windows, '2025-03-20T12:00:00.000Z').map((s) => s.state)).toEqual([
      'past',
      'past',
      'next',
      'later',
    ]);
  });

  it('counts a window as passed from its very instant', () => {
    expect(timeline(windows, '2025-03-01T00:00:00.000Z').map((s) => s.state)).toEqual([
      'past',
      'next',
      'later',
      'later',
    ]);
  });

  it('has every step behind it after the close', () => {
    const steps = timeline(windows, '2025-05-01T00:00:00.000Z');
    expect(steps.map((s) => s.field)).toEqual([
      'nominationsOpen',
      'nominationsClose',
      'votingOpen',
      'votingClose',
    ]);
    expect(steps.every((s) => s.state === 'past')).toBe(true);
  });
});

describe('isActionPhase', () => {
  it('is true while members can nominate or vote', () => {
    expect(isActionPhase('nominations')).toBe(true);
    expect(isActionPhase('voting')).toBe(true);
    expect(isActionPhase('between')).toBe(false);
    expect(isActionPhase('closed')).toBe(false);
  });
});
