import { describe, expect, it } from 'vitest';
import { ageOn, birthDateFromId, genderFromId, idCheckCharacter, idNumberProblem, makeIdNumber, normaliseIdNumber } from './id-number';

describe('ID number check digit (GB 11643, ISO 7064 MOD 11-2)', () => {
  it('accepts the standard example and rejects a changed digit', () => {
    // The example from GB 11643-1999: 11010519491231002X.
    expect(idNumberProblem('11010519491231002X')).toBeNull();
    expect(idNumberProblem('110105194912310021')).toBe('checksum');
    expect(idNumberProblem('11010519491231002')).toBe('format');
    expect(idNumberProblem('110105194902300021')).toBe('birth_date');
  });
  it('computes check characters including X', () => {
    expect(idCheckCharacter('11010519491231002')).toBe('X');
    expect(normaliseIdNumber(' 11010519491231002x ')).toBe('11010519491231002X');
  });
  it('reads birth date and gender', () => {
    expect(birthDateFromId('11010519491231002X')).toBe('1949-12-31');
    expect(genderFromId('11010519491231002X')).toBe('female');
    const id = makeIdNumber('500102', '1990-01-01', 13);
    expect(idNumberProblem(id)).toBeNull();
    expect(genderFromId(id)).toBe('male');
  });
  it('counts age in whole years, turning on the birthday', () => {
    expect(ageOn('2012-11-28', '2026-11-27')).toBe(13);
    expect(ageOn('2012-11-28', '2026-11-28')).toBe(14);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
  });
});
