import { describe, expect, it } from 'vitest';
import { newItem } from './agenda-tree';
import {
  acceptMeetingDraft,
  checkMeeting,
  defaultMeetingZone,
  emptyMeetingValues,
  highestKey,
  meetingCreateBody,
  meetingFormValues,
  meetingPatchBody,
  type MeetingFormValues,
} from './meeting-form';
import type { Meeting } from './types';

function filled(patch: Partial<MeetingFormValues> = {}): MeetingFormValues {
  const values = emptyMeetingValues('Asia/Seoul', 'rexcom-east-asia');
  return {
    ...values,
    title: { ...values.title, en: 'RexCom spring meeting', ko: '지역집행위원회 봄 회의' },
    start: '2025-03-04T10:00',
    end: '2025-03-04T12:00',
    ...patch,
  };
}

describe('checkMeeting', () => {
  it('accepts a complete meeting', () => {
    expect(checkMeeting(filled(), [])).toEqual([]);
  });

  it('asks for an English title, both times and a known zone', () => {
    const values = emptyMeetingValues('Asia/Nowhere');
    expect(checkMeeting(values, null)).toEqual([
      { pointer: '/title/en', code: 'englishTitleRequired' },
      { pointer: '/timeZone', code: 'badZone' },
      { pointer: '/start', code: 'required' },
      { pointer: '/end', code: 'required' },
    ]);
  });

  it('wants the end after the start, in the meeting zone', () => {
    expect(checkMeeting(filled({ end: '2025-03-04T10:00' }), null)).toEqual([
      { pointer: '/end', code: 'endBeforeStart' },
    ]);
  });

  it('rejects dates that do not exist and links that are not web addresses', () => {
    expect(checkMeeting(filled({ start: '2025-02-30T10:00', joinUrl: 'zoom' }), null)).toEqual([
      { pointer: '/start', code: 'badDateTime' },
      { pointer: '/joinUrl', code: 'badUrl' },
    ]);
    expect(checkMeeting(filled({ joinUrl: 'javascript:alert(1)' }), null)).toEqual([
      { pointer: '/joinUrl', code: 'badUrl' },
    ]);
  });

  it('includes the agenda checks under /agenda', () => {
    expect(checkMeeting(filled(), [newItem('k')])).toEqual([
      { pointer: '/agenda/0/title', code: 'titleRequired' },
    ]);
  });
});

describe('request bodies', () => {
  it('creates with the body, cleaned titles, nulls for blanks and the agenda', () => {
    const agenda = [{ ...newItem('k', 'opening-remark'), title: { en: 'Opening' }, duration: '5' }];
    expect(
      meetingCreateBody(filled({ venue: '  ', joinUrl: 'https://meet.example/x' }), agenda),
    ).toEqual({
      body: 'rexcom-east-asia',
      title: { en: 'RexCom spring meeting', ko: '지역집행위원회 봄 회의' },
      format: 'in-person',
      start: '2025-03-04T10:00',
      end: '2025-03-04T12:00',
      timeZone: 'Asia/Seoul',
      venue: null,
      joinUrl: 'https://meet.example/x',
      agenda: [
        {
          kind: 'opening-remark',
          title: { en: 'Opening' },
          durationMinutes: 5,
          notes: null,
          speakers: [],
        },
      ],
    });
  });

  it('sends no body and no agenda in a patch', () => {
    const patch = meetingPatchBody(filled({ venue: 'Seoul City Hall' }));
    expect(patch).not.toHaveProperty('body');
    expect(patch).not.toHaveProperty('agenda');
    expect(patch.venue).toBe('Seoul City Hall');
  });

  it('a meeting of no body is sent with body null', () => {
    expect(meetingCreateBody(filled({ body: '' }), []).body).toBeNull();
  });

  it('sends the chosen term, and no term when left to the date', () => {
    expect(meetingCreateBody(filled({ termId: '4' }), []).termId).toBe(4);
    expect(meetingCreateBody(filled(), [])).not.toHaveProperty('termId');
    // A term left over from a body that is no longer chosen is not sent.
    expect(meetingCreateBody(filled({ body: '', termId: '4' }), [])).not.toHaveProperty('termId');
  });

  it('never sends a term in a patch', () => {
    expect(meetingPatchBody(filled({ termId: '4' }))).not.toHaveProperty('termId');
  });
});

describe('meetingFormValues', () => {
  it('fills the form with the wall-clock times of the meeting zone', () => {
    const meeting = {
      body: { slug: 'council', names: { en: 'Council' }, kind: 'council' },
      title: { en: 'Council', ja: '評議会' },
      format: 'hybrid',
      localStart: '2025-03-04T10:00:00',
      localEnd: '2025-03-04T12:30',
      timeZone: 'Asia/Tokyo',
      venue: null,
      joinUrl: 'https://meet.example/c',
    } as unknown as Meeting;
    expect(meetingFormValues(meeting)).toEqual({
      body: 'council',
      termId: '',
      title: { en: 'Council', ko: '', ja: '評議会', 'zh-Hans': '', 'zh-Hant': '' },
      format: 'hybrid',
      start: '2025-03-04T10:00',
      end: '2025-03-04T12:30',
      timeZone: 'Asia/Tokyo',
      venue: '',
      joinUrl: 'https://meet.example/c',
    });
  });
});

describe('the meeting draft', () => {
  const blank = emptyMeetingValues('Asia/Seoul');
  it('is taken back only for the same version of the meeting, on the fields the form has', () => {
    const values = { ...blank, title: { ...blank.title, en: 'Draft' }, start: 7, extra: 'x' };
    const draft = acceptMeetingDraft({ version: 3, values, agenda: [] }, blank, 3);
    expect(draft?.values.title.en).toBe('Draft');
    expect(draft?.values.start).toBe('');
    expect(draft?.values).not.toHaveProperty('extra');
    expect(acceptMeetingDraft({ version: 2, values, agenda: [] }, blank, 3)).toBeNull();
    expect(acceptMeetingDraft({ version: null, values, agenda: 'x' }, blank, null)).toBeNull();
  });
  it('knows the highest item key it holds, so new items get new keys', () => {
    const agenda = [{ ...newItem('item-2'), children: [newItem('item-9')] }, newItem('other')];
    expect(highestKey(agenda)).toBe(9);
  });
});

describe('defaultMeetingZone', () => {
  const bodies = [
    { slug: 'east-asia-rexcom', timeZone: 'Asia/Seoul' },
    { slug: 'europe-rexcom', timeZone: null },
    { slug: 'broken', timeZone: 'Not/AZone' },
  ];

  it('opens a meeting of a body in its secretariat’s zone', () => {
    expect(defaultMeetingZone('east-asia-rexcom', bodies, 'America/Denver')).toBe('Asia/Seoul');
  });

  it('falls back to the reader’s zone without a body, a zone, or a zone that is none', () => {
    expect(defaultMeetingZone('', bodies, 'America/Denver')).toBe('America/Denver');
    expect(defaultMeetingZone('europe-rexcom', bodies, 'America/Denver')).toBe('America/Denver');
    expect(defaultMeetingZone('broken', bodies, 'America/Denver')).toBe('America/Denver');
    expect(defaultMeetingZone('unknown', bodies, 'UTC')).toBe('UTC');
  });
});
