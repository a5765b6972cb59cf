import { describe, expect, it } from 'vitest';
import type { Person } from '../types';
import { candidate } from './fixtures.test-helpers';
import { leaderOptions, nominationBody, standingCandidacy } from './nomination';

function person(
  id: number,
  fullName: string,
  positions: Partial<Person['positions'][number]>[],
): Person {
  return {
    id,
    fullName,
    names: { en: fullName },
    email: null,
    isDemo: true,
    version: 1,
    positions: positions.map((p, i) => ({
      id: id * 10 + i,
      personId: id,
      title: 'mayor',
      government: { id: 7, slug: 'suwon', names: { en: 'Suwon' }, localLang: 'ko' },
      office: null,
      startDate: null,
      endDate: null,
      confirmedOn: null,
      version: 1,
      ...p,
    })),
  };
}

describe('leaderOptions', () => {
  const people = [
    person(1, 'Director Kim', [{ title: 'director-general' }]),
    person(2, 'Vice Mayor Park', [{ title: 'vice-mayor' }]),
    person(3, 'Mayor Lee', [{ title: 'mayor', startDate: '2022-07-01' }]),
    person(4, 'Former Mayor Yeom', [{ title: 'mayor', endDate: '2022-06-30' }]),
    person(5, 'Elsewhere', [
      { title: 'mayor', government: { id: 9, slug: 'seoul', names: {}, localLang: 'ko' } },
    ]),
    person(6, 'Future Mayor', [{ title: 'mayor', startDate: '2030-01-01' }]),
  ];

  it('lists people in office at the government today, political leaders first, mayor on top', () => {
    const options = leaderOptions(people, 7, '2025-03-05');
    expect(options.map((o) => [o.person.id, o.political])).toEqual([
      [3, true],
      [2, true],
      [1, false],
    ]);
    expect(options[0]?.titles).toEqual(['mayor']);
  });

  it('counts the last day of a position as in office', () => {
    expect(leaderOptions(people, 7, '2022-06-30').map((o) => o.person.id)).toContain(4);
  });
});

describe('nominationBody', () => {
  it('builds the request with the statement in the language it was written in', () => {
    const { body, problems } = nominationBody({
      governmentId: 7,
      personId: '3',
      statement: ' 탄소중립을 위해 ',
      lang: 'ko',
      codeOfHonour: true,
    });
    expect(problems).toEqual([]);
    expect(body).toEqual({
      governmentId: 7,
      personId: 3,
      statement: { ko: '탄소중립을 위해' },
      codeOfHonourAccepted: true,
    });
  });

  it('leaves the statement out when there is none', () => {
    const { body } = nominationBody({
      governmentId: 7,
      personId: '3',
      statement: '  ',
      lang: 'en',
      codeOfHonour: true,
    });
    expect(body).not.toHaveProperty('statement');
  });

  it('asks for a government, a leader and the code of honour', () => {
    const { problems } = nominationBody({
      governmentId: null,
      personId: '',
      statement: 'x'.repeat(201),
      lang: 'en',
      codeOfHonour: false,
    });
    expect(problems).toEqual([
      { pointer: '/governmentId', code: 'chooseGovernment' },
      { pointer: '/personId', code: 'chooseLeader' },
      { pointer: '/statement', code: 'statementTooLong' },
      { pointer: '/codeOfHonourAccepted', code: 'codeOfHonour' },
    ]);
  });
});

describe('standingCandidacy', () => {
  it("finds the government's candidacy unless it was withdrawn", () => {
    const list = [candidate(1), candidate(2, { status: 'withdrawn' })];
    expect(standingCandidacy(list, 10)?.id).toBe(1);
    expect(standingCandidacy(list, 20)).toBeNull();
    expect(standingCandidacy(list, 99)).toBeNull();
  });
});
