import { describe, expect, it } from 'vitest';
import { passwordChangeProblems, serverPasswordProblem } from './password-form';

describe('the password form', () => {
  it('accepts a new password of 12 characters or more, repeated, unlike the current one', () => {
    expect(
      passwordChangeProblems({
        currentPassword: 'old',
        newPassword: 'twelve-chars',
        repeatPassword: 'twelve-chars',
      }),
    ).toEqual([]);
  });

  it('puts each problem on its field', () => {
    expect(
      passwordChangeProblems({ currentPassword: '', newPassword: '', repeatPassword: '' }),
    ).toEqual([
      { pointer: '/currentPassword', problem: 'required' },
      { pointer: '/newPassword', problem: 'required' },
    ]);
    expect(
      passwordChangeProblems({
        currentPassword: 'x',
        newPassword: 'eleven-char',
        repeatPassword: 'eleven-chaR',
      }),
    ).toEqual([
      { pointer: '/newPassword', problem: 'tooShort' },
      { pointer: '/repeatPassword', problem: 'mismatch' },
    ]);
    const same = 'the-same-password';
    expect(
      passwordChangeProblems({ currentPassword: same, newPassword: same, repeatPassword: same }),
    ).toEqual([{ pointer: '/newPassword', problem: 'sameAsCurrent' }]);
    expect(
      passwordChangeProblems({
        currentPassword: 'x',
        newPassword: 'a'.repeat(201),
        repeatPassword: 'a'.repeat(201),
      }),
    ).toEqual([{ pointer: '/newPassword', problem: 'tooLong' }]);
  });

  it("reads the server's words", () => {
    expect(serverPasswordProblem('/currentPassword', 'is not your current password')).toBe(
      'wrongCurrent',
    );
    expect(serverPasswordProblem('/newPassword', 'must differ from the current password')).toBe(
      'sameAsCurrent',
    );
    expect(serverPasswordProblem('/newPassword', 'must NOT have fewer than 12 characters')).toBe(
      'tooShort',
    );
    expect(serverPasswordProblem('/newPassword', 'something else')).toBeNull();
  });
});
