import { describe, expect, it } from 'vitest';
import type { Subject } from './mapping';
import { GovernmentIndex, prospectNames } from './governments';
import { SubjectPlacer } from './subject-placer';

/** Matching rows to governments, on a small directory held in memory. */

const GOVERNMENTS = [
  {
    id: 1,
    slug: 'taipei',
    country: 'TW',
    kind: 'special-municipality',
    cdp_account: '31446',
    nzt_id: null,
    latitude: 25.033,
    longitude: 121.5654,
  },
  {
    id: 2,
    slug: 'new-taipei',
    country: 'TW',
    kind: 'special-municipality',
    cdp_account: null,
    nzt_id: null,
    latitude: 25.012,
    longitude: 121.4657,
  },
  {
    id: 3,
    slug: 'denver',
    country: 'US',
    kind: 'city',
    cdp_account: null,
    nzt_id: 'CIT-DEN',
    latitude: 39.7392,
    longitude: -104.9903,
  },
  {
    id: 4,
    slug: 'kyoto',
    country: 'JP',
    kind: 'city',
    cdp_account: null,
    nzt_id: null,
    latitude: null,
    longitude: null,
  },
  {
    id: 5,
    slug: 'kyoto-prefecture',
    country: 'JP',
    kind: 'prefecture',
    cdp_account: null,
    nzt_id: null,
    latitude: null,
    longitude: null,
  },
  {
    id: 6,
    slug: 'springfield-a',
    country: 'US',
    kind: 'city',
    cdp_account: null,
    nzt_id: null,
    latitude: null,
    longitude: null,
  },
  {
    id: 7,
    slug: 'springfield-b',
    country: 'US',
    kind: 'city',
    cdp_account: null,
    nzt_id: null,
    latitude: null,
    longitude: null,
  },
];
const NAMES = [
  // The primary name, for the row report, is the English one whatever the order.
  { government_id: 1, name: '臺北市', kind: 'name', lang: 'zh-Hant' },
  { government_id: 1, name: 'Taipei', kind: 'name', lang: 'en' },
  { government_id: 2, name: 'New Taipei' },
  { government_id: 3, name: 'Denver' },
  { government_id: 4, name: 'Kyoto' },
  { government_id: 5, name: 'Kyoto Prefecture' },
  { government_id: 6, name: 'Springfield' },
  { government_id: 7, name: 'Springfield' },
];

const index = () => GovernmentIndex.of(GOVERNMENTS, NAMES);

function subject(names: string[], iso2: string, more: Partial<Subject> = {}): Subject {
  return {
    key: `name:${names[0]}|${iso2}`,
    cdpAccount: null,
    nztId: null,
    names,
    country: iso2,
    iso2,
    cdpRegion: null,
    kind: 'city',
    latitude: null,
    longitude: null,
    population: null,
    populationYear: null,
    areaKm2: null,
    ...more,
  };
}

describe('GovernmentIndex.match', () => {
  it('matches by key first, whatever the name', () => {
    const m = index().match(subject(['Elsewhere'], 'FR', { cdpAccount: '31446' }));
    expect(m).toMatchObject({
      kind: 'matched',
      by: 'cdp',
      uncertain: false,
      ref: { slug: 'taipei' },
    });
    const n = index().match(subject(['Denver'], 'US', { nztId: 'CIT-DEN' }));
    expect(n).toMatchObject({ kind: 'matched', by: 'nzt', uncertain: false });
  });

  it('matches a likely name with the country, uncertain unless the places agree', () => {
    expect(index().match(subject(['Taipei City'], 'TW'))).toMatchObject({
      kind: 'matched',
      by: 'likely-name',
      uncertain: true,
      ref: { slug: 'taipei' },
    });
    expect(
      index().match(subject(['Taipei City'], 'TW', { latitude: 25.04, longitude: 121.56 })),
    ).toMatchObject({ kind: 'matched', by: 'likely-name', uncertain: false });
    expect(index().match(subject(['臺北'], 'TW'))).toMatchObject({ ref: { slug: 'taipei' } });
    // The same name in another country is another government.
    expect(index().match(subject(['Taipei City'], 'CN'))).toEqual({ kind: 'none', others: [] });
  });

  it('prefers the same name to a likely one', () => {
    expect(index().match(subject(['New Taipei City'], 'TW'))).toMatchObject({
      kind: 'matched',
      ref: { slug: 'new-taipei' },
    });
    expect(index().match(subject(['Kyoto'], 'JP'))).toMatchObject({
      kind: 'matched',
      by: 'name',
      ref: { slug: 'kyoto' },
    });
  });

  it('does not take a place more than 40 km away, nor a government of another level', () => {
    // Denver, Iowa.
    expect(
      index().match(subject(['Denver'], 'US', { latitude: 42.67, longitude: -92.33 })),
    ).toEqual({ kind: 'none', others: [] });
    expect(index().match(subject(['Kyoto City'], 'JP', { kind: 'prefecture' }))).toEqual({
      kind: 'none',
      others: [],
    });
  });

  it('keeps apart a government that carries another key, and says so', () => {
    const m = index().match(subject(['Denver'], 'US', { nztId: 'CIT-OTHER' }));
    expect(m).toMatchObject({ kind: 'none', others: [{ slug: 'denver' }] });
  });

  it('answers several candidates', () => {
    expect(index().match(subject(['Springfield City'], 'US'))).toMatchObject({
      kind: 'ambiguous',
      candidates: [{ slug: 'springfield-a' }, { slug: 'springfield-b' }],
    });
  });
});

describe('SubjectPlacer', () => {
  it('lists an uncertain match once per subject and records the key it learnt', () => {
    const placer = new SubjectPlacer(index(), { noCreate: false });
    const s = subject(['Taipei City'], 'TW', { nztId: 'CIT-TPE', key: 'nzt:CIT-TPE' });
    const first = placer.place(s, 2);
    expect(first).toMatchObject({
      ref: { slug: 'taipei', name: 'Taipei' },
      link: { governmentId: 1, cdpAccount: null, nztId: 'CIT-TPE' },
      // The government by its name, never its slug.
      notes: [
        { code: 'matched-by-likely-name', params: { government: 'Taipei' } },
        { code: 'nzt-id-recorded', params: { id: 'CIT-TPE' } },
      ],
      match: {
        subjectKey: 'nzt:CIT-TPE',
        row: 2,
        status: 'likely',
        applied: 'taipei',
        candidates: ['taipei'],
        decision: null,
      },
    });
    // The next row of the same subject matches by the id the first one recorded.
    expect(placer.place(s, 3)).toMatchObject({ ref: { slug: 'taipei' }, match: null, notes: [] });
  });

  it('skips several candidates, and lists them', () => {
    const placer = new SubjectPlacer(index(), { noCreate: false });
    expect(placer.place(subject(['Springfield'], 'US'), 4)).toEqual({
      skip: {
        code: 'several-governments',
        params: { governments: ['Springfield', 'Springfield'] },
      },
      match: expect.objectContaining({
        status: 'several',
        applied: null,
        candidates: ['springfield-a', 'springfield-b'],
      }),
    });
  });

  it('creates a prospect beside a government with another key, and lists the pair', () => {
    const placer = new SubjectPlacer(index(), { noCreate: false });
    const placed = placer.place(
      subject(['Denver'], 'US', { nztId: 'CIT-OTHER', key: 'nzt:CIT-OTHER' }),
      5,
    );
    expect(placed).toMatchObject({
      prospect: { slug: 'denver-us', name: 'Denver' },
      notes: [
        {
          code: 'new-prospect-beside-namesakes',
          params: { name: 'Denver', namesakes: ['Denver'] },
        },
      ],
      match: { status: 'other-key', applied: 'denver-us', candidates: ['denver'] },
    });
  });

  it("applies a person's decisions from the preview", () => {
    const decisions = new Map([
      ['name:Taipei City|TW', { runId: 9, decision: 'create' as const, slug: null }],
      ['name:Springfield|US', { runId: 9, decision: 'accept' as const, slug: 'springfield-b' }],
      ['name:Kyoto City|JP', { runId: 9, decision: 'skip' as const, slug: null }],
    ]);
    const placer = new SubjectPlacer(index(), { noCreate: false }, decisions);
    expect(placer.place(subject(['Taipei City'], 'TW'), 2)).toMatchObject({
      prospect: { slug: 'taipei-city' },
      notes: [{ code: 'new-prospect-as-chosen', params: { name: 'Taipei City', run: 9 } }],
      match: { decision: 'create', applied: 'taipei-city' },
    });
    expect(placer.place(subject(['Springfield'], 'US'), 3)).toMatchObject({
      ref: { slug: 'springfield-b' },
      notes: [{ code: 'matched-as-confirmed', params: { run: 9 } }],
      match: { decision: 'accept', applied: 'springfield-b' },
    });
    expect(placer.place(subject(['Kyoto City'], 'JP'), 4)).toMatchObject({
      skip: { code: 'rejected-in-preview', params: { run: 9 } },
    });
    // A key match is certain: no decision applies to it.
    expect(
      placer.place(
        subject(['Taipei City'], 'TW', { cdpAccount: '31446', key: 'name:Taipei City|TW' }),
        5,
      ),
    ).toMatchObject({ ref: { slug: 'taipei' }, match: null });
  });
});

describe('prospectNames', () => {
  it('takes bracketed alternatives as aliases and keeps the name as written', () => {
    expect(prospectNames(['Ciudad de México (Mexico City)'])).toEqual([
      'Ciudad de México',
      'Mexico City',
      'Ciudad de México (Mexico City)',
    ]);
    expect(prospectNames(['Kyoto', 'City of Kyoto', 'kyoto'])).toEqual(['Kyoto', 'City of Kyoto']);
  });
});
