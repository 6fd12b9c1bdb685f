import type { Rule } from 'antd/es/form';
import type { z } from 'zod';

/** What a check or schema carries in zod 4's definition (the public shape of `_zod.def`). */
interface Def {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  checks?: { _zod: { def: CheckDef } }[];
  entries?: Record<string, string | number>;
  format?: string;
  error?: (issue: unknown) => unknown;
}
interface CheckDef {
  check: string;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
  error?: (issue: unknown) => unknown;
}

const def = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;
const messageOf = (d: { error?: (issue: unknown) => unknown }) => {
  const m = d.error?.({});
  return typeof m === 'string' ? m : typeof m === 'object' && m && 'message' in m ? String(m.message) : undefined;
};

/** Peel optional / nullable / default / pipe off a schema; says whether an empty value passes. */
function unwrap(schema: z.ZodType): { core: z.ZodType; optional: boolean } {
  let core = schema;
  let optional = false;
  for (;;) {
    const d = def(core);
    if ((d.type === 'optional' || d.type === 'nullable' || d.type === 'default' || d.type === 'prefault') && d.innerType) {
      optional = true;
      core = d.innerType;
    } else if (d.type === 'pipe' && d.in) core = d.in;
    else return { core, optional };
  }
}

/** The length and size limits a schema sets, for an input's `maxLength`, `min` and `max` props (inclusive bounds only). */
export function limitsOf(schema: z.ZodType): { minLength?: number; maxLength?: number; min?: number; max?: number } {
  const out: { minLength?: number; maxLength?: number; min?: number; max?: number } = {};
  for (const c of def(unwrap(schema).core).checks ?? []) {
    const d = c._zod.def;
    if (d.check === 'min_length') out.minLength = d.minimum;
    else if (d.check === 'max_length') out.maxLength = d.maximum;
    else if (d.check === 'greater_than' && d.inclusive) out.min = d.value;
    else if (d.check === 'less_than' && d.inclusive) out.max = d.value;
  }
  return out;
}

export interface RulesOptions {
  /** The message when the field is empty (given, it also makes an optional field required); `false` when a default fills it. */
  required?: string | false;
  /** Override the message of every other rule (e.g. one pattern message instead of zod's). */
  message?: string;
}

/**
 * antd rules from the shared zod schema of one field, so a limit is written once:
 * `rules={rulesFrom(AddTrainingInput.shape.name, { required: '请输入培训名称' })}`.
 * Covers what the forms need: required, string min/max length, regex and e-mail formats, number
 * min/max and enums. Messages are zod's own (the schemas carry Chinese messages) or a plain
 * Chinese default. Cross-field rules stay in the schema and come back from the server.
 */
export function rulesFrom(schema: z.ZodType, options: RulesOptions = {}): Rule[] {
  const { core, optional } = unwrap(schema);
  const d = def(core);
  const rules: Rule[] = [];
  const checks = (d.checks ?? []).map((c) => c._zod.def);
  const trims = checks.some((c) => c.check === 'overwrite');
  // A message makes the field required even where the API lets it be empty (the form demands more).
  if (options.required !== false && (!optional || typeof options.required === 'string')) {
    // Only the keys that apply: async-validator treats a rule with any key beyond `required` and
    // `message` as a string rule, and a number (an InputNumber's value) then fails it.
    const required: Rule = { required: true, message: options.required || '此项必填' };
    if (d.type === 'string' && trims) required.whitespace = true;
    if (d.type === 'number') required.type = 'number';
    rules.push(required);
  }
  const say = (fallback: string, own?: string) => options.message ?? own ?? fallback;
  if (d.type === 'string') {
    if (d.format === 'email') rules.push({ type: 'email', message: say('邮箱格式不正确', messageOf(d)) });
    for (const c of checks) {
      if (c.check === 'min_length' && (c.minimum ?? 0) > 1) rules.push({ min: c.minimum, message: say(`至少 ${c.minimum} 个字`, messageOf(c)) });
      else if (c.check === 'max_length') rules.push({ max: c.maximum, message: say(`最多 ${c.maximum} 个字`, messageOf(c)) });
      else if (c.check === 'string_format' && c.format === 'regex' && c.pattern) rules.push({ pattern: c.pattern, message: say('格式不正确', messageOf(c)) });
    }
  } else if (d.type === 'number') {
    for (const c of checks) {
      const bound = c.value;
      if (bound === undefined || (c.check !== 'greater_than' && c.check !== 'less_than')) continue;
      const above = c.check === 'greater_than';
      const fits = (v: number) => (above ? (c.inclusive ? v >= bound : v > bound) : c.inclusive ? v <= bound : v < bound);
      const fallback = above ? (c.inclusive ? `不能小于 ${bound}` : `必须大于 ${bound}`) : c.inclusive ? `不能大于 ${bound}` : `必须小于 ${bound}`;
      const text = say(fallback, messageOf(c));
      rules.push({ validator: async (_, v: unknown) => (typeof v !== 'number' || fits(v) ? undefined : Promise.reject(new Error(text))) });
    }
  } else if (d.type === 'enum' && d.entries) {
    rules.push({ type: 'enum', enum: Object.values(d.entries), message: say('请从列表中选择', messageOf(d)) });
  }
  return rules;
}
