import { describe, expect, it } from 'vitest';
import { election } from './fixtures.test-helpers';
import {
  electionBody,
  electionPatch,
  electionValues,
  emptyElectionValues,
  type ElectionValues,
} from './form';

function filled(patch: Partial<ElectionValues> = {}): ElectionValues {
  const values = emptyElectionValues();
  return {
    ...values,
    body: 'east-asia-rexcom',
    title: { ...values.title, en: ' Election 2025 ', ko: '2025년 선거' },
    seats: '3',
    termLabel: '2025–2028',
    termStartsOn: '2025-05-01',
    termEndsOn: '2028-04-30',
    windows: {
      nominationsOpen: '2025-03-01T09:00',
      nominationsClose: '2025-03-15T18:00',
      votingOpen: '2025-04-01T09:00',
      votingClose: '2025-04-08T18:00',
    },
    ...patch,
  };
}

describe('electionBody', () => {
  it("builds the request, with the windows converted from the viewer's zone to UTC", () => {
    const { body, problems } = electionBody(filled(), 'Asia/Seoul');
    expect(problems).toEqual([]);
    expect(body).toEqual({
      body: 'east-asia-rexcom',
      title: { en: 'Election 2025', ko: '2025년 선거' },
      seats: 3,
      termLabel: '2025–2028',
      termStartsOn: '2025-05-01',
      termEndsOn: '2028-04-30',
      nominationsOpen: '2025-03-01T00:00:00.000Z',
      nominationsClose: '2025-03-15T09:00:00.000Z',
      votingOpen: '2025-04-01T00:00:00.000Z',
      votingClose: '2025-04-08T09:00:00.000Z',
    });
  });

  it('names every empty required field', () => {
    const { problems } = electionBody(emptyElectionValues(), 'UTC');
    expect(problems).toEqual([
      { pointer: '/body', code: 'required' },
      { pointer: '/title/en', code: 'titleRequired' },
      { pointer: '/termLabel', code: 'required' },
      { pointer: '/termStartsOn', code: 'required' },
      { pointer: '/termEndsOn', code: 'required' },
      { pointer: '/nominationsOpen', code: 'required' },
      { pointer: '/nominationsClose', code: 'required' },
      { pointer: '/votingOpen', code: 'required' },
      { pointer: '/votingClose', code: 'required' },
    ]);
  });

  it('wants between 1 and 50 seats as a whole number', () => {
    for (const seats of ['0', '51', '2.5', 'two', '']) {
      expect(electionBody(filled({ seats }), 'UTC').problems, seats).toEqual([
        { pointer: '/seats', code: 'seats' },
      ]);
    }
    expect(electionBody(filled({ seats: '50' }), 'UTC').problems).toEqual([]);
  });

  it('refuses impossible dates and a term that ends before it starts', () => {
    expect(electionBody(filled({ termStartsOn: '2025-02-30' }), 'UTC').problems).toEqual([
      { pointer: '/termStartsOn', code: 'date' },
    ]);
    expect(
      electionBody(filled({ termStartsOn: '2028-05-01', termEndsOn: '2025-04-30' }), 'UTC')
        .problems,
    ).toEqual([{ pointer: '/termEndsOn', code: 'termOrder' }]);
  });

  it('puts window order problems on the window that is wrong', () => {
    const values = filled();
    const { problems } = electionBody(
      {
        ...values,
        windows: {
          nominationsOpen: '2025-03-15T09:00',
          nominationsClose: '2025-03-01T09:00',
          votingOpen: '2025-04-08T09:00',
          votingClose: '2025-04-01T09:00',
        },
      },
      'UTC',
    );
    expect(problems).toEqual([
      { pointer: '/nominationsClose', code: 'nominationsOrder' },
      { pointer: '/votingClose', code: 'votingOrder' },
    ]);
    const early = electionBody(
      { ...values, windows: { ...values.windows, votingOpen: '2025-03-10T09:00' } },
      'UTC',
    );
    expect(early.problems).toEqual([{ pointer: '/votingOpen', code: 'votingAfterNominations' }]);
  });

  it('says a window is not a time when the input holds something else', () => {
    const values = filled();
    const { problems } = electionBody(
      { ...values, windows: { ...values.windows, votingClose: '2025-13-01T09:00' } },
      'UTC',
    );
    expect(problems).toEqual([{ pointer: '/votingClose', code: 'instant' }]);
  });
});

describe('electionValues', () => {
  it("shows a saved election's windows in the viewer's zone", () => {
    const values = electionValues(election({ title: { en: 'E', ja: '選挙' } }), 'Asia/Tokyo');
    expect(values.windows).toEqual({
      nominationsOpen: '2025-03-01T09:00',
      nominationsClose: '2025-03-15T09:00',
      votingOpen: '2025-04-01T09:00',
      votingClose: '2025-04-08T09:00',
    });
    expect(values.title.ja).toBe('選挙');
    expect(values.title.ko).toBe('');
    expect(values.seats).toBe('2');
  });
});

describe('electionPatch', () => {
  it('sends only what changed, comparing instants rather than their spelling', () => {
    const saved = election({ title: { en: 'Election 2025' } });
    const values = electionValues(saved, 'UTC');
    const unchanged = electionBody(values, 'UTC').body;
    expect(electionPatch(unchanged, saved)).toEqual({});

    const later = electionBody(
      { ...values, windows: { ...values.windows, votingClose: '2025-04-10T00:00' } },
      'UTC',
    ).body;
    expect(electionPatch(later, saved)).toEqual({ votingClose: '2025-04-10T00:00:00.000Z' });

    const renamed = electionBody({ ...values, title: { ...values.title, ko: '선거' } }, 'UTC').body;
    expect(electionPatch(renamed, saved)).toEqual({ title: { en: 'Election 2025', ko: '선거' } });
  });
});
