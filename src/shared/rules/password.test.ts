import { describe, expect, it } from 'vitest';
import { characterClasses, passwordProblem } from './password';

describe('password composition (等保 身份鉴别 a)', () => {
  it('needs 8 characters', () => {
    expect(passwordProblem('Ab1!xyz')).toBe('password.too_short');
    expect(passwordProblem('Ab1!xyzw')).toBeNull();
  });
  it('counts characters, not UTF-16 units', () => {
    expect(passwordProblem('密码Ab1!')).toBe('password.too_short');
  });
  it('needs 3 of the 4 classes', () => {
    expect(characterClasses('abcdefgh')).toBe(1);
    expect(passwordProblem('abcdefgh12')).toBe('password.too_simple');
    expect(passwordProblem('abcdefgh1!')).toBeNull();
    expect(passwordProblem('ABCDEFGH1!')).toBeNull();
    expect(passwordProblem('Abcdefgh12')).toBeNull();
  });
  it('refuses the account name inside the password, any case', () => {
    expect(passwordProblem('Station01#x', 'station01')).toBe('password.contains_username');
    expect(passwordProblem('Station01#x', 'ab')).toBeNull();
  });
  it('caps the length at 128', () => {
    expect(passwordProblem(`Aa1!${'x'.repeat(125)}`)).toBe('password.too_long');
  });
});
