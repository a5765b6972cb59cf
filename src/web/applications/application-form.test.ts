import { describe, expect, it } from 'vitest';
import {
  applicationBody,
  applicationInput,
  blankApplication,
  decimal,
  problemCodeOf,
  readDraft,
  stepOf,
  stepProblems,
  wholeNumber,
  writeDraft,
  DRAFT_KEY,
  type ApplyValues,
} from './application-form';

const TODAY = '2025-03-15';

const filled: ApplyValues = {
  ...blankApplication('ja', 2025),
  officialName: '松本市',
  englishName: 'Matsumoto',
  country: 'JP',
  population: '237,000',
  populationYear: '2024',
  areaKm2: '978,47',
  headName: 'Yoshinao Gaun',
  headTitle: '市長',
  politicalName: 'Yoshinao Gaun',
  liaisonName: '田中 愛子',
  liaisonEmail: 'a.tanaka@city.example',
  liaisonPhone: '+81 263-34-3000',
  consent: true,
};

function memoryStorage() {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  };
}

describe('the application form in the browser', () => {
  it('reads numbers as people type them', () => {
    expect(wholeNumber('237,000')).toBe(237000);
    expect(wholeNumber('1 452 549')).toBe(1452549);
    expect(wholeNumber("1'000")).toBe(1000);
    expect(wholeNumber('12.5k')).toBeNaN();
    expect(decimal('978,47')).toBe(978.47);
    expect(decimal('1,234.5')).toBe(1234.5);
    expect(decimal('')).toBeNull();
    expect(decimal('abc')).toBeNaN();
  });

  it('checks one step at a time, with the same rules as the server', () => {
    expect(stepProblems(filled, 'government', TODAY)).toEqual([]);
    expect(stepProblems(filled, 'figures', TODAY)).toEqual([]);
    expect(stepProblems(filled, 'people', TODAY)).toEqual([]);
    const broken = { ...filled, officialName: '', population: 'many', liaisonEmail: 'x' };
    expect(stepProblems(broken, 'government', TODAY)).toEqual([
      { pointer: '/officialName', code: 'required' },
    ]);
    expect(stepProblems(broken, 'figures', TODAY)).toEqual([
      { pointer: '/population', code: 'wholeNumber' },
    ]);
    expect(stepProblems(broken, 'people', TODAY)).toEqual([
      { pointer: '/liaison/email', code: 'email' },
    ]);
  });

  it('sends empty optional fields as null and the hidden field as typed', () => {
    const body = applicationBody({ ...filled, alternateUrl: 'bot' });
    expect(body).toMatchObject({
      population: 237000,
      areaKm2: 978.47,
      province: null,
      website: null,
      head: { electedOn: null },
      political: { email: null },
      alternateUrl: 'bot',
    });
    expect(applicationBody({ ...filled, population: 'many' }).population).toBe(0);
    expect(applicationInput(filled).liaison.email).toBe('a.tanaka@city.example');
  });

  it('finds the step of a field the server names', () => {
    expect(stepOf('/liaison/email')).toBe('people');
    expect(stepOf('/head')).toBe('people');
    expect(stepOf('/consent')).toBe('summary');
    expect(stepOf('/alternateUrl')).toBe('government');
  });

  it('reads the server’s English messages back into codes', () => {
    expect(problemCodeOf('is not an e-mail address')).toBe('email');
    expect(problemCodeOf('something else')).toBeNull();
  });

  it('keeps a draft without the hidden field, and ignores a draft it cannot read', () => {
    const storage = memoryStorage();
    writeDraft(storage, { values: { ...filled, alternateUrl: 'bot' }, step: 'people' });
    const draft = readDraft(storage, blankApplication('en', 2025));
    expect(draft?.step).toBe('people');
    expect(draft?.values.officialName).toBe('松本市');
    expect(draft?.values.alternateUrl).toBe('');
    storage.data.set(DRAFT_KEY, '{"values": {"population": 5, "consent": "yes"}, "step": "x"}');
    const odd = readDraft(storage, blankApplication('en', 2025));
    expect(odd?.step).toBe('government');
    expect(odd?.values.population).toBe('');
    expect(odd?.values.consent).toBe(false);
    storage.data.set(DRAFT_KEY, 'not json');
    expect(readDraft(storage, blankApplication('en', 2025))).toBeNull();
  });
});
