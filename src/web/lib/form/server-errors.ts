import type { FormInstance } from 'antd';
import { ApiError, errorMessage } from '../api';

/**
 * Put a server error onto the form: a 400 `validation.failed` carries `fields` whose path ends in
 * a form field's name (`body.phone` → `phone`); `byCode` maps other codes to one field (e.g.
 * `auth.wrong_password` → `currentPassword`). Returns the message still to show elsewhere, or
 * null when everything landed on a field. `aliases` renames API paths the form names differently
 * (`guardian.name` → `guardianName`, `evidenceFileIds` → `evidence`).
 */
export function applyServerErrors(
  form: FormInstance,
  error: unknown,
  byCode: Record<string, string> = {},
  aliases: Record<string, string> = {},
): string | null {
  if (!(error instanceof ApiError)) return errorMessage(error);
  const names = new Set([...Object.keys(form.getFieldsValue() ?? {}), ...Object.keys(form.getFieldsValue(true) ?? {})]);
  const codeField = byCode[error.code] ?? (error.code.startsWith('password.') ? byCode['password.*'] : undefined);
  if (codeField) {
    form.setFields([{ name: codeField, errors: [error.message] }]);
    return null;
  }
  if (error.fields?.length) {
    const unplaced: string[] = [];
    const placed: { name: string; errors: string[] }[] = [];
    for (const field of error.fields) {
      const segments = field.path.split('.').filter((s) => s && s !== 'body');
      const dotted = segments.filter((s) => !/^\d+$/.test(s)).join('.');
      const alias = Object.keys(aliases).find((a) => dotted === a || dotted.endsWith(`.${a}`) || dotted.startsWith(`${a}.`));
      const name = alias ? aliases[alias] : [...segments].reverse().find((s) => names.has(s));
      if (name) placed.push({ name, errors: [field.message] });
      else unplaced.push(field.message);
    }
    if (placed.length) form.setFields(placed);
    if (!unplaced.length && placed.length) return null;
  }
  return error.message;
}
