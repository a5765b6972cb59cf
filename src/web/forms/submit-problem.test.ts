import { afterAll, describe, expect, it } from 'vitest';
import { apiProblem } from '../api';
import i18n from '../i18n';
import { problemText } from '../components/problem-text';
import { submitProblem } from './form';

/** A server's problem reaches the page in the reader's words, by its code, not in English. */
describe('problems said by their codes', () => {
  afterAll(async () => {
    await i18n.changeLanguage('en');
  });

  it('says a business rule with its parameters in Korean, beside its field', async () => {
    await i18n.changeLanguage('ko');
    const error = apiProblem(422, 'Unprocessable Content', {
      code: 'proxy-limit-exceeded',
      params: { limit: 2 },
      detail: 'name: A person may act as proxy for at most 2 principals per meeting.',
      errors: [
        {
          pointer: '/name',
          detail: 'A person may act as proxy for at most 2 principals per meeting.',
          code: 'proxy-limit-exceeded',
          params: { limit: 2 },
        },
      ],
    });
    const read = submitProblem(error);
    expect(read.errors[0]?.detail).toBe('한 사람은 한 회의에서 최대 2명까지 대리할 수 있습니다.');
  });

  it('says a page-level problem and names the kind of record in the reader’s language', async () => {
    await i18n.changeLanguage('ja');
    const error = apiProblem(404, 'Not Found', {
      code: 'not-found',
      params: { record: 'meeting' },
      detail: 'No meeting 7.',
    });
    expect(submitProblem(error).message).toBe('会議が見つかりません。削除された可能性があります。');
  });

  it('says a TypeBox rule per field with its limit, formatted for the reader', async () => {
    await i18n.changeLanguage('zh-Hant');
    expect(problemText({ code: 'too-long', params: { limit: 1200 } })).toBe(
      '最多輸入 1,200 個字元。',
    );
  });

  it('falls back to the server’s words for a code without words', async () => {
    await i18n.changeLanguage('ko');
    const error = apiProblem(409, 'Conflict', { code: 'no-such-code', detail: 'As sent.' });
    expect(submitProblem(error).message).toBe('As sent.');
  });
});
