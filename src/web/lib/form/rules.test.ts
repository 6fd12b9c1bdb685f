import Schema from '@rc-component/async-validator';
import { describe, expect, it } from 'vitest';
import { Text } from '../../../shared/common';
import { TrainingInput } from '../../../shared/hours';
import { PostInput } from '../../../shared/org';
import { RegisterVolunteerInput } from '../../../shared/volunteers';
import { limitsOf, rulesFrom } from './rules';

type Plain = {
  required?: boolean;
  whitespace?: boolean;
  min?: number;
  max?: number;
  pattern?: RegExp;
  type?: string;
  enum?: unknown[];
  message?: unknown;
  validator?: unknown;
};
const plain = (rules: ReturnType<typeof rulesFrom>) => rules as Plain[];

describe('rulesFrom', () => {
  it('derives required (trimmed), max length and the control-character pattern from Text(n)', () => {
    const rules = plain(rulesFrom(Text(80), { required: '请输入培训名称' }));
    expect(rules[0]).toEqual({ required: true, whitespace: true, message: '请输入培训名称' });
    expect(rules).toContainEqual({ max: 80, message: '最多 80 个字' });
    expect(rules.some((r) => r.pattern instanceof RegExp)).toBe(true);
  });

  it('leaves optional fields optional unless the form asks for a message', () => {
    expect(plain(rulesFrom(Text(20).optional())).some((r) => r.required)).toBe(false);
    expect(plain(rulesFrom(Text(200).optional(), { required: '请填写原因' }))[0].required).toBe(true);
  });

  it('takes the phone pattern and its message from the schema', () => {
    const [rule] = plain(rulesFrom(PostInput.shape.phone));
    expect(rule.pattern?.test('13800138000')).toBe(true);
    expect(rule.pattern?.test('12345')).toBe(false);
    expect(rule.message).toBe('请输入 11 位手机号');
  });

  it('checks number bounds, exclusive and inclusive', async () => {
    const rules = plain(rulesFrom(TrainingInput.shape.hours, { required: '请输入时长' }));
    const validators = rules.filter((r) => typeof r.validator === 'function').map((r) => r.validator as (rule: unknown, v: unknown) => Promise<void>);
    await expect(Promise.all(validators.map((v) => v({}, 2)))).resolves.toBeDefined();
    await expect(Promise.all(validators.map((v) => v({}, 0)))).rejects.toThrow('必须大于 0');
    await expect(Promise.all(validators.map((v) => v({}, 201)))).rejects.toThrow('不能大于 200');
  });

  it('lets a number through the required rule (no stray keys that make async-validator expect a string)', async () => {
    const rules = rulesFrom(TrainingInput.shape.hours, { required: '请输入时长' });
    const check = (v: unknown) => new Schema({ hours: rules as never }).validate({ hours: v });
    await expect(check(2)).resolves.toBeDefined();
    await expect(check(undefined)).rejects.toBeDefined();
  });

  it('turns an enum into an enum rule with the schema message', () => {
    const rule = plain(rulesFrom(RegisterVolunteerInput.shape.category)).find((r) => r.type === 'enum');
    expect(rule?.enum).toContain('教师');
    expect(rule?.message).toBe('请选择志愿者类别');
  });

  it('reads limits for input props', () => {
    expect(limitsOf(Text(40, 2).optional())).toEqual({ minLength: 2, maxLength: 40 });
    expect(limitsOf(PostInput.shape.sort)).toEqual({ min: 0, max: 9999 });
  });
});
