import { describe, expect, it } from 'vitest';
import { isOutboxStatus, sendAction } from './letters';

describe('what may be done with a letter', () => {
  it('sends a waiting letter now only where mail is sent, and a failed one again anywhere', () => {
    expect(sendAction({ status: 'queued' }, true)).toBe('sendNow');
    expect(sendAction({ status: 'queued' }, false)).toBeNull();
    expect(sendAction({ status: 'failed' }, true)).toBe('resend');
    expect(sendAction({ status: 'failed' }, false)).toBe('resend');
    expect(sendAction({ status: 'sending' }, true)).toBeNull();
    expect(sendAction({ status: 'sent' }, true)).toBeNull();
  });

  it('knows the statuses a filter may name', () => {
    expect(isOutboxStatus('failed')).toBe(true);
    expect(isOutboxStatus('lost')).toBe(false);
    expect(isOutboxStatus(null)).toBe(false);
  });
});
