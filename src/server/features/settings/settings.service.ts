import { RULE_KEYS, RULES, type RuleKey, type RuleValues, type RuleView, type SettingsView, isRuleKey } from '../../../shared/settings';
import { type UnitTree, loadUnitTree, requireAccess } from '../../platform/access';
import { appendAudit } from '../../platform/audit';
import type { DbOrTrx } from '../../platform/db';
import type { Ctx, Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { whoOf } from '../accounts/auth.service';
import * as q from './settings.queries';

/** The institute a unit belongs to (itself, for an institute). Rules are set per institute. */
export function instituteOf(tree: UnitTree, unitId: string): string | null {
  return tree.ancestry(unitId).find((id) => tree.nodes.get(id)?.kind === 'institute') ?? null;
}

/**
 * The rules in force for an institute: its own values over the plan's defaults. Every feature reads
 * its numbers through here, never from a constant.
 */
export async function rulesFor(db: DbOrTrx, instituteId: string): Promise<RuleValues> {
  const rows = await q.listRuleRows(db, instituteId);
  const out = Object.fromEntries(RULE_KEYS.map((k) => [k, RULES[k].default])) as Record<string, unknown>;
  for (const r of rows) {
    if (!isRuleKey(r.key)) continue;
    const parsed = RULES[r.key].schema.safeParse(JSON.parse(r.value));
    if (parsed.success) out[r.key] = parsed.data;
  }
  return out as RuleValues;
}

function defaultInstitute(tree: UnitTree, ctx: Ctx): string | null {
  for (const g of ctx.actor.grants) {
    const inst = instituteOf(tree, g.unitId);
    if (inst) return inst;
    // A district viewer: the first institute below the district.
    const below = tree.subtree(g.unitId).find((id) => tree.nodes.get(id)?.kind === 'institute');
    if (below) return below;
  }
  return null;
}

export async function viewSettings(deps: Deps, ctx: Ctx, unitId?: string): Promise<SettingsView> {
  const tree0 = await loadUnitTree(deps);
  const target = unitId ?? defaultInstitute(tree0, ctx);
  if (!target) throw notFound();
  const tree = await requireAccess(deps, ctx.actor, 'settings.read', target);
  const instituteId = instituteOf(tree, target);
  if (!instituteId) throw notFound();
  const rows = await q.listRuleRows(deps.db, instituteId);
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const values = await rulesFor(deps.db, instituteId);
  const canEdit = ctx.actor.grants.some((g) => g.role === 'institute_admin' && tree.subtree(g.unitId).includes(instituteId));
  const unit = await q.unitName(deps.db, instituteId);
  const rules: RuleView[] = RULE_KEYS.map((key) => {
    const def = RULES[key];
    const row = byKey.get(key);
    return {
      key,
      label: def.label,
      source: def.source,
      editor: def.editor,
      unit: def.unit,
      value: values[key],
      defaultValue: def.default,
      isDefault: !row,
      updatedAt: row?.updated_at ?? null,
      updatedBy: row?.updated_by_name ?? null,
    };
  });
  return { unitId: instituteId, unitName: unit.name, canEdit, rules };
}

async function requireEditable(deps: Deps, ctx: Ctx, unitId: string, key: string): Promise<RuleKey> {
  const tree = await requireAccess(deps, ctx.actor, 'settings.edit', unitId);
  if (tree.nodes.get(unitId)?.kind !== 'institute') throw notFound();
  if (!isRuleKey(key)) throw new AppError('settings.unknown_rule');
  return key;
}

export async function updateRule(deps: Deps, ctx: Ctx, unitId: string, key: string, value: unknown): Promise<RuleView> {
  const ruleKey = await requireEditable(deps, ctx, unitId, key);
  const parsed = RULES[ruleKey].schema.safeParse(value);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => ({ path: ['value', ...i.path.map(String)].join('.'), message: i.message }));
    throw new AppError('settings.bad_value', { fields, message: `规则的取值不符合要求：${fields[0]?.message ?? ''}` });
  }
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const before = (await rulesFor(trx, unitId))[ruleKey];
    await q.upsertRule(trx, { unit_id: unitId, key: ruleKey, value: JSON.stringify(parsed.data), updated_at: now.toISOString(), updated_by: ctx.actor.accountId });
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'settings.rule_updated', objectType: 'rule', objectId: ruleKey, unitId, changes: { [ruleKey]: { before, after: parsed.data } },
    });
  });
  return ruleView(deps, ctx, unitId, ruleKey);
}

export async function resetRule(deps: Deps, ctx: Ctx, unitId: string, key: string): Promise<RuleView> {
  const ruleKey = await requireEditable(deps, ctx, unitId, key);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const before = (await rulesFor(trx, unitId))[ruleKey];
    await q.deleteRule(trx, unitId, ruleKey);
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'settings.rule_reset', objectType: 'rule', objectId: ruleKey, unitId, changes: { [ruleKey]: { before, after: RULES[ruleKey].default } },
    });
  });
  return ruleView(deps, ctx, unitId, ruleKey);
}

async function ruleView(deps: Deps, ctx: Ctx, unitId: string, key: RuleKey): Promise<RuleView> {
  const view = await viewSettings(deps, ctx, unitId);
  return view.rules.find((r) => r.key === key) as RuleView;
}
