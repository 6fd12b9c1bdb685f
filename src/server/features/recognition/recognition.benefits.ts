/** 礼遇: the benefits catalogue of an institute, each from a minimum star level. */
import { randomUUID } from 'node:crypto';
import type { BenefitInput, BenefitView } from '../../../shared/recognition';
import type { RecognitionBenefitsTable } from '../../db/schema';
import { appendAudit } from '../../platform/audit';
import type { DbOrTrx } from '../../platform/db';
import type { Ctx, Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { whoOf } from '../../platform/session';
import * as q from './recognition.queries';

export function presentBenefit(r: RecognitionBenefitsTable): BenefitView {
  return {
    id: r.id,
    unitId: r.unit_id,
    title: r.title,
    description: r.description,
    provider: r.provider,
    minLevel: Number(r.min_level),
    validFrom: r.valid_from,
    validTo: r.valid_to,
    active: Boolean(Number(r.active)),
  };
}

/** Whether a benefit is offered on a day: active and within its validity. */
export function offeredOn(b: BenefitView, day: string): boolean {
  return b.active && (!b.validFrom || b.validFrom <= day) && (!b.validTo || day <= b.validTo);
}

export async function benefitsOf(db: DbOrTrx, instituteId: string): Promise<BenefitView[]> {
  return (await q.benefitsOfUnit(db, instituteId)).map(presentBenefit);
}

/** The catalogue of the given institute, or of the caller's first (an institute admin's own, a station's institute). */
export async function listBenefits(deps: Deps, ctx: Ctx, query: { unitId?: string }) {
  const tree = await ctx.scope.tree();
  const unitId = query.unitId ?? [...(await ctx.scope.units('recognition.benefits_read'))].find((u) => tree.nodes.get(u)?.kind === 'institute');
  if (!unitId) return { items: [] };
  await ctx.scope.require('recognition.benefits_read', unitId);
  const inst = tree.instituteOf(unitId);
  if (!inst) throw notFound();
  return { items: await benefitsOf(deps.db, inst) };
}

function rowOf(input: BenefitInput) {
  return {
    title: input.title,
    description: input.description,
    provider: input.provider,
    min_level: input.minLevel,
    valid_from: input.validFrom ?? null,
    valid_to: input.validTo ?? null,
    active: input.active ? 1 : 0,
  };
}

/** The caller's institute where they keep the catalogue (an institute admin's). */
async function ownInstitute(ctx: Ctx): Promise<string> {
  const tree = await ctx.scope.tree();
  const inst = [...(await ctx.scope.units('recognition.benefits'))].find((u) => tree.nodes.get(u)?.kind === 'institute');
  if (!inst) throw new AppError('access.denied');
  return inst;
}

export async function createBenefit(deps: Deps, ctx: Ctx, input: BenefitInput): Promise<BenefitView> {
  const unitId = await ownInstitute(ctx);
  const now = deps.clock.now().toISOString();
  const row: RecognitionBenefitsTable = { id: randomUUID(), unit_id: unitId, ...rowOf(input), created_at: now, updated_at: now };
  await deps.db.transaction().execute(async (trx) => {
    await q.insertBenefit(trx, row);
    await appendAudit(trx, deps.config.keys.audit, deps.clock.now(), whoOf(ctx), {
      action: 'recognition.benefit_created',
      objectType: 'recognition_benefit',
      objectId: row.id,
      unitId,
      changes: { title: { before: null, after: input.title }, minLevel: { before: null, after: input.minLevel } },
    });
  });
  return presentBenefit(row);
}

export async function updateBenefit(deps: Deps, ctx: Ctx, id: string, input: BenefitInput): Promise<BenefitView> {
  const before = await q.getBenefit(deps.db, id);
  if (!before) throw notFound();
  await ctx.scope.require('recognition.benefits', before.unit_id);
  const patch = { ...rowOf(input), updated_at: deps.clock.now().toISOString() };
  await deps.db.transaction().execute(async (trx) => {
    await q.updateBenefit(trx, id, patch);
    await appendAudit(trx, deps.config.keys.audit, deps.clock.now(), whoOf(ctx), {
      action: 'recognition.benefit_updated',
      objectType: 'recognition_benefit',
      objectId: id,
      unitId: before.unit_id,
      changes: {
        title: { before: before.title, after: input.title },
        minLevel: { before: Number(before.min_level), after: input.minLevel },
        active: { before: Boolean(Number(before.active)), after: input.active },
      },
    });
  });
  return presentBenefit({ ...before, ...patch });
}
