import { describe, expect, it } from 'vitest';
import {
  followRegister,
  initialVotes,
  presentGovernmentIds,
  registerGroups,
  seatRows,
} from './register';
import type { Attendance, GovernmentRef, Invitation, Seat } from './types';

const gov = (id: number, slug: string, en: string): GovernmentRef => ({
  id,
  slug,
  names: { en },
  localLang: 'en',
  country: 'KR',
});
const seoul = gov(1, 'seoul', 'Seoul');
const suwon = gov(2, 'suwon', 'Suwon');
const kyoto = gov(3, 'kyoto', 'Kyoto');
const taipei = gov(4, 'new-taipei', 'New Taipei');

function seat(id: number, government: GovernmentRef, person: string | null, voting = true): Seat {
  return {
    id,
    termId: 1,
    government,
    person: person ? { id: id * 10, fullName: person, names: {} } : null,
    position: voting ? 'member' : 'advisory',
    portfolio: null,
    voting,
    sortOrder: id,
    version: 1,
  };
}

let nextId = 1;
function record(
  government: GovernmentRef | null,
  name: string,
  capacity: Attendance['capacity'],
  present = true,
  principal: string | null = null,
): Attendance {
  return {
    id: nextId++,
    government,
    person: null,
    name,
    capacity,
    principal: principal ? { person: null, name: principal } : null,
    mode: 'in-person',
    present,
    recordedAt: '2025-03-04T01:00:00.000Z',
    version: 1,
  };
}

const seats = [
  seat(1, seoul, 'Jeong Hyup Seo'),
  seat(2, suwon, 'Yeom Tae-young'),
  seat(3, kyoto, 'Daisaku Kadokawa'),
  seat(4, taipei, null, false),
];

const attendance = [
  record(seoul, 'Min Kwon', 'proxy', true, 'Jeong Hyup Seo'),
  record(suwon, 'Yeom Tae-young', 'own-right'),
  record(kyoto, 'Daisaku Kadokawa', 'own-right', false),
  record(null, 'Ada Adviser', 'adviser'),
];

describe('registerGroups', () => {
  it('sorts the present into own right, proxies and advisers, and the absent apart', () => {
    const groups = registerGroups(attendance);
    expect(groups.ownRight.map((a) => a.name)).toEqual(['Yeom Tae-young']);
    expect(groups.proxies.map((a) => [a.name, a.principal?.name])).toEqual([
      ['Min Kwon', 'Jeong Hyup Seo'],
    ]);
    expect(groups.advisers.map((a) => a.name)).toEqual(['Ada Adviser']);
    expect(groups.absent.map((a) => a.name)).toEqual(['Daisaku Kadokawa']);
  });
});

describe('seatRows', () => {
  const invitations: Invitation[] = [
    {
      id: 90,
      seatId: 3,
      government: kyoto,
      person: null,
      name: 'Daisaku Kadokawa',
      email: null,
      role: 'REQ-PARTICIPANT',
      reply: 'proxy',
      proxy: { person: null, name: 'Hanako Yamada', email: 'h@example.org' },
      comment: null,
      invitedAt: '2025-02-01T00:00:00.000Z',
      repliedAt: '2025-02-02T00:00:00.000Z',
      version: 2,
    },
  ];

  it('gives each seat its state from the register', () => {
    const rows = seatRows(seats, attendance, invitations);
    expect(rows.map((r) => [r.seat.government.slug, r.state])).toEqual([
      ['seoul', 'proxy'],
      ['suwon', 'own-right'],
      ['kyoto', 'absent'],
      ['new-taipei', 'unmarked'],
    ]);
  });

  it('prefills the proxy form from the reply that named a proxy', () => {
    const kyotoRow = seatRows(seats, attendance, invitations)[2];
    expect(kyotoRow?.invitation?.id).toBe(90);
    expect(kyotoRow?.proxyPrefill).toEqual({
      proxyName: 'Hanako Yamada',
      principalName: 'Daisaku Kadokawa',
    });
  });

  it('prefers a present record to an absent one for the same government', () => {
    const rows = seatRows(
      seats,
      [...attendance, record(kyoto, 'Daisaku Kadokawa', 'own-right')],
      [],
    );
    expect(rows[2]?.state).toBe('own-right');
  });
});

describe('votes', () => {
  it('counts governments present in person or by proxy, not advisers or the absent', () => {
    expect(presentGovernmentIds(attendance)).toEqual([1, 2]);
  });

  it('starts voting seats at abstain when present and absent otherwise', () => {
    expect(initialVotes(seats, attendance)).toEqual({ 1: 'abstain', 2: 'abstain', 3: 'absent' });
  });

  it('lets a seat marked present after the vote form opened vote, keeping choices made by hand', () => {
    const before = initialVotes(seats, attendance);
    const after = initialVotes(seats, [
      ...attendance,
      record(kyoto, 'Daisaku Kadokawa', 'own-right'),
    ]);
    expect(after[3]).toBe('abstain');
    // Seoul was set to "for" by hand; Suwon and Kyoto were left as the register had them.
    const votes = followRegister({ ...before, 1: 'for' }, before, after);
    expect(votes).toEqual({ 1: 'for', 2: 'abstain', 3: 'abstain' });
    // Marked absent again, Kyoto is absent again.
    expect(followRegister(votes, after, before)).toEqual({ 1: 'for', 2: 'abstain', 3: 'absent' });
  });
});
