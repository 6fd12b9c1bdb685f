import { z } from 'zod';
import { PHONE_MESSAGE, PHONE_PATTERN } from './patterns';

/** Object ids are random UUIDs made by the app, the same on SQLite and PostgreSQL. */
export const Id = z.uuid({ message: '编号格式不正确' });
export type Id = z.infer<typeof Id>;

export const IdParams = z.strictObject({ id: Id });

export const PageQuery = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export function Paged<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
}

/** Mainland mobile numbers: 11 digits starting with 1 (the pattern is shared with the zod-free pages). */
export const Phone = z.string().trim().regex(PHONE_PATTERN, { message: PHONE_MESSAGE });

/** A line of free text a person types: trimmed, no control characters. */
export function Text(max: number, min = 1) {
  return (
    z
      .string()
      .trim()
      .min(min, { message: min === 1 ? '不能为空' : `至少 ${min} 个字` })
      .max(max, { message: `最多 ${max} 个字` })
      // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
      .regex(/^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/, { message: '包含不可见的控制字符' })
  );
}

export const OkView = z.object({ ok: z.literal(true) });

/** Calendar date as typed by people and stored as text: YYYY-MM-DD. */
export const DateString = z.iso.date({ message: '日期格式应为 YYYY-MM-DD' });
