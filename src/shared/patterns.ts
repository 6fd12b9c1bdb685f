/**
 * Patterns and limits with no zod in them: the zod schemas build on these, and the light mobile
 * and portal pages (which must not load zod) check input with the very same values.
 */

/** Mainland mobile numbers: 11 digits starting with 1. */
export const PHONE_PATTERN = /^1[3-9]\d{9}$/;
export const PHONE_MESSAGE = '请输入 11 位手机号';

/** A resident ID number (居民身份证): 17 digits and a check digit or X (the checksum is in rules/id-number.ts). */
export const ID_CARD_PATTERN = /^\d{17}[\dX]$/;

/** Lengths people type on both the phone and the console. */
export const LIMITS = {
  personName: 32,
  idNumber: { min: 5, max: 32 },
  address: 120,
  orderDescription: 2000,
} as const;
