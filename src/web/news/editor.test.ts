import { describe, expect, it } from 'vitest';
import {
  draftPayload,
  emptyPostDraft,
  filterMeetingChoices,
  meetingChoices,
  firstLanguageWithProblem,
  patchFromCreate,
  postDraft,
  writtenLanguages,
  type PostDraft,
} from './editor';
import type { MeetingSummary, NewsPost } from './types';

function draftWith(patch: (d: PostDraft) => void): PostDraft {
  const d = emptyPostDraft();
  patch(d);
  return d;
}

describe('draftPayload', () => {
  it('sends only the languages that have text, trimmed', () => {
    const draft = draftWith((d) => {
      d.translations.en = {
        title: ' Summit in Suwon ',
        summary: 'Mayors met.',
        bodyHtml: '<p>Hi</p>',
      };
      d.translations.ko = { title: '수원 정상회의', summary: '', bodyHtml: '' };
    });
    const { payload, problems } = draftPayload(draft);
    expect(problems).toEqual([]);
    expect(payload.translations).toEqual({
      en: { title: 'Summit in Suwon', summary: 'Mayors met.', bodyHtml: '<p>Hi</p>' },
      ko: { title: '수원 정상회의', summary: '', bodyHtml: '' },
    });
    expect(payload).not.toHaveProperty('slug');
    expect(payload.meetingId).toBeNull();
    expect(payload.body).toBeNull();
    expect(payload.governmentIds).toEqual([]);
  });

  it('asks for a title in a language that has only a body', () => {
    const draft = draftWith((d) => {
      d.translations.en.title = 'Summit';
      d.translations.ja.bodyHtml = '<p>本文</p>';
    });
    expect(draftPayload(draft).problems).toEqual([
      { pointer: '/translations/ja/title', code: 'titleRequired' },
    ]);
  });

  it('wants at least one language', () => {
    expect(draftPayload(emptyPostDraft()).problems).toEqual([
      { pointer: '/translations/en/title', code: 'noLanguage' },
    ]);
  });

  it('reads the meeting number and refuses anything but a positive whole number', () => {
    const ok = draftWith((d) => {
      d.translations.en.title = 'T';
      d.meetingId = ' 12 ';
    });
    expect(draftPayload(ok).payload.meetingId).toBe(12);
    for (const bad of ['0', '1.5', 'twelve', '-3']) {
      const draft = draftWith((d) => {
        d.translations.en.title = 'T';
        d.meetingId = bad;
      });
      expect(draftPayload(draft).problems, bad).toEqual([
        { pointer: '/meetingId', code: 'meetingId' },
      ]);
    }
  });

  it('checks a slug when one is given and links the body and governments once each', () => {
    const draft = draftWith((d) => {
      d.translations.en.title = 'T';
      d.slug = 'Not A Slug';
      d.body = 'east-asia-rexcom';
      d.governments = [
        { id: 3, slug: 'kyoto', label: 'Kyoto' },
        { id: 3, slug: 'kyoto', label: 'Kyoto' },
        { id: 5, slug: 'seoul', label: 'Seoul' },
      ];
    });
    const { payload, problems } = draftPayload(draft);
    expect(problems).toEqual([{ pointer: '/slug', code: 'slug' }]);
    expect(payload.body).toBe('east-asia-rexcom');
    expect(payload.governmentIds).toEqual([3, 5]);
  });

  it('flags a title longer than the server takes', () => {
    const draft = draftWith((d) => {
      d.translations.en.title = 'x'.repeat(301);
    });
    expect(draftPayload(draft).problems).toEqual([
      { pointer: '/translations/en/title', code: 'titleTooLong' },
    ]);
  });
});

describe('postDraft', () => {
  it('fills the tabs from a saved post and keeps other languages aside', () => {
    const post = {
      slug: 'summit',
      translations: {
        ko: { title: '정상회의', summary: '요약', bodyHtml: '<p>본문</p>' },
        fr: { title: 'Sommet', summary: '', bodyHtml: '' },
      },
      meeting: { id: 7, title: { en: 'Meeting' }, startsAt: '2025-01-01T00:00:00.000Z' },
      body: { slug: 'rexcom', names: { en: 'Rexcom' } },
      governments: [
        { id: 4, slug: 'suwon', names: { en: 'Suwon' }, localLang: 'ko', country: 'KR' },
      ],
    } as unknown as NewsPost;
    const draft = postDraft(post, (g) => g.names.en ?? g.slug);
    expect(draft.translations.ko.title).toBe('정상회의');
    expect(draft.translations.en.title).toBe('');
    expect(draft.otherTranslations).toEqual({ fr: { title: 'Sommet', summary: '', bodyHtml: '' } });
    expect(draft.meetingId).toBe('7');
    expect(draft.body).toBe('rexcom');
    expect(draft.governments).toEqual([{ id: 4, slug: 'suwon', label: 'Suwon' }]);
    expect(writtenLanguages(draft)).toEqual(['ko']);
    // The language without a tab goes back as it came.
    expect(Object.keys(draftPayload(draft).payload.translations).sort()).toEqual(['fr', 'ko']);
  });
});

describe('patchFromCreate', () => {
  it('drops the slug, which a saved post keeps', () => {
    const patch = patchFromCreate({
      slug: 'x',
      translations: { en: { title: 'T', summary: '', bodyHtml: '' } },
      meetingId: null,
      body: null,
      governmentIds: [1],
    });
    expect(patch).toEqual({
      translations: { en: { title: 'T', summary: '', bodyHtml: '' } },
      meetingId: null,
      body: null,
      governmentIds: [1],
    });
  });
});

describe('firstLanguageWithProblem', () => {
  it('finds the tab, in tab order, that the errors point into', () => {
    expect(
      firstLanguageWithProblem(['/meetingId', '/translations/ja/title', '/translations/ko']),
    ).toBe('ko');
    expect(firstLanguageWithProblem(['/meetingId'])).toBeNull();
  });
});

describe('meetingChoices', () => {
  const meeting = (
    id: number,
    title: Record<string, string>,
    localStart: string,
    body: Record<string, string> | null,
  ) =>
    ({
      id,
      title,
      localStart,
      startsAt: `${localStart}Z`,
      body: body ? { slug: `body-${id}`, names: body, kind: 'committee' } : null,
    }) as unknown as MeetingSummary;
  const day = (d: string) => `day ${d.slice(0, 10)}`;
  const list = [
    meeting(9, { en: 'Spring session', ko: '봄 회의' }, '2025-04-02T10:00:00', {
      en: 'Executive Committee',
      ko: '집행위원회',
    }),
    meeting(4, {}, '2024-11-20T09:00:00', null),
  ];

  it('names each meeting by body, title and day in the reader’s language, never by its id', () => {
    const choices = meetingChoices(list, null, 'ko', day, 'untitled');
    expect(choices.map((c) => [c.value, c.label])).toEqual([
      ['9', '집행위원회 — 봄 회의 — day 2025-04-02'],
      ['4', 'untitled — day 2024-11-20'],
    ]);
    expect(meetingChoices(list, null, 'en', day, 'untitled')[0]?.label).toBe(
      'Executive Committee — Spring session — day 2025-04-02',
    );
  });

  it('keeps the post’s own meeting when the list does not hold it', () => {
    const current = { id: 2, title: { en: 'Founding meeting' }, startsAt: '2019-05-01T08:00:00Z' };
    const choices = meetingChoices(list, current, 'en', day, 'untitled');
    expect(choices[0]).toMatchObject({ value: '2', label: 'Founding meeting — day 2019-05-01' });
    expect(choices).toHaveLength(3);
    // A post whose meeting is listed does not get it twice.
    expect(meetingChoices(list, { ...current, id: 9 }, 'en', day, 'x')).toHaveLength(2);
  });

  it('filters by every word typed, whatever the case or width, and keeps the chosen one', () => {
    const choices = meetingChoices(list, null, 'en', day, 'untitled');
    expect(filterMeetingChoices(choices, 'EXECUTIVE  spring', '').map((c) => c.value)).toEqual([
      '9',
    ]);
    expect(filterMeetingChoices(choices, 'ｓｐｒｉｎｇ', '').map((c) => c.value)).toEqual(['9']);
    expect(filterMeetingChoices(choices, 'spring', '4').map((c) => c.value)).toEqual(['9', '4']);
    expect(filterMeetingChoices(choices, '  ', '')).toHaveLength(2);
    expect(filterMeetingChoices(choices, 'nothing like it', '')).toEqual([]);
  });
});
