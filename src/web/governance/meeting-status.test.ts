import { describe, expect, it } from 'vitest';
import {
  availableActions,
  canMakeNews,
  isEarlyStart,
  needsConfirmation,
  targetStatus,
} from './meeting-status';

describe('meeting status actions', () => {
  it('follows the lifecycle draft → scheduled → in progress → closed', () => {
    expect(availableActions('draft')).toEqual(['schedule', 'cancel']);
    expect(availableActions('scheduled')).toEqual(['start', 'cancel', 'backToDraft']);
    expect(availableActions('in-progress')).toEqual(['close']);
    expect(availableActions('closed')).toEqual([]);
    expect(availableActions('cancelled')).toEqual([]);
  });

  it('maps actions to the status they request', () => {
    expect(targetStatus('start')).toBe('in-progress');
    expect(targetStatus('backToDraft')).toBe('draft');
  });

  it('confirms only what cannot be undone', () => {
    expect(needsConfirmation('close')).toBe(true);
    expect(needsConfirmation('cancel')).toBe(true);
    expect(needsConfirmation('start')).toBe(false);
  });

  it('makes news only from a closed meeting', () => {
    expect(canMakeNews('closed')).toBe(true);
    expect(canMakeNews('in-progress')).toBe(false);
  });
});

describe('isEarlyStart', () => {
  const meeting = { startsAt: '2026-12-10T05:00:00.000Z' };

  it('asks before starting a meeting more than a day before its time', () => {
    expect(isEarlyStart('start', meeting, new Date('2026-12-03T05:00:00Z'))).toBe(true);
  });

  it('does not ask on the day, when late, or for another action', () => {
    expect(isEarlyStart('start', meeting, new Date('2026-12-09T18:00:00Z'))).toBe(false);
    expect(isEarlyStart('start', meeting, new Date('2026-12-11T05:00:00Z'))).toBe(false);
    expect(isEarlyStart('cancel', meeting, new Date('2026-12-03T05:00:00Z'))).toBe(false);
  });
});
