/**
 * Password composition (等保 2.0 身份鉴别 a: 复杂度要求): at least 8 characters and 3 of the 4
 * character classes. ASVS 6.2.5 argues against composition rules; Chinese assessors check 等保, so
 * we follow it and record the deviation in docs/security.md. The common-password and reuse checks
 * need server data and live in the accounts service.
 */
export type PasswordProblem = 'password.too_short' | 'password.too_long' | 'password.too_simple' | 'password.contains_username';

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

export function characterClasses(password: string): number {
  let n = 0;
  if (/[a-z]/.test(password)) n++;
  if (/[A-Z]/.test(password)) n++;
  if (/[0-9]/.test(password)) n++;
  if (/[^a-zA-Z0-9]/.test(password)) n++;
  return n;
}

export function passwordProblem(password: string, username?: string): PasswordProblem | null {
  if ([...password].length < PASSWORD_MIN) return 'password.too_short';
  if ([...password].length > PASSWORD_MAX) return 'password.too_long';
  if (characterClasses(password) < 3) return 'password.too_simple';
  if (username && username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) {
    return 'password.contains_username';
  }
  return null;
}
