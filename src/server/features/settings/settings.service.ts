import { RULE_KEYS, RULES, type RuleKey, type RuleView, type SettingsView, isRuleKey } from '../../../shared/settings';
import type { UnitTree } from '../../platform/access';
import { appendAudit } from '../../platform/audit';
import type { Ctx, Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { markRulesChanged, readRules } from '../../platform/scope';
import { whoOf } from '../../platform/session';
import * as q from './settings.queries';

/**
 * The settings page a signed-in person lands on: a district admin's district (its defaults), else the
 * institute of their first grant, or the first below it (a district viewer).
 */
function defaultInstitute(tree: UnitTree, ctx: Ctx): string | null {
  const district = ctx.actor.grants.find((g) => g.role === 'district_admin' && tree.nodes.get(g.unitId)?.kind === 'district');
  if (district) return district.unitId;
  for (const g of ctx.actor.grants) {
    const inst = tree.instituteOf(g.unitId);
    if (inst) return inst;
    const below = tree.subtree(g.unitId).find((id) => tree.nodes.get(id)?.kind === 'institute');
    if (below) return below;
  }
  return null;
}

export async function viewSettings(deps: Deps, ctx: Ctx, unitId?: string): Promise<SettingsView> {
  const target = unitId ?? defaultInstitute(await ctx.scope.tree(), ctx);
  if (!target) throw notFound();
  const tree = await ctx.scope.require('settings.read', target);
  const isDistrict = tree.nodes.get(target)?.kind === 'district';
  const instituteId = isDistrict ? target : tree.instituteOf(target);
  if (!instituteId) throw notFound();
  // An institute's own rows, and its district's defaults (issue 13) under them.
  const districtId = isDistrict ? null : (tree.nodes.get(instituteId)?.parent_id ?? null);
  const [rows, districtRows] = await Promise.all([q.listRuleRows(deps.db, instituteId), districtId ? q.listRuleRows(deps.db, districtId) : []]);
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const districtByKey = new Map(districtRows.map((r) => [r.key, r]));
  const values = await ctx.scope.rulesOf(instituteId);
  const canEdit = await ctx.scope.can(isDistrict ? 'settings.edit_district' : 'settings.edit', instituteId);
  const unit = await q.unitName(deps.db, instituteId);
  const district = districtId ? await q.unitName(deps.db, districtId) : null;
  const rules: RuleView[] = RULE_KEYS.map((key) => {
    const def = RULES[key];
    const row = byKey.get(key);
    const fromDistrict = districtByKey.get(key);
    const inherited = fromDistrict ? RULES[key].schema.safeParse(JSON.parse(fromDistrict.value)) : null;
    return {
      origin: row ? 'own' : inherited?.success ? 'district' : 'plan',
      inheritedValue: inherited?.success ? inherited.data : def.default,
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
  return {
    unitId: instituteId,
    unitName: unit.name,
    canEdit,
    rules,
    level: isDistrict ? 'district' : 'institute',
    districtName: district?.name ?? (isDistrict ? unit.name : null),
  };
}

async function requireEditable(ctx: Ctx, unitId: string, key: string): Promise<RuleKey> {
  const tree = await ctx.scope.tree();
  // An institute's own rules, or (issue 13) a district's defaults for its streets.
  const kind = tree.nodes.get(unitId)?.kind;
  await ctx.scope.require(kind === 'district' ? 'settings.edit_district' : 'settings.edit', unitId);
  if (kind !== 'institute' && kind !== 'district') throw notFound();
  if (!isRuleKey(key)) throw new AppError('settings.unknown_rule');
  return key;
}

export async function updateRule(deps: Deps, ctx: Ctx, unitId: string, key: string, value: unknown): Promise<RuleView> {
  const ruleKey = await requireEditable(ctx, unitId, key);
  const parsed = RULES[ruleKey].schema.safeParse(value);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => ({ path: ['value', ...i.path.map(String)].join('.'), message: i.message }));
    throw new AppError('settings.bad_value', { fields, message: `规则的取值不符合要求：${fields[0]?.message ?? ''}` });
  }
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const before = (await readRules(trx, unitId))[ruleKey];
    await q.upsertRule(trx, {
      unit_id: unitId,
      key: ruleKey,
      value: JSON.stringify(parsed.data),
      updated_at: now.toISOString(),
      updated_by: ctx.actor.accountId,
    });
    await markRulesChanged(trx);
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: (await isDistrict(ctx, unitId)) ? 'settings.district_rule_updated' : 'settings.rule_updated',
      objectType: 'rule',
      objectId: ruleKey,
      unitId,
      changes: { [ruleKey]: { before, after: parsed.data } },
    });
  });
  ctx.scope.changed();
  return ruleView(deps, ctx, unitId, ruleKey);
}

export async function resetRule(deps: Deps, ctx: Ctx, unitId: string, key: string): Promise<RuleView> {
  const ruleKey = await requireEditable(ctx, unitId, key);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const before = (await readRules(trx, unitId))[ruleKey];
    await q.deleteRule(trx, unitId, ruleKey);
    await markRulesChanged(trx);
    // Back to the district's default when the institute's district set one (issue 13), else the plan's.
    const after = (await readRules(trx, unitId))[ruleKey];
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: (await isDistrict(ctx, unitId)) ? 'settings.district_rule_reset' : 'settings.rule_reset',
      objectType: 'rule',
      objectId: ruleKey,
      unitId,
      changes: { [ruleKey]: { before, after } },
    });
  });
  ctx.scope.changed();
  return ruleView(deps, ctx, unitId, ruleKey);
}

async function isDistrict(ctx: Ctx, unitId: string): Promise<boolean> {
  return (await ctx.scope.tree()).nodes.get(unitId)?.kind === 'district';
}

async function ruleView(deps: Deps, ctx: Ctx, unitId: string, key: RuleKey): Promise<RuleView> {
  const view = await viewSettings(deps, ctx, unitId);
  return view.rules.find((r) => r.key === key) as RuleView;
}
