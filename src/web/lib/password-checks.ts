import { characterClasses, PASSWORD_MAX, PASSWORD_MIN, passwordProblem } from '../../shared/rules/password';
import { messageFor } from '../../shared/errors';

export interface PasswordCheck {
  label: string;
  ok: boolean;
}

/** The live checklist shown under a new-password field; the same rules the server applies. */
export function passwordChecks(password: string, username?: string): PasswordCheck[] {
  const length = [...password].length;
  return [
    { label: `${PASSWORD_MIN}–${PASSWORD_MAX} 个字符`, ok: length >= PASSWORD_MIN && length <= PASSWORD_MAX },
    { label: '包含大写字母、小写字母、数字、符号中的至少三类', ok: characterClasses(password) >= 3 },
    {
      label: '不包含账号名',
      ok: length > 0 && !(username && username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())),
    },
  ];
}

/** The first problem with a new password in Chinese, or null when it passes the local rules. */
export function passwordProblemText(password: string, username?: string): string | null {
  const problem = passwordProblem(password, username);
  return problem ? messageFor(problem) : null;
}
