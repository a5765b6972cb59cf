import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  BODY_KINDS,
  calendarRole,
  canMoveMeeting,
  INVITATION_REPLIES,
  isVotingPosition,
  MEETING_FORMATS,
  MEETING_STATUSES,
  SEAT_POSITIONS,
} from './meeting';

describe('canMoveMeeting', () => {
  it('allows exactly the listed moves', () => {
    const allowed = MEETING_STATUSES.flatMap((from) =>
      MEETING_STATUSES.filter((to) => canMoveMeeting(from, to)).map((to) => `${from}→${to}`),
    );
    expect(allowed.sort()).toEqual(
      [
        'draft→scheduled',
        'draft→cancelled',
        'scheduled→in-progress',
        'scheduled→cancelled',
        'scheduled→draft',
        'in-progress→closed',
      ].sort(),
    );
  });

  it('treats closed and cancelled as final and never stays in place', () => {
    fc.assert(
      fc.property(fc.constantFrom(...MEETING_STATUSES), (to) => {
        expect(canMoveMeeting('closed', to)).toBe(false);
        expect(canMoveMeeting('cancelled', to)).toBe(false);
        expect(canMoveMeeting(to, to)).toBe(false);
      }),
    );
  });

  it('cannot cancel a meeting once it has started', () => {
    expect(canMoveMeeting('in-progress', 'cancelled')).toBe(false);
    expect(canMoveMeeting('draft', 'in-progress')).toBe(false);
  });
});

describe('seats and invitations', () => {
  it('gives every position but advisory a vote', () => {
    expect(SEAT_POSITIONS.filter(isVotingPosition)).toEqual(['chair', 'vice-chair', 'member']);
  });

  it('maps positions onto iCalendar roles', () => {
    expect(calendarRole('chair')).toBe('CHAIR');
    expect(calendarRole('vice-chair')).toBe('REQ-PARTICIPANT');
    expect(calendarRole('member')).toBe('REQ-PARTICIPANT');
    expect(calendarRole('advisory')).toBe('OPT-PARTICIPANT');
    expect(calendarRole(null)).toBe('NON-PARTICIPANT');
  });

  it('keeps the vocabularies that stored records depend on', () => {
    expect(MEETING_FORMATS).toEqual(['in-person', 'online', 'hybrid']);
    expect(BODY_KINDS).toEqual(['rexcom', 'gexcom', 'council', 'network']);
    expect(INVITATION_REPLIES).toEqual(['pending', 'attending', 'not-attending', 'proxy']);
  });
});
