/**
 * Resident ID numbers (GB 11643-1999): 17 digits + a check character from ISO 7064 MOD 11-2.
 * For ID type 01 (居民身份证) the birth date and gender are read from the number (digits 7–14,
 * and the 17th digit: odd = male), so people never type them twice.
 */
import { ID_CARD_PATTERN } from '../patterns';
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function idCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK[sum % 11];
}

export type IdNumberProblem = 'format' | 'checksum' | 'birth_date';

/** Upper-cases a trailing x and strips spaces; returns the problem if the number is not valid. */
export function normaliseIdNumber(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}

export function idNumberProblem(id: string): IdNumberProblem | null {
  if (!ID_CARD_PATTERN.test(id)) return 'format';
  const birth = birthDateFromId(id);
  if (!birth) return 'birth_date';
  if (idCheckCharacter(id.slice(0, 17)) !== id[17]) return 'checksum';
  return null;
}

/** YYYY-MM-DD, or null when digits 7–14 are not a real date. */
export function birthDateFromId(id: string): string | null {
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  if (y < 1900 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

export function genderFromId(id: string): 'male' | 'female' {
  return Number(id[16]) % 2 === 1 ? 'male' : 'female';
}

/** Whole years between a birth date and a day (both YYYY-MM-DD). */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = day.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** A valid fictional number from a 6-digit region, birth date and 3-digit sequence (demo data, tests). */
export function makeIdNumber(region: string, birthDate: string, seq: number): string {
  const first17 = `${region}${birthDate.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return first17 + idCheckCharacter(first17);
}
