import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ACTIONS, CONDITIONS, POLICY, can, rolesFor } from './policy';
import { ROLES, type Actor } from './roles';

const admin: Actor = { userId: 1, role: 'admin', governmentId: null };
const officerA: Actor = { userId: 2, role: 'officer', governmentId: 10 };
const viewer: Actor = { userId: 3, role: 'viewer', governmentId: null };

describe('can', () => {
  it('refuses the public everything', () => {
    for (const action of ACTIONS) expect(can(null, action, { governmentId: 10 })).toBe(false);
  });

  it('lets an officer edit their own government and no other', () => {
    expect(can(officerA, 'government.edit', { governmentId: 10 })).toBe(true);
    expect(can(officerA, 'government.edit', { governmentId: 11 })).toBe(false);
    expect(can(officerA, 'government.edit', {})).toBe(false);
    expect(can(admin, 'government.edit', { governmentId: 11 })).toBe(true);
    expect(can(viewer, 'government.edit', { governmentId: 10 })).toBe(false);
  });

  it('lets an officer edit a person only when every position is in their government', () => {
    expect(can(officerA, 'person.edit', { positionGovernmentIds: [10, 10] })).toBe(true);
    // The attack: a position of the officer's own added to another government's person.
    expect(can(officerA, 'person.edit', { positionGovernmentIds: [10, 11] })).toBe(false);
    expect(can(officerA, 'person.edit', { positionGovernmentIds: [] })).toBe(false);
    expect(
      can(officerA, 'person.edit', { positionGovernmentIds: [10], holdsOfficePosition: true }),
    ).toBe(false);
    // A seat held for another government: its contact details are that government's to change.
    expect(
      can(officerA, 'person.edit', { positionGovernmentIds: [10], seatGovernmentIds: [11] }),
    ).toBe(false);
    expect(can(admin, 'person.edit', { positionGovernmentIds: [11] })).toBe(true);
  });

  it('lets an officer attach a position only to a person held nowhere else', () => {
    expect(can(officerA, 'position.create', { governmentId: 10, positionGovernmentIds: [] })).toBe(
      true,
    );
    expect(
      can(officerA, 'position.create', { governmentId: 10, positionGovernmentIds: [11] }),
    ).toBe(false);
    expect(can(officerA, 'position.create', { governmentId: 11, positionGovernmentIds: [] })).toBe(
      false,
    );
    // Holding another government's seat is being held elsewhere too.
    expect(
      can(officerA, 'position.create', {
        governmentId: 10,
        positionGovernmentIds: [],
        seatGovernmentIds: [11],
      }),
    ).toBe(false);
    expect(
      can(officerA, 'position.create', {
        governmentId: 10,
        positionGovernmentIds: [],
        seatGovernmentIds: [10],
      }),
    ).toBe(true);
  });

  it('gives a vote to officers of the member only, never to the secretariat', () => {
    expect(can(officerA, 'election.vote', { governmentId: 10 })).toBe(true);
    expect(can(admin, 'election.vote', { governmentId: 10 })).toBe(false);
  });

  it('shows the join link to invitees and the secretariat only', () => {
    expect(can(officerA, 'meeting.readJoinLink', { invitedGovernmentIds: [9, 10] })).toBe(true);
    expect(can(officerA, 'meeting.readJoinLink', { invitedGovernmentIds: [9] })).toBe(false);
    expect(can(viewer, 'meeting.readJoinLink', { invitedGovernmentIds: [9] })).toBe(false);
    expect(can(admin, 'meeting.readJoinLink')).toBe(true);
  });

  it("keeps the secretariat's work to the secretariat", () => {
    const secretariatOnly = [
      'body.manage',
      'meeting.manage',
      'election.manage',
      'news.manage',
      'file.manage',
      'file.readPrivate',
      'climate.import',
      'user.manage',
      'audit.read',
    ] as const;
    for (const action of secretariatOnly) {
      expect(can(admin, action, { governmentId: 10 })).toBe(true);
      expect(can(officerA, action, { governmentId: 10 })).toBe(false);
      expect(can(viewer, action, { governmentId: 10 })).toBe(false);
    }
  });

  it('shows who was invited to members of the network, not to the public', () => {
    expect(can(viewer, 'meeting.readInvitations')).toBe(true);
    expect(can(officerA, 'meeting.readInvitations')).toBe(true);
    expect(can(admin, 'meeting.readInvitations')).toBe(true);
    expect(can(null, 'meeting.readInvitations')).toBe(false);
  });

  it('lets an officer answer their own government’s invitation only', () => {
    expect(can(officerA, 'meeting.reply', { governmentId: 10 })).toBe(true);
    expect(can(officerA, 'meeting.reply', { governmentId: 11 })).toBe(false);
    // A guest's invitation belongs to no government: the secretariat answers it.
    expect(can(officerA, 'meeting.reply', { governmentId: null })).toBe(false);
    expect(can(viewer, 'meeting.reply', { governmentId: 10 })).toBe(false);
    expect(can(admin, 'meeting.reply', { governmentId: null })).toBe(true);
  });

  it('names only known conditions and roles in the table', () => {
    for (const action of ACTIONS) {
      for (const [role, grant] of Object.entries(POLICY[action])) {
        expect(ROLES).toContain(role);
        if (grant !== true) expect(Object.keys(CONDITIONS)).toContain(grant);
      }
      expect(rolesFor(action).length).toBeGreaterThan(0);
    }
  });

  it('never grants a viewer more than an officer would get for the same subject', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ACTIONS),
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 4 }),
        (action, governmentId, others) => {
          const subject = {
            governmentId,
            positionGovernmentIds: others,
            invitedGovernmentIds: others,
          };
          const v = can({ userId: 9, role: 'viewer', governmentId: null }, action, subject);
          const o = can({ userId: 9, role: 'officer', governmentId }, action, subject);
          const a = can({ userId: 9, role: 'admin', governmentId: null }, action, subject);
          // Voting is the one right the secretariat does not have.
          if (action !== 'election.vote') expect(!o || a).toBe(true);
          if (action !== 'user.changeOwnPassword' && action !== 'token.manage')
            expect(!v || o).toBe(true);
        },
      ),
    );
  });
});
