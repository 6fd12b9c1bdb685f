import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTIVITY_ACTIONS } from '../../../shared/activities';
import { AssignmentStatus } from '../../../shared/activity-plans';
import { AUDIT_ACTIONS, auditActionLabel } from '../../../shared/audit';
import { IntakeKind } from '../../../shared/market';
import { SubmissionStatus } from '../../../shared/news';
import { ORDER_ACTIONS } from '../../../shared/rules/order-flow';
import { VolunteerAction } from '../../../shared/volunteers';
import { POLICY } from '../../platform/access';

const SERVER = path.resolve(__dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sources(file);
    return file.endsWith('.ts') && !file.endsWith('.test.ts') ? [file] : [];
  });
}

/** Every audit action the server writes with a literal name (`action: 'x.y'`, also inside a ternary). */
function literalActions(): Set<string> {
  const out = new Set<string>();
  for (const file of sources(SERVER)) {
    for (const m of readFileSync(file, 'utf8').matchAll(/\baction:\s*([^,\n}]+)/g)) {
      for (const q of m[1].matchAll(/'([a-z_0-9]+\.[a-z_0-9.]+)'/g)) out.add(q[1]);
    }
  }
  // Names the policy table uses for access checks are not audit rows.
  for (const key of Object.keys(POLICY)) out.delete(key);
  return out;
}

/** Actions built from a step's name (`orders.${action}` …): each step the code can take. */
const BUILT = [
  ...Object.keys(ORDER_ACTIONS).map((a) => `orders.${a}`),
  ...Object.keys(ACTIVITY_ACTIONS).map((a) => `activities.${a}`),
  ...VolunteerAction.options.map((a) => `volunteers.${a}`),
  ...SubmissionStatus.options.filter((s) => s !== 'none').map((s) => `news.${s}`),
  ...AssignmentStatus.options.map((s) => `activity_plans.${s}`),
  ...IntakeKind.options.map((k) => `market.${k}_received`),
];

describe('the audit log speaks Chinese', () => {
  it('has a label for every action the server writes', () => {
    const missing = [...literalActions(), ...BUILT].filter((a) => !AUDIT_ACTIONS[a]);
    expect(missing).toEqual([]);
  });

  it('names an unlabelled action by its area rather than showing a bare code', () => {
    expect(auditActionLabel('care.listed')).toBe('查看关爱对象列表');
    expect(auditActionLabel('care.something_new')).toBe('关爱对象：something_new');
    expect(auditActionLabel('unknown')).toBe('unknown');
  });
});
