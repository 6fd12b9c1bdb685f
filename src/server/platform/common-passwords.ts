import { dictionary } from '@zxcvbn-ts/language-common';

/**
 * ASVS 6.2.4: refuse passwords from a common-password list. zxcvbn-ts ships ~49,000 of them,
 * lower-case; we compare case-insensitively, and also with a trailing year or symbol run removed,
 * since "Password2026!" is the same guess as "password".
 */
const COMMON = new Set<string>(dictionary.passwords as string[]);

export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return true;
  const stem = lower.replace(/[^a-z]+$/, '');
  return stem.length >= 4 && COMMON.has(stem);
}
