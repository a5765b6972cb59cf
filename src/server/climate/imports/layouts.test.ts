import { describe, expect, it } from 'vitest';
import { FIELD_ALIASES } from './layouts';
import { LayoutNotRecognisedError, normaliseHeader, recogniseLayout } from './recognise';
import {
  parseAccountingPeriod,
  parseDate,
  parseNumber,
  parseWktPoint,
  parseYear,
  present,
} from './values';
import {
  boundaryFrom,
  gasesFrom,
  netZeroLabelFrom,
  statusFromDescription,
  targetStatusFrom,
  targetTitle,
} from './mapping';
import { regionFor } from './regions';

describe('header layouts', () => {
  it('folds BOMs, zero-width and no-break spaces, case, punctuation, CO2e and tonnes spellings', () => {
    expect(normaliseHeader('\uFEFFAccount\u200B  Number ')).toBe('account number');
    expect(normaliseHeader('Base.year.emissions..metric.tonnes.CO2e.')).toBe(
      'base year emissions t co2e',
    );
    for (const spelling of [
      'Base year emissions (metric tonnes CO2e)',
      'Base year emissions (tonnes CO₂e)',
      'base_year_emissions_(tons_co2-eq)',
      'Base year emissions (tCO2e)',
      'BASE YEAR EMISSIONS [t CO2 eq]\u00a0',
    ]) {
      expect(normaliseHeader(spelling)).toBe('base year emissions t co2e');
    }
    expect(
      normaliseHeader(
        'Direct emissions/ Scope 1 (metric tonnes CO2e) for Total generation of grid supplied energy\u00a0',
      ),
    ).toBe('direct emissions scope 1 t co2e for total generation of grid supplied energy');
    // "BASIC+" is not "BASIC"; megatonnes are not tonnes.
    expect(normaliseHeader('Total BASIC+ Emissions (GPC)')).not.toBe(
      normaliseHeader('Total BASIC Emissions (GPC)'),
    );
    expect(normaliseHeader('Emissions (MtCO2e)')).toBe('emissions mt co2e');
  });

  it('folds Korean, Japanese and Chinese headers whether or not their words are spaced', () => {
    expect(normaliseHeader('스코프 1 배출량 (톤CO2eq)')).toBe('스코프1배출량t co2e');
    expect(normaliseHeader('스코프1 배출량(tCO2e)')).toBe('스코프1배출량t co2e');
    expect(normaliseHeader('スコープ１排出量（t-CO₂e）')).toBe('スコープ1排出量t co2e');
    expect(normaliseHeader('スコープ 1 排出量 (トンCO2e)')).toBe('スコープ1排出量t co2e');
    expect(normaliseHeader('基准年排放量（公吨二氧化碳当量）')).toBe('基准年排放量t二氧化碳当量');
    // Latin headers keep their spaces.
    expect(normaliseHeader('Scope 1 emissions')).toBe('scope 1 emissions');
  });

  it('recognises CDP files whose headers were translated', () => {
    const korean = [
      'CDP 계정 번호',
      '기관명',
      '도시',
      '국가',
      '보고 연도',
      '산정 연도',
      '스코프 1 배출량 (tCO2e)',
      '스코프 2 배출량 (tCO2e)',
      '스코프3 배출량(tCO2e)',
      '도시 전체 배출량 (톤CO2e)',
    ];
    const emissions = recogniseLayout('cdp-emissions', korean);
    expect(emissions.unmapped).toEqual([]);
    expect(emissions.mapping).toMatchObject({
      account: 0,
      organization: 1,
      accountingYear: 5,
      scope1Total: 6,
      scope2Total: 7,
      scope3Total: 8,
      citywideTotal: 9,
    });
    const japanese = [
      'アカウント番号',
      '組織名',
      '国名',
      '目標の種類',
      '基準年',
      '基準年排出量（t-CO2e）',
      '削減目標率',
      '目標年',
    ];
    const targets = recogniseLayout('cdp-targets', japanese);
    expect(targets.unmapped).toEqual([]);
    expect(targets.mapping).toMatchObject({
      account: 0,
      organization: 1,
      country: 2,
      targetType: 3,
      baseYear: 4,
      baseEmissions: 5,
      percent: 6,
      targetYear: 7,
    });
    const chinese = ['账户编号', '组织名称', '国家', '目标类型', '基准年', '减排比例', '目标年'];
    expect(recogniseLayout('cdp-targets', chinese).mapping).toMatchObject({
      percent: 5,
      targetYear: 6,
    });
    const traditional = ['帳戶編號', '組織名稱', '國家', '目標類型', '目標年', '基準年排放量'];
    expect(recogniseLayout('cdp-targets', traditional).mapping).toMatchObject({
      targetType: 3,
      baseEmissions: 5,
    });
    const spanish = ['Número de cuenta', 'Organización', 'País', 'Tipo de meta', 'Año objetivo'];
    expect(recogniseLayout('cdp-targets', spanish).mapping).toMatchObject({ targetYear: 4 });
  });

  it('gives each spelling of a kind one meaning', () => {
    for (const kind of ['cdp-targets', 'cdp-emissions', 'nzt'] as const) {
      const meaning = new Map<string, string>();
      for (const [field, names] of FIELD_ALIASES[kind]) {
        for (const name of names) {
          const key = normaliseHeader(name);
          expect([kind, key, meaning.get(key) ?? field]).toEqual([kind, key, field]);
          meaning.set(key, field);
        }
      }
    }
  });

  it('tells the OpenClimate-cleaned targets from CDP raw headers', () => {
    const dotted = [
      'Year.Reported.to.CDP',
      'Account.Number',
      'Organization',
      'City',
      'Country',
      'Type.of.target',
      'Base.year',
      'Base.year.emissions..metric.tonnes.CO2e.',
      'Percentage.reduction.target',
      'Target.year',
      'name',
      'entity_type',
      'iso',
    ];
    expect(recogniseLayout('cdp-targets', dotted).layout.id).toBe('cdp-targets-2021-openclimate');
    const raw = [
      'Year Reported to CDP',
      'Account Number',
      'Organization',
      'City',
      'Country',
      'Type of target',
      'Base year',
      'Base year emissions (metric tonnes CO2e)',
      'Percentage reduction target',
      'Target year',
    ];
    const recognised = recogniseLayout('cdp-targets', raw);
    expect(recognised.layout.id).toBe('cdp-targets');
    expect(recognised.mapping.baseEmissions).toBe(7);
  });

  it('names the required columns a file is missing', () => {
    const headers = ['Account Number', 'Organization', 'Country', 'Base year'];
    expect(() => recogniseLayout('cdp-targets', headers)).toThrow(LayoutNotRecognisedError);
    try {
      recogniseLayout('cdp-targets', headers);
    } catch (err) {
      const error = err as LayoutNotRecognisedError;
      expect(error.closest.layoutId).toBe('cdp-targets');
      expect(error.closest.missing).toEqual(['Type of target', 'Target year']);
      expect(error.message).toContain('"Type of target"');
    }
  });

  it('reads both Net Zero Tracker layouts', () => {
    const plain = ['id_code', 'name', 'country', 'actor_type', 'end_target', 'end_target_year'];
    expect(recogniseLayout('nzt', plain).layout.id).toBe('nzt');
    const grouped = [
      'id_code',
      'Name',
      'Country',
      'Entity_type',
      'End_target',
      'End_target_year',
      'Status_of_end_target',
      'Date_of_last_status_update',
    ];
    const recognised = recogniseLayout('nzt', grouped);
    expect(recognised.layout.id).toBe('nzt-grouped');
    expect(recognised.mapping.endTargetStatus).toBe(6);
  });
});

describe('cell values', () => {
  it('treats NA, N/A, - and blanks as missing', () => {
    for (const v of ['NA', 'N/A', '-', '', '  ', undefined, null]) expect(present(v)).toBeNull();
    expect(present(' Kyoto ')).toBe('Kyoto');
  });

  it('reads numbers with thousands separators, and nothing else', () => {
    expect(parseNumber('7,840,000')).toBe(7840000);
    expect(parseNumber('7 840 000')).toBe(7840000);
    expect(parseNumber('4382391.75')).toBe(4382391.75);
    expect(parseNumber('40%')).toBe(40);
    expect(parseNumber('1.5e6')).toBe(1500000);
    expect(parseNumber('about 40')).toBeNull();
    expect(parseNumber('NA')).toBeNull();
    expect(parseYear('2030')).toBe(2030);
    expect(parseYear('3030')).toBeNull();
  });

  it('names an accounting period by the year it starts (a Japanese fiscal year)', () => {
    expect(parseAccountingPeriod('2018-04-01 - 2019-03-31')).toEqual({
      year: 2018,
      start: '2018-04-01',
      end: '2019-03-31',
    });
    expect(parseAccountingPeriod('2018-01-01 -')?.year).toBe(2018);
    expect(parseAccountingPeriod('-')).toBeNull();
    expect(parseAccountingPeriod('- 2017-12-31')).toBeNull();
  });

  it('reads WKT points (longitude first) and dates', () => {
    expect(parseWktPoint('POINT (126.978 37.5665)')).toEqual({
      latitude: 37.5665,
      longitude: 126.978,
    });
    expect(parseWktPoint('POINT (500 1)')).toBeNull();
    expect(parseDate('15/03/2021')).toBe('2021-03-15');
    expect(parseDate('2021-03-15T00:00:00.000')).toBe('2021-03-15');
    expect(parseDate('March 2021')).toBe('2021-03-01');
  });
});

describe('vocabulary', () => {
  it('maps statuses, net-zero names, boundaries and gases', () => {
    expect(targetStatusFrom('In law')).toBe('law');
    expect(targetStatusFrom('In policy document')).toBe('policy');
    expect(targetStatusFrom('Declaration / pledge')).toBe('declaration');
    expect(targetStatusFrom('Proposed / in discussion')).toBe('proposed');
    expect(targetStatusFrom('Achieved (self-declared)')).toBe('achieved-self-declared');
    expect(targetStatusFrom('Achieved (externally validated)')).toBe('achieved-validated');
    expect(netZeroLabelFrom('Carbon neutral(ity)')).toBe('carbon-neutral');
    expect(netZeroLabelFrom('Net zero')).toBe('net-zero');
    expect(netZeroLabelFrom('Emissions reduction target')).toBeNull();
    expect(boundaryFrom('Same (city-wide) – covers entire city and nothing else')).toBe(
      'city-wide',
    );
    expect(boundaryFrom('Smaller – covers only part of the city')).toBe('partial');
    expect(boundaryFrom('Larger – covers the whole city and adjoining areas')).toBe('larger');
    expect(gasesFrom('CH4, CO2, N20')).toEqual(['CO2', 'CH4', 'N2O']);
    expect(gasesFrom('All GHGs')).toHaveLength(7);
  });

  it('reads a status from a description only when it is plain about it', () => {
    expect(statusFromDescription('The target is legally binding for the city.')).toBe('law');
    expect(statusFromDescription("A fair share of the UK's legally binding obligations.")).toBe(
      'policy',
    );
    expect(statusFromDescription('The target was proposed to the council in May.')).toBe(
      'proposed',
    );
    expect(statusFromDescription('Staff are preparing a draft ordinance on bicycles.')).toBe(
      'policy',
    );
    expect(statusFromDescription(null)).toBe('policy');
  });

  it('titles targets in English', () => {
    const base = {
      type: 'base-year' as const,
      netZeroLabel: null,
      baseYear: 2013,
      targetYear: 2030,
      reductionPercent: 40,
      targetEmissions: 4704000,
      intensityUnit: null,
    };
    expect(targetTitle(base)).toBe('40 % below 2013 by 2030');
    expect(
      targetTitle({ ...base, type: 'fixed-level', netZeroLabel: 'net-zero', targetYear: 2050 }),
    ).toBe('Net zero by 2050');
    expect(targetTitle({ ...base, type: 'baseline-scenario', reductionPercent: 15 })).toBe(
      '15 % below business as usual by 2030',
    );
  });

  it('puts governments in the network region of their country', () => {
    expect(regionFor('MX', 'Latin America')).toBe('mexico-central-america-caribbean');
    expect(regionFor('BR', 'Latin America')).toBe('south-america');
    expect(regionFor('TH', 'East Asia')).toBe('southeast-asia');
    expect(regionFor('NZ', 'Southeast Asia and Oceania')).toBe('oceania');
    expect(regionFor('JO', 'Middle East')).toBe('europe');
    expect(regionFor(null, 'Latin America')).toBe('south-america');
    expect(regionFor(null, null)).toBe('global');
  });
});
