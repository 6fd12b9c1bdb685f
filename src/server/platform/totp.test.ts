import { Secret, TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { newRecoveryCodes, newTotpSecret, normalRecoveryCode, totpCode, totpMatch, totpStep, totpUri } from './totp';

// RFC 6238 Appendix B: the SHA-1 seed "12345678901234567890", 8 digits.
const RFC_SEED = new Secret({ buffer: new TextEncoder().encode('12345678901234567890').buffer }).base32;

describe('TOTP', () => {
  it('matches the RFC 6238 SHA-1 test vectors through the library it wraps', () => {
    const t = new TOTP({ secret: Secret.fromBase32(RFC_SEED), algorithm: 'SHA1', digits: 8, period: 30 });
    expect(t.generate({ timestamp: 59_000 })).toBe('94287082');
    expect(t.generate({ timestamp: 1111111109_000 })).toBe('07081804');
    expect(t.generate({ timestamp: 2000000000_000 })).toBe('69279037');
    // Our 6-digit codes are the last six digits of the same HOTP value.
    expect(totpCode(RFC_SEED, new Date(59_000))).toBe('287082');
  });

  it('accepts a code one step either side and names the step it belongs to', () => {
    const secret = newTotpSecret();
    const now = new Date('2026-11-30T03:00:10Z');
    const step = totpStep(now);
    expect(totpMatch(secret, totpCode(secret, now), now)).toBe(step);
    expect(totpMatch(secret, totpCode(secret, new Date(now.getTime() - 30_000)), now)).toBe(step - 1);
    expect(totpMatch(secret, totpCode(secret, new Date(now.getTime() + 30_000)), now)).toBe(step + 1);
    expect(totpMatch(secret, totpCode(secret, new Date(now.getTime() - 90_000)), now)).toBeNull();
    expect(totpMatch(secret, 'abcdef', now)).toBeNull();
  });

  it('builds an otpauth:// URI and readable recovery codes', () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = totpUri(secret, '实践', 'admin');
    expect(uri).toContain('otpauth://totp/');
    expect(uri).toContain(`secret=${secret}`);
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[A-Z2-7]{5}-[A-Z2-7]{5}$/);
    expect(normalRecoveryCode(' abcde-fghij ')).toBe('ABCDEFGHIJ');
  });
});
