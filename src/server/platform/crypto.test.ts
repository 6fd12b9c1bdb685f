import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isCommonPassword } from './common-passwords';
import { decrypt, encrypt, hashPassword, oneTimePassword, verifyPassword } from './crypto';
import { passwordProblem } from '../../shared/rules/password';

describe('password hashing', () => {
  it('verifies the right password only, with a fresh salt each time', async () => {
    const a = await hashPassword('Shijian#2026');
    const b = await hashPassword('Shijian#2026');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword('Shijian#2026', a)).toBe(true);
    expect(await verifyPassword('Shijian#2027', a)).toBe(false);
    expect(await verifyPassword('x', 'garbage')).toBe(false);
  });
});

describe('column encryption', () => {
  it('round-trips and detects tampering', () => {
    const key = randomBytes(32);
    const sealed = encrypt(key, '500102199001011234');
    expect(sealed).not.toContain('1234');
    expect(decrypt(key, sealed)).toBe('500102199001011234');
    const raw = Buffer.from(sealed, 'base64');
    raw[raw.length - 1] ^= 1;
    expect(() => decrypt(key, raw.toString('base64'))).toThrow();
    expect(() => decrypt(randomBytes(32), sealed)).toThrow();
  });
});

describe('common passwords', () => {
  it('catches list entries and list entries with a year or symbol tacked on', () => {
    expect(isCommonPassword('password')).toBe(true);
    expect(isCommonPassword('Password2026!')).toBe(true);
    expect(isCommonPassword('qwerty123')).toBe(true);
    expect(isCommonPassword('Hongyan#River88')).toBe(false);
  });
});

describe('one-time passwords', () => {
  it('always satisfy the password policy and are not common', () => {
    for (let i = 0; i < 200; i++) {
      const p = oneTimePassword();
      expect(passwordProblem(p)).toBeNull();
      expect(isCommonPassword(p)).toBe(false);
    }
  });
});
