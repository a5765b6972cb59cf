import { describe, expect, it } from 'vitest';
import { headerText } from './mail-header';

describe('headerText', () => {
  it('turns each run of line breaks into one space', () => {
    expect(headerText('Eve\r\nBcc: spy@evil.example')).toBe('Eve Bcc: spy@evil.example');
    expect(headerText('a\n\r\nb\u2028c\u0085d\ve\ff')).toBe('a b c d e f');
  });

  it('drops other control characters and keeps ordinary text as it is', () => {
    expect(headerText('In\u0000vi\u001btation\u007f')).toBe('Invitation');
    expect(headerText('Invitation: 지역집행위원회 — Kyōto\tmeeting')).toBe(
      'Invitation: 지역집행위원회 — Kyōto\tmeeting',
    );
    expect(headerText(' Budget \r\n ')).toBe('Budget');
  });
});
