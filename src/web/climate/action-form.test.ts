import { describe, expect, it } from 'vitest';
import { actionBody, actionFormValues, emptyActionValues } from './action-form';

describe('actionBody', () => {
  it('reads numbers, dates, lists and sorts SDGs and targets', () => {
    const { body, errors } = actionBody({
      ...emptyActionValues(),
      title: 'LED street lights',
      sector: 'I',
      status: 'in-progress',
      expectedReduction: '12,000',
      cost: '3500000',
      costCurrency: 'jpy',
      startDate: '2021-04-01',
      endDate: '2025-03-31',
      coBenefits: 'Safety\nSafety\nLower bills',
      sdgs: [13, 7, 11, 7],
      targetIds: [3, 1],
    });
    expect(errors).toEqual([]);
    expect(body).toEqual({
      title: 'LED street lights',
      titles: {},
      description: null,
      sector: 'I',
      status: 'in-progress',
      startDate: '2021-04-01',
      endDate: '2025-03-31',
      expectedReduction: 12000,
      cost: 3_500_000,
      costCurrency: 'JPY',
      coBenefits: ['Safety', 'Lower bills'],
      sdgs: [7, 11, 13],
      targetIds: [1, 3],
    });
  });

  it('names what is wrong', () => {
    const { errors } = actionBody({
      ...emptyActionValues(),
      expectedReduction: '-4',
      cost: 'lots',
      costCurrency: 'yen!',
      startDate: '2025-01-01',
      endDate: '2024-01-01',
    });
    expect(errors.map((e) => e.pointer)).toEqual([
      '/title',
      '/expectedReduction',
      '/cost',
      '/costCurrency',
      '/endDate',
    ]);
  });

  it('round-trips a saved action', () => {
    const saved = {
      id: 5,
      governmentSlug: 'kyoto',
      title: 'Bike lanes',
      titles: {},
      description: 'Along the Kamo',
      sector: 'II' as const,
      status: 'completed' as const,
      startDate: null,
      endDate: '2022-12-31',
      expectedReduction: 800,
      cost: null,
      costCurrency: null,
      coBenefits: ['Health'],
      sdgs: [3, 11],
      targetIds: [1],
      version: 2,
      updatedAt: '2026-01-01T00:00:00Z',
    };
    const { body } = actionBody(actionFormValues(saved));
    expect(body).toMatchObject({
      title: 'Bike lanes',
      description: 'Along the Kamo',
      sector: 'II',
      expectedReduction: 800,
      endDate: '2022-12-31',
      sdgs: [3, 11],
    });
  });

  it('sends the title in other languages, leaving out the blank ones', () => {
    const { body } = actionBody({
      ...emptyActionValues(),
      title: 'LED street lights',
      titles: { ko: ' LED 가로등 ', ja: '', 'zh-Hant': 'LED 路燈' },
    });
    expect(body.titles).toEqual({ ko: 'LED 가로등', 'zh-Hant': 'LED 路燈' });
  });

  it('moves the translation that was the title itself with a new title, and keeps the others', () => {
    const saved = actionFormValues({
      id: 5,
      governmentSlug: 'kyoto',
      title: 'Bike lanes',
      titles: { en: 'Bike lanes', ko: '자전거 도로', de: 'Radwege' },
      description: null,
      sector: null,
      status: 'planned',
      startDate: null,
      endDate: null,
      expectedReduction: null,
      cost: null,
      costCurrency: null,
      coBenefits: [],
      sdgs: [],
      targetIds: [],
      version: 1,
      updatedAt: '2026-01-01T00:00:00Z',
    });
    const { body } = actionBody({ ...saved, title: 'Protected bike lanes' });
    expect(body.titles).toEqual({ en: 'Protected bike lanes', ko: '자전거 도로', de: 'Radwege' });
  });
});
