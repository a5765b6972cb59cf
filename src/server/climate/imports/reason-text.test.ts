import { describe, expect, it } from 'vitest';
import type { ImportReason } from '../../../core/climate/import-reasons';
import { translator } from '../../i18n/translator';
import { entitiesText, reasonsText, reasonText } from './reason-text';

/** A row's reasons and records in words: English for the API and the CLI, Korean for a reader. */

const en = translator('en');
const ko = translator('ko');
const ja = translator('ja');

const notRead: ImportReason = {
  code: 'value-not-read',
  params: { field: 'scope3Total', value: 'approx. 5000', problem: 'not-a-number' },
};
const period: ImportReason = {
  code: 'accounting-year-not-read',
  params: { value: '31/12/2017 - 31/12/2018', problem: 'not-month-first', part: 'start' },
};
const stated: ImportReason = {
  code: 'states-target-of-other-source',
  params: {
    target: { title: 'Net zero by 2050', type: 'fixed-level', year: 2050 },
    origin: 'tracker',
    filled: ['sourceUrl', 'parentTargetId'],
  },
};

describe('reasons in words', () => {
  it('names a field by its name, and says why its value was not read', () => {
    expect(reasonText(en, 'cdp-emissions', notRead)).toBe(
      'Scope 3 total (t CO₂e) "approx. 5000" not read: not a number',
    );
    expect(reasonText(ko, 'cdp-emissions', notRead)).toBe(
      'Scope 3 합계 (t CO₂e) “approx. 5000”를 읽지 못함: 숫자가 아닙니다',
    );
    // A field no kind knows is never shown by its key.
    const unknown: ImportReason = {
      code: 'value-not-read',
      params: { field: 'noSuchField', value: 'x', problem: 'not-a-number' },
    };
    expect(reasonText(en, 'nzt', unknown)).toBe('Accord field "x" not read: not a number');
  });

  it('says which end of a period a date problem is about', () => {
    expect(reasonText(en, 'cdp-emissions', period)).toBe(
      'accounting year "31/12/2017 - 31/12/2018" not read: the start of the period: it is not ' +
        "a date in the layout's order (month/day/year): are its day and month the other way round?",
    );
    expect(reasonText(ja, 'cdp-emissions', period)).toBe(
      '算定年「31/12/2017 - 31/12/2018」を読み取れません：期間の開始：' +
        'レイアウトの順序（月/日/年）の日付ではありません：日と月が逆になっていませんか？',
    );
  });

  it('describes a target by its title, type and year, and lists what it took', () => {
    expect(reasonText(en, 'cdp-targets', stated)).toBe(
      'states target "Net zero by 2050" (Fixed level, 2050) from the Net Zero Tracker, which ' +
        'takes from this row: Source web address and End target',
    );
    expect(reasonText(ko, 'cdp-targets', stated)).toBe(
      '넷제로 트래커에서 온 목표 “Net zero by 2050”(고정 수준, 2050년)과(와) 같은 목표이며, ' +
        '이 행에서 출처 웹 주소 및 최종 목표 값을 가져옴',
    );
    const nothing: ImportReason = {
      code: 'states-target-of-other-source',
      params: { ...stated.params, filled: [] },
    };
    expect(reasonText(en, 'cdp-targets', nothing)).toBe(
      'states target "Net zero by 2050" (Fixed level, 2050) from the Net Zero Tracker',
    );
  });

  it('lists rows and names in the language’s way, one reason after another', () => {
    const reasons: ImportReason[] = [
      { code: 'new-prospect-beside-namesakes', params: { name: 'Denver', namesakes: ['Denver'] } },
      { code: 'part-given-in-rows', params: { rows: [4, 7] } },
    ];
    expect(reasonsText(en, 'nzt', reasons)).toBe(
      'new prospect government "Denver" (the same name as Denver, kept apart by another CDP ' +
        'account or tracker id); part already given in row 4 and row 7',
    );
    expect(reasonText(ko, 'nzt', reasons[1] as ImportReason)).toBe('일부는 이미 4행 및 7행에 있음');
    expect(
      reasonText(en, 'nzt', {
        code: 'records-changed-meanwhile',
        params: {
          records: [
            { kind: 'target', title: '40 % below 2013 by 2030', type: 'base-year', year: 2030 },
            { kind: 'report', year: 2019 },
          ],
        },
      }),
    ).toMatch(
      /^target "40 % below 2013 by 2030" \(Base-year reduction, 2030\) and the emission report for 2019 changed by someone else/,
    );
  });

  it('says the nested reason of a figure the tracker gives that a type cannot hold', () => {
    const dropped: ImportReason = {
      code: 'value-not-kept',
      params: { field: 'endTargetPercent', value: '80', why: 'net-zero-level-is-zero' },
    };
    expect(reasonText(en, 'nzt', dropped)).toBe(
      "End target reduction (%) 80 not kept: a net-zero target's level is zero",
    );
    expect(
      reasonText(ko, 'nzt', {
        code: 'tracker-type-unknown',
        params: { target: 'interim', value: 'Coal phase-out' },
      }),
    ).toBe(
      '중간 목표: 트래커의 유형 “Coal phase-out”는 Accord가 모르는 유형이므로 기타 목표로 보관함',
    );
  });
});

describe('records in words', () => {
  it('names each record of a row by its kind and year', () => {
    expect(
      entitiesText(en, [
        { kind: 'end-target', year: 2050 },
        { kind: 'interim-target', year: null },
      ]),
    ).toBe('end target 2050 + interim target (no year)');
    expect(entitiesText(en, [{ kind: 'target', year: 2030, type: 'base-year' }])).toBe(
      'target 2030 (Base-year reduction)',
    );
    expect(
      entitiesText(ko, [{ kind: 'emission-report', year: 2018, rows: { first: 2, last: 14 } }]),
    ).toBe('배출량 보고 2018(2–14행)');
  });
});
