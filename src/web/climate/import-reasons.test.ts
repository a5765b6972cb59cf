import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import {
  IMPORT_ENTITY_KINDS,
  IMPORT_REASON_CODES,
  NOT_KEPT_BECAUSE,
  PERIOD_PARTS,
  RUN_PROBLEM_CODES,
  TARGET_ORIGINS,
  TARGET_RECORD_FIELDS,
  VALUE_PROBLEM_CODES,
  type ImportReason,
  type ImportReasonCode,
  type RunProblem,
  type RunProblemCode,
} from '../../core/climate/import-reasons';
import { LOCALES } from '../../core/locales';
import { catalog, missingVocabulary } from '../i18n/catalog-check';
import { entityText, reasonText, rowReasons, runErrorText } from './import-reasons';

/**
 * Every code of an import's outcome (src/core/climate/import-reasons.ts) has its words in every
 * language, and none is ever shown as a code, a key or a slug.
 */

describe('the importReasons catalog', () => {
  it('words every code of the core in every language', () => {
    expect(
      missingVocabulary('importReasons', [
        ['reasons', [...IMPORT_REASON_CODES, 'states-target-of-other-source-filling']],
        ['problems', VALUE_PROBLEM_CODES],
        ['periodParts', PERIOD_PARTS],
        ['notKeptBecause', NOT_KEPT_BECAUSE],
        ['origins', TARGET_ORIGINS],
        ['trackerTargets', ['end', 'interim']],
        ['entities', [...IMPORT_ENTITY_KINDS, 'emission-report-rows', 'noYear']],
        ['target', ['withYear', 'withoutYear']],
        ['record', ['report']],
        ['runErrors', RUN_PROBLEM_CODES],
        ['written', ['dry-run', 'nothing', 'kept-after-stop', 'kept-after-failure']],
      ]),
    ).toEqual([]);
    // What another source's target took from a row is named by the target form's words.
    expect(missingVocabulary('climate', [['fields', TARGET_RECORD_FIELDS]])).toEqual([]);
  });

  it('has both plural forms where a count appears, in every language', () => {
    for (const lang of LOCALES) {
      const written = catalog(lang, 'importReasons').written as Record<string, string>;
      for (const code of ['kept-after-stop', 'kept-after-failure']) {
        expect(written[`${code}_one`], `${lang} ${code}_one`).toContain('{{count}}');
        expect(written[`${code}_other`], `${lang} ${code}_other`).toContain('{{count}}');
      }
    }
  });
});

/** One reason of each code, with parameters as the importers give them. */
const target = { title: 'Net zero by 2050', type: 'fixed-level' as const, year: 2050 };
const SAMPLES: Record<ImportReasonCode, ImportReason> = {
  'no-government-named': { code: 'no-government-named' },
  'no-id-code': { code: 'no-id-code' },
  'not-local-government': { code: 'not-local-government', params: { value: 'Country' } },
  'no-target': { code: 'no-target' },
  'target-type-missing': { code: 'target-type-missing' },
  'target-type-unknown': { code: 'target-type-unknown', params: { value: 'Energy target' } },
  'accounting-year-unknown': { code: 'accounting-year-unknown' },
  'accounting-year-not-read': {
    code: 'accounting-year-not-read',
    params: { value: '31/12/2017 - 2018', problem: 'not-month-first', part: 'start' },
  },
  'no-emission-figures': { code: 'no-emission-figures' },
  'nothing-to-import': { code: 'nothing-to-import' },
  'row-not-read': { code: 'row-not-read', params: { detail: 'TypeError' } },
  'line-without-report': {
    code: 'line-without-report',
    params: { fields: ['account', 'reportingYear'] },
  },
  'value-not-read': {
    code: 'value-not-read',
    params: { field: 'scope3Total', value: 'approx. 5000', problem: 'not-a-number' },
  },
  'value-not-kept': {
    code: 'value-not-kept',
    params: { field: 'endTargetPercent', value: '80', why: 'net-zero-level-is-zero' },
  },
  'tracker-type-unknown': {
    code: 'tracker-type-unknown',
    params: { target: 'interim', value: 'Coal pledge' },
  },
  'last-row-unterminated': { code: 'last-row-unterminated' },
  'matched-by-name': { code: 'matched-by-name' },
  'matched-by-likely-name': { code: 'matched-by-likely-name', params: { government: 'Taipei' } },
  'matched-as-confirmed': { code: 'matched-as-confirmed', params: { run: 7 } },
  'cdp-account-recorded': { code: 'cdp-account-recorded', params: { account: '31446' } },
  'nzt-id-recorded': { code: 'nzt-id-recorded', params: { id: 'CIT-TPE' } },
  'new-prospect': { code: 'new-prospect', params: { name: 'Fixtureseong' } },
  'new-prospect-as-chosen': { code: 'new-prospect-as-chosen', params: { name: 'Nowon', run: 7 } },
  'new-prospect-beside-namesakes': {
    code: 'new-prospect-beside-namesakes',
    params: { name: 'Denver', namesakes: ['Denver'] },
  },
  'rejected-in-preview': { code: 'rejected-in-preview', params: { run: 7 } },
  'several-governments': {
    code: 'several-governments',
    params: { governments: ['Springfield', 'Springfield'] },
  },
  'no-matching-government': { code: 'no-matching-government' },
  'no-matching-government-namesakes': {
    code: 'no-matching-government-namesakes',
    params: { namesakes: ['Denver'] },
  },
  'no-name-for-government': { code: 'no-name-for-government' },
  'country-unknown': { code: 'country-unknown', params: { value: 'Atlantis' } },
  'already-stated': { code: 'already-stated', params: { target } },
  'states-target-of-other-source': {
    code: 'states-target-of-other-source',
    params: { target, origin: 'tracker', filled: ['sourceUrl', 'parentTargetId'] },
  },
  'took-over-target': { code: 'took-over-target', params: { target } },
  'took-over-report': { code: 'took-over-report', params: { year: 2019 } },
  'same-record-as-rows': { code: 'same-record-as-rows', params: { rows: [4, 7] } },
  'part-given-in-rows': { code: 'part-given-in-rows', params: { rows: [4] } },
  'changed-meanwhile': { code: 'changed-meanwhile' },
  'records-changed-meanwhile': {
    code: 'records-changed-meanwhile',
    params: {
      records: [
        { kind: 'target', ...target },
        { kind: 'report', year: 2019 },
      ],
    },
  },
};

const line = { line: 7, row: 5 };
const RUN_SAMPLES: Record<RunProblemCode, RunProblem> = {
  'layout-not-recognised': {
    code: 'layout-not-recognised',
    params: { kind: 'cdp-targets', layout: 'cdp-targets-2021-openclimate', missing: ['City'] },
  },
  'file-empty': { code: 'file-empty' },
  'quote-not-closed': { code: 'quote-not-closed', params: { ...line, column: 2 } },
  'row-too-long': { code: 'row-too-long', params: { ...line, column: 'E', max: 32767 } },
  'row-too-long-open-quote': {
    code: 'row-too-long-open-quote',
    params: { ...line, column: 'E', max: 32767 },
  },
  'not-valid-csv': { code: 'not-valid-csv', params: { line: 7, detail: 'Invalid' } },
  'cell-too-long': {
    code: 'cell-too-long',
    params: { ...line, column: 'B', chars: 40000, max: 32767 },
  },
  'file-cut-short-in-row': {
    code: 'file-cut-short-in-row',
    params: { ...line, cells: 2, width: 6 },
  },
  'row-too-few-cells': { code: 'row-too-few-cells', params: { ...line, cells: 2, width: 6 } },
  'last-row-too-few-cells': {
    code: 'last-row-too-few-cells',
    params: { ...line, cells: 2, width: 6 },
  },
  'row-too-many-cells': {
    code: 'row-too-many-cells',
    params: { ...line, cells: 7, width: 6, column: 'G', value: '2050' },
  },
  'encoding-not-readable': {
    code: 'encoding-not-readable',
    params: { encoding: 'UTF-8', line: 2 },
  },
  'encoding-detected-not-readable': {
    code: 'encoding-detected-not-readable',
    params: { encoding: 'UTF-8', line: 2 },
  },
  'ends-mid-character': { code: 'ends-mid-character', params: { line: 9 } },
  'file-not-read': { code: 'file-not-read', params: { detail: 'Corrupted zip' } },
  'workbook-incomplete': { code: 'workbook-incomplete' },
  'workbook-damaged': { code: 'workbook-damaged', params: { part: 'xl/workbook.xml' } },
  'file-too-large': { code: 'file-too-large', params: { megabytes: 200 } },
  'upload-stopped': { code: 'upload-stopped' },
  stopped: { code: 'stopped' },
  'stopped-by-signal': { code: 'stopped-by-signal', params: { signal: 'Ctrl-C' } },
  'server-stopped': { code: 'server-stopped' },
  'process-died': { code: 'process-died', params: { lastSign: '2024-05-01T09:00:00.000Z' } },
  unexpected: { code: 'unexpected', params: { detail: 'disk full' } },
};

async function translator(lang: string) {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng: lang,
    ns: ['climate', 'importReasons'],
    defaultNS: 'climate',
    resources: {
      [lang]: { climate: catalog(lang, 'climate'), importReasons: catalog(lang, 'importReasons') },
    },
    interpolation: { escapeValue: false },
  });
  return i18n.t.bind(i18n);
}

/** What must never reach a reader: a code, a catalog key, a placeholder left, an id. */
function leaks(text: string): string[] {
  const codes = [...IMPORT_REASON_CODES, ...VALUE_PROBLEM_CODES, ...RUN_PROBLEM_CODES];
  return [
    ...codes.filter((code) => code.includes('-') && text.includes(code)),
    ...(/(reasons|problems|entities|runErrors|imports|fields)\.[\w-]+/.test(text) ? ['a key'] : []),
    ...(text.includes('{{') ? ['a placeholder'] : []),
    ...(/#\d/.test(text) ? ['an id'] : []),
  ];
}

describe('reasons in the reader’s language', () => {
  for (const lang of LOCALES) {
    it(`${lang}: says every reason and every run error in words`, async () => {
      const t = await translator(lang);
      for (const reason of Object.values(SAMPLES)) {
        const text = reasonText(t, lang, 'cdp-emissions', reason);
        expect(leaks(text), `${reason.code}: ${text}`).toEqual([]);
      }
      for (const problem of Object.values(RUN_SAMPLES)) {
        const text = runErrorText(t, lang, {
          error: 'English',
          errorReason: { ...problem, written: { code: 'kept-after-failure', params: { rows: 3 } } },
        });
        expect(leaks(text), `${problem.code}: ${text}`).toEqual([]);
      }
      for (const entity of [
        { kind: 'target', year: 2030, type: 'base-year' },
        { kind: 'end-target', year: null },
        { kind: 'emission-report', year: 2018, rows: { first: 2, last: 14 } },
      ] as const) {
        expect(leaks(entityText(t, entity))).toEqual([]);
      }
    });
  }

  it('says them in Korean', async () => {
    const t = await translator('ko');
    expect(reasonText(t, 'ko', 'cdp-emissions', SAMPLES['value-not-read'])).toBe(
      'Scope 3 합계 (t CO₂e) “approx. 5000”를 읽지 못함: 숫자가 아닙니다',
    );
    expect(reasonText(t, 'ko', 'cdp-emissions', SAMPLES['new-prospect'])).toBe(
      '새 잠재 회원 지방정부 “Fixtureseong”',
    );
    expect(reasonText(t, 'ko', 'cdp-emissions', SAMPLES['same-record-as-rows'])).toBe(
      '4행 및 7행과(와) 같은 기록',
    );
    expect(
      runErrorText(t, 'ko', {
        error: 'The file is larger than 200 MB.',
        errorReason: { ...RUN_SAMPLES['file-too-large'], written: { code: 'nothing' } },
      }),
    ).toBe('파일이 200MB보다 큽니다. 아무것도 기록하지 않았습니다.');
    expect(
      runErrorText(t, 'ko', {
        error: 'The import was interrupted',
        errorReason: {
          ...RUN_SAMPLES['server-stopped'],
          written: { code: 'kept-after-stop', params: { rows: 1500 } },
        },
      }),
    ).toBe(
      '가져오기가 끝나기 전에 Accord가 멈췄습니다. 중지되기 전에 확정된 1500개 행은 그대로 ' +
        '반영됩니다. 같은 가져오기를 다시 실행하면 중복 없이 마저 완료됩니다.',
    );
  });

  it('shows a row from before reasons were kept as codes in its English words', async () => {
    const t = await translator('ko');
    expect(rowReasons(t, 'ko', 'nzt', { reasons: null, reason: 'No target' })).toEqual([
      'No target',
    ]);
    expect(rowReasons(t, 'ko', 'nzt', { reasons: [], reason: null })).toEqual([]);
    expect(runErrorText(t, 'ko', { error: 'Old words', errorReason: null })).toBe('Old words');
  });
});
