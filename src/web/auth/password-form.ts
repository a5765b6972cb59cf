import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../core/passwords';

/** What the password form asks for; `repeatPassword` stays in the browser. */
export interface PasswordChangeFields {
  currentPassword: string;
  newPassword: string;
  repeatPassword: string;
}

/** What can be wrong with one field, as the page words it (keys of auth:password.problems). */
export type PasswordProblem =
  'required' | 'tooShort' | 'tooLong' | 'sameAsCurrent' | 'mismatch' | 'wrongCurrent';

export interface PasswordFieldProblem {
  pointer: '/currentPassword' | '/newPassword' | '/repeatPassword';
  problem: PasswordProblem;
}

/** The checks the browser can make before sending: the server's rules, and the repeat. */
export function passwordChangeProblems(fields: PasswordChangeFields): PasswordFieldProblem[] {
  const out: PasswordFieldProblem[] = [];
  if (!fields.currentPassword) out.push({ pointer: '/currentPassword', problem: 'required' });
  if (!fields.newPassword) out.push({ pointer: '/newPassword', problem: 'required' });
  else if (fields.newPassword.length < PASSWORD_MIN_LENGTH) {
    out.push({ pointer: '/newPassword', problem: 'tooShort' });
  } else if (fields.newPassword.length > PASSWORD_MAX_LENGTH) {
    out.push({ pointer: '/newPassword', problem: 'tooLong' });
  } else if (fields.newPassword === fields.currentPassword) {
    out.push({ pointer: '/newPassword', problem: 'sameAsCurrent' });
  }
  if (fields.newPassword && fields.repeatPassword !== fields.newPassword) {
    out.push({ pointer: '/repeatPassword', problem: 'mismatch' });
  }
  return out;
}

/** The server's field problem (POST /api/v1/me/password) as the page words it, if it knows it. */
export function serverPasswordProblem(pointer: string, detail: string): PasswordProblem | null {
  if (pointer === '/currentPassword' && /current password/.test(detail)) return 'wrongCurrent';
  if (pointer === '/newPassword') {
    if (/differ/.test(detail)) return 'sameAsCurrent';
    if (/fewer than/.test(detail)) return 'tooShort';
    if (/more than/.test(detail)) return 'tooLong';
  }
  return null;
}
