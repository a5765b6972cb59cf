import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import i18n from '../i18n';
import { AgendaView, RegisterView } from './meeting-parts';
import { InitialsAvatar, MeetingTimes, QuorumIndicator } from './parts';
import type { Attendance, Meeting, Quorum } from './types';

beforeAll(async () => {
  await i18n.changeLanguage('en');
});
afterAll(async () => {
  await i18n.changeLanguage('en');
});

const rule = { numerator: 1, denominator: 2, strict: true, proxiesCount: true };
const quorum = (present: number, reached: boolean): Quorum => ({
  votingSeats: 6,
  required: 4,
  present,
  reached,
  counted: [],
  notCounted: [],
  rule,
});

describe('QuorumIndicator', () => {
  it('announces politely and says in words that quorum is reached', () => {
    const html = renderToStaticMarkup(<QuorumIndicator quorum={quorum(5, true)} />);
    expect(html).toContain('data-testid="quorum-indicator"');
    expect(html).toContain('aria-live="polite"');
    expect(html).toContain('Quorum reached: 5 of 6 voting seats present, 4 required');
    expect(html).not.toContain('must be present before');
  });

  it('says how many are missing when it is not reached', () => {
    const html = renderToStaticMarkup(<QuorumIndicator quorum={quorum(2, false)} />);
    expect(html).toContain('Quorum not reached: 2 of 6 voting seats present, 4 required');
    expect(html).toContain('2 more voting seats must be present');
  });

  it('speaks the viewer language', async () => {
    await i18n.changeLanguage('ko');
    const html = renderToStaticMarkup(<QuorumIndicator quorum={quorum(5, true)} />);
    await i18n.changeLanguage('en');
    expect(html).toContain('의사정족수 충족');
  });
});

describe('InitialsAvatar', () => {
  it('shows the initials and gives screen readers the full name', () => {
    const html = renderToStaticMarkup(<InitialsAvatar name="Min Kwon" />);
    expect(html).toContain('role="img"');
    expect(html).toContain('aria-label="Min Kwon"');
    expect(html).toMatch(/<span aria-hidden="true">MK<\/span>/);
    expect(html).toMatch(/background-color:#[0-9a-f]{6}/);
  });
});

describe('MeetingTimes', () => {
  it('names the meeting zone and shows the time on its clock', () => {
    const html = renderToStaticMarkup(
      <MeetingTimes
        meeting={{
          startsAt: '2025-03-04T01:00:00.000Z',
          endsAt: '2025-03-04T03:00:00.000Z',
          timeZone: 'Pacific/Kiritimati',
        }}
      />,
    );
    expect(html).toContain('Local time (Pacific/Kiritimati)');
    // Kiritimati is UTC+14, far from wherever the tests run, so the viewer line appears too.
    expect(html).toContain('Your time (');
    expect(html).toContain('3:00');
  });
});

const item = (
  id: number,
  parentId: number | null,
  number: string,
  title: string,
  start: string,
  end: string,
) => ({
  id,
  parentId,
  number,
  depth: number.split('.').length,
  kind: 'report' as const,
  title: { en: title },
  durationMinutes: null,
  notes: null,
  speakers: id === 2 ? [{ person: null, name: 'Min Kwon', role: 'Rapporteur', roles: {} }] : [],
  plannedStart: start,
  plannedEnd: end,
});

describe('AgendaView', () => {
  const meeting = {
    timeZone: 'Asia/Seoul',
    agendaOverrunMinutes: 15,
    agenda: [
      item(1, null, '1', 'Reports', '2025-03-04T01:00:00.000Z', '2025-03-04T01:30:00.000Z'),
      item(2, 1, '1.1', 'Seoul', '2025-03-04T01:00:00.000Z', '2025-03-04T01:30:00.000Z'),
      item(3, null, '2', 'Closing', '2025-03-04T01:30:00.000Z', '2025-03-04T01:35:00.000Z'),
    ],
  } as unknown as Meeting;

  it('nests sub-items under their item, numbered, with the clock in the meeting zone', () => {
    const html = renderToStaticMarkup(<AgendaView meeting={meeting} />);
    const nested = html.indexOf('gov-agenda--nested');
    expect(html.indexOf('>Reports<')).toBeLessThan(nested);
    expect(html.indexOf('>Seoul<')).toBeGreaterThan(nested);
    expect(html.indexOf('>Closing<')).toBeGreaterThan(html.indexOf('>Seoul<'));
    expect(html).toContain('>1.1<');
    expect(html).toMatch(/10:00.*10:30/);
    expect(html).toContain('Speakers: Min Kwon (Rapporteur)');
    expect(html).toContain('30 minutes');
  });

  it('warns when the agenda runs past the end', () => {
    const html = renderToStaticMarkup(<AgendaView meeting={meeting} />);
    expect(html).toContain('data-testid="agenda-overrun"');
    expect(html).toContain('runs 15 minutes past');
  });
});

describe('RegisterView', () => {
  const base = {
    person: null,
    mode: 'in-person' as const,
    present: true,
    recordedAt: '2025-03-04T01:00:00.000Z',
    version: 1,
  };
  const seoul = { id: 1, slug: 'seoul', names: { en: 'Seoul' }, localLang: 'en', country: 'KR' };
  const attendance: Attendance[] = [
    {
      ...base,
      id: 1,
      government: seoul,
      name: 'Min Kwon',
      capacity: 'proxy',
      principal: { person: null, name: 'Jeong Hyup Seo' },
    },
    { ...base, id: 2, government: null, name: 'Ada Adviser', capacity: 'adviser', principal: null },
  ];

  it('writes a proxy as the proxy of someone of a government', () => {
    const html = renderToStaticMarkup(<RegisterView attendance={attendance} />);
    expect(html).toContain('As proxies');
    expect(html).toContain('Min Kwon — proxy of Jeong Hyup Seo, Seoul');
    expect(html).toContain('Advisers');
    expect(html).not.toContain('In their own right');
  });
});
