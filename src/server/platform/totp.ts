import { randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';

/**
 * TOTP (RFC 6238) through `otpauth`: SHA-1, 6 digits, 30-second steps — what every authenticator
 * app (微信/支付宝 小程序, Google/Microsoft Authenticator, FreeOTP) reads from an otpauth:// URI.
 */
export const TOTP_PERIOD_SECONDS = 30;
const DIGITS = 6;
/** One step either side: a phone clock off by up to 30 seconds still works (RFC 6238 §5.2). */
const WINDOW = 1;

function totp(secretBase32: string, label = '', issuer = ''): TOTP {
  return new TOTP({ issuer, label, algorithm: 'SHA1', digits: DIGITS, period: TOTP_PERIOD_SECONDS, secret: Secret.fromBase32(secretBase32) });
}

/** A new 160-bit secret (RFC 4226's recommended length), base32. */
export function newTotpSecret(): string {
  return new Secret({ buffer: randomBytes(20).buffer }).base32;
}

export function totpUri(secretBase32: string, issuer: string, label: string): string {
  return totp(secretBase32, label, issuer).toString();
}

/** The step a moment falls in. */
export function totpStep(at: Date): number {
  return Math.floor(at.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}

/** The code for a moment (tests and the browser journey compute what a phone would show). */
export function totpCode(secretBase32: string, at: Date): string {
  return totp(secretBase32).generate({ timestamp: at.getTime() });
}

/** The step the code belongs to (within ±1 of now), or null when it matches none. */
export function totpMatch(secretBase32: string, code: string, at: Date): number | null {
  const token = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totp(secretBase32).validate({ token, timestamp: at.getTime(), window: WINDOW });
  return delta === null ? null : totpStep(at) + delta;
}

/** Ten recovery codes, 10 characters of base32 each (50 bits), shown as XXXXX-XXXXX. */
export function newRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    const s = new Secret({ size: 7 }).base32.slice(0, 10);
    return `${s.slice(0, 5)}-${s.slice(5)}`;
  });
}

/** What a person typed as a recovery code, in the stored form (case, spaces and dashes dropped). */
export function normalRecoveryCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}
