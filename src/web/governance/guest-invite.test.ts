import { describe, expect, it } from 'vitest';
import {
  checkGuest,
  emptyGuest,
  guestInviteBody,
  guestServerErrors,
  GUEST_POINTERS,
  invitationRoleKey,
} from './guest-invite';

const guest = (patch = {}) => ({
  ...emptyGuest(),
  name: 'Ana Lee',
  email: 'ana.lee@example.org',
  ...patch,
});

describe('checkGuest', () => {
  it('starts as an optional participant and accepts a named guest with an address', () => {
    expect(emptyGuest().role).toBe('OPT-PARTICIPANT');
    expect(checkGuest(guest(), [])).toEqual([]);
  });

  it('asks for the name and the address, beside each field', () => {
    expect(checkGuest(emptyGuest(), [])).toEqual([
      { pointer: '/guests/0/name', code: 'nameRequired' },
      { pointer: '/guests/0/email', code: 'emailRequired' },
    ]);
    expect(checkGuest(guest({ name: '  ', email: 'ana at example' }), [])).toEqual([
      { pointer: '/guests/0/name', code: 'nameRequired' },
      { pointer: '/guests/0/email', code: 'badEmail' },
    ]);
    expect(checkGuest(guest({ email: 'ana@localhost' }), [])[0]?.code).toBe('badEmail');
  });

  it('knows an address already invited, whatever its case', () => {
    const invited = [{ email: null }, { email: 'Ana.Lee@Example.org' }];
    expect(checkGuest(guest({ email: ' ana.lee@example.ORG ' }), invited)).toEqual([
      { pointer: '/guests/0/email', code: 'alreadyInvited' },
    ]);
    expect(checkGuest(guest({ email: 'min@example.org' }), invited)).toEqual([]);
  });
});

describe('guestInviteBody', () => {
  it('invites the guest alone, not the seats, with trimmed fields and the role', () => {
    expect(
      guestInviteBody(guest({ name: ' Ana Lee ', email: ' ana@example.org ', role: 'CHAIR' })),
    ).toEqual({
      seats: false,
      guests: [{ name: 'Ana Lee', email: 'ana@example.org', role: 'CHAIR' }],
    });
  });
});

describe('guestServerErrors', () => {
  it("puts the form's words on the server's conflict over the address", () => {
    const errors = [{ pointer: GUEST_POINTERS.email, detail: 'Already invited.' }];
    expect(guestServerErrors(409, errors, 'Invited already')).toEqual([
      { pointer: '/guests/0/email', detail: 'Invited already' },
    ]);
  });

  it('leaves validation errors as the server sent them', () => {
    const errors = [{ pointer: GUEST_POINTERS.email, detail: 'must match format "email"' }];
    expect(guestServerErrors(400, errors, 'Invited already')).toEqual(errors);
  });
});

describe('invitationRoleKey', () => {
  it("words a seat's role by its place and a guest's by what the calendar does", () => {
    expect(invitationRoleKey({ seatId: 4, role: 'OPT-PARTICIPANT' })).toBe(
      'calendarRoles.OPT-PARTICIPANT',
    );
    expect(invitationRoleKey({ seatId: null, role: 'OPT-PARTICIPANT' })).toBe(
      'guestRoles.OPT-PARTICIPANT',
    );
  });
});
