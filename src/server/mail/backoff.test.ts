import { describe, expect, it } from 'vitest';
import { classifyFailure, MAX_ATTEMPTS, nextAttemptAt } from './backoff';

describe('the retry schedule', () => {
  const failedAt = new Date('2024-05-01T09:00:00.000Z');
  const next = (attempts: number) => nextAttemptAt(attempts, failedAt)?.toISOString() ?? null;

  it('waits 1 and 5 minutes, half an hour, 2 hours and 12 hours, then gives up', () => {
    expect(next(1)).toBe('2024-05-01T09:01:00.000Z');
    expect(next(2)).toBe('2024-05-01T09:05:00.000Z');
    expect(next(3)).toBe('2024-05-01T09:30:00.000Z');
    expect(next(4)).toBe('2024-05-01T11:00:00.000Z');
    expect(next(5)).toBe('2024-05-01T21:00:00.000Z');
    expect(next(6)).toBeNull();
    expect(next(7)).toBeNull();
    expect(MAX_ATTEMPTS).toBe(6);
  });

  it('spans about 14.5 hours from the first attempt to the last', () => {
    // 1 + 5 + 30 + 120 + 720 minutes = 876 minutes = 14 h 36 min.
    let at = failedAt;
    for (let attempts = 1; attempts < MAX_ATTEMPTS; attempts++) {
      at = nextAttemptAt(attempts, at) ?? at;
    }
    expect((at.getTime() - failedAt.getTime()) / 60_000).toBe(876);
  });

  it('refuses a count of attempts that is not one', () => {
    expect(() => nextAttemptAt(0, failedAt)).toThrow(RangeError);
    expect(() => nextAttemptAt(1.5, failedAt)).toThrow(RangeError);
  });
});

describe('a failed attempt', () => {
  const smtpError = (fields: Record<string, unknown>) =>
    Object.assign(new Error(String(fields.message ?? 'failed')), fields);

  it('is permanent when the server refuses with 5xx, and keeps its answer', () => {
    expect(
      classifyFailure(
        smtpError({
          code: 'EENVELOPE',
          responseCode: 550,
          response: '550 5.1.1 <nobody@example.org>: mailbox unavailable',
        }),
      ),
    ).toEqual({
      permanent: true,
      reason: '550 5.1.1 <nobody@example.org>: mailbox unavailable',
    });
  });

  it('is temporary on 4xx, on 503 and when no server answered', () => {
    expect(
      classifyFailure(smtpError({ responseCode: 451, response: '451 4.3.0 try later' })),
    ).toEqual({ permanent: false, reason: '451 4.3.0 try later' });
    expect(
      classifyFailure(smtpError({ responseCode: 503, response: '503 bad sequence' })),
    ).toMatchObject({ permanent: false });
    expect(
      classifyFailure(
        smtpError({ code: 'ECONNECTION', message: 'connect ECONNREFUSED 127.0.0.1:2525' }),
      ),
    ).toEqual({ permanent: false, reason: 'connect ECONNREFUSED 127.0.0.1:2525' });
    expect(classifyFailure('socket hang up')).toEqual({
      permanent: false,
      reason: 'socket hang up',
    });
  });

  it("follows nodemailer's own reading of the answer where it gives one", () => {
    expect(classifyFailure(smtpError({ responseCode: 554, permanent: false }))).toMatchObject({
      permanent: false,
    });
    expect(classifyFailure(smtpError({ responseCode: 421, permanent: true }))).toMatchObject({
      permanent: true,
    });
  });

  it("is temporary when Accord's own settings are wrong: the letter is not at fault", () => {
    expect(
      classifyFailure(
        smtpError({ code: 'EAUTH', responseCode: 535, permanent: true, response: '535 bad login' }),
      ),
    ).toEqual({ permanent: false, reason: '535 bad login' });
  });

  it('keeps the reason on one line and at most 1000 characters', () => {
    const long = classifyFailure(
      smtpError({ responseCode: 452, response: `452 ${'x'.repeat(2000)}` }),
    );
    expect(long.reason).toHaveLength(1000);
    expect(long.reason.endsWith('…')).toBe(true);
    expect(classifyFailure(smtpError({ response: '451-first\r\n451 second' })).reason).toBe(
      '451-first 451 second',
    );
  });
});
