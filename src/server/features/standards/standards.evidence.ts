import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { evaluateStandards, STANDARDS, type StandardKey } from '../../../shared/rules/standards';
import type { ConfirmationView, ConfirmInput, EvidenceInput, EvidenceView, UnitStandardsView, WithdrawEvidenceInput } from '../../../shared/standards';
import type { StandardEvidenceTable } from '../../db/schema';
import type { UnitTree } from '../../platform/access';
import { appendAudit } from '../../platform/audit';
import type { Ctx, Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { whoOf } from '../../platform/session';
import { fileInfosByIds } from '../files/files.lookup';
import { canUseFile } from '../files/files.service';
import { gatherFacts, parseIds } from './standards.facts';
import { type FileInfo, presentConfirmation, presentEvidence } from './standards.presenter';
import * as q from './standards.queries';

function requireStandardUnit(tree: UnitTree, unitId: string) {
  const kind = tree.nodes.get(unitId)?.kind;
  if (kind !== 'institute' && kind !== 'station') throw new AppError('standards.bad_unit');
}

function requireConfirmable(standard: StandardKey) {
  if (!STANDARDS[standard].confirmable) throw new AppError('standards.not_confirmable');
}

async function filesOf(deps: Deps, rows: StandardEvidenceTable[]): Promise<Map<string, FileInfo>> {
  const ids = [...new Set(rows.flatMap((r) => parseIds(r.file_ids)))];
  return new Map((await fileInfosByIds(deps.db, ids)).map((f) => [f.id, f]));
}

/** One unit's eight standards with reasons, citations, every evidence item and the confirmation history. */
export async function unitStandards(deps: Deps, ctx: Ctx, unitId: string): Promise<UnitStandardsView> {
  const tree = await ctx.scope.require('standards.read', unitId);
  requireStandardUnit(tree, unitId);
  const { units, facts } = await gatherFacts(deps, ctx, [unitId]);
  const unit = units[0];
  const f = facts.get(unitId);
  if (!unit || !f) throw notFound();
  const evidence = await q.evidenceOfUnit(deps.db, unitId);
  const history = await q.confirmationsOfUnit(deps.db, unitId);
  const files = await filesOf(deps, evidence);
  return {
    unitId,
    unitName: unit.name,
    kind: unit.kind,
    standards: evaluateStandards(f).map((r) => ({
      ...r,
      confirmable: STANDARDS[r.standard].confirmable,
      evidence: evidence.filter((e) => e.standard === r.standard).map((e) => presentEvidence(e, files)),
      confirmations: history.filter((c) => c.standard === r.standard).map(presentConfirmation),
    })),
  };
}

/** A unit's admins (or the institute's) submit evidence for a standard that rests on it. */
export async function addEvidence(deps: Deps, ctx: Ctx, input: z.infer<typeof EvidenceInput>): Promise<EvidenceView> {
  const tree = await ctx.scope.require('standards.evidence', input.unitId);
  requireStandardUnit(tree, input.unitId);
  requireConfirmable(input.standard);
  const fileIds = [...new Set(input.fileIds)];
  const link = input.link ?? null;
  if (fileIds.length === 0 && !link) throw new AppError('standards.evidence_empty');
  for (const id of fileIds) if (!(await canUseFile(deps, ctx, id))) throw new AppError('standards.bad_file');
  const now = deps.clock.now().toISOString();
  const row: StandardEvidenceTable = {
    id: randomUUID(),
    unit_id: input.unitId,
    standard: input.standard,
    kind: input.kind,
    note: input.note,
    file_ids: JSON.stringify(fileIds),
    link,
    added_by: ctx.actor.accountId,
    added_by_name: ctx.actor.displayName,
    created_at: now,
    withdrawn_at: null,
    withdrawn_by: null,
    withdrawn_by_name: null,
    withdraw_reason: null,
  };
  await deps.db.transaction().execute(async (trx) => {
    await q.insertEvidence(trx, row);
    await appendAudit(trx, deps.config.keys.audit, deps.clock.now(), whoOf(ctx), {
      action: 'standards.evidence_added',
      objectType: 'standard_evidence',
      objectId: row.id,
      unitId: input.unitId,
      changes: {
        standard: { before: null, after: input.standard },
        kind: { before: null, after: input.kind },
        note: { before: null, after: input.note },
        files: { before: null, after: fileIds },
        ...(link ? { link: { before: null, after: link } } : {}),
      },
    });
  });
  return presentEvidence(row, await filesOf(deps, [row]));
}

/** Withdraw an evidence item with a reason; the row stays, it no longer counts. */
export async function withdrawEvidence(deps: Deps, ctx: Ctx, id: string, input: z.infer<typeof WithdrawEvidenceInput>): Promise<EvidenceView> {
  const before = await q.getEvidence(deps.db, id);
  if (!before) throw notFound();
  await ctx.scope.require('standards.evidence', before.unit_id);
  if (before.withdrawn_at) throw new AppError('standards.withdrawn');
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const n = await q.withdrawEvidence(trx, id, {
      withdrawn_at: now.toISOString(),
      withdrawn_by: ctx.actor.accountId,
      withdrawn_by_name: ctx.actor.displayName,
      withdraw_reason: input.reason,
    });
    if (n !== 1) throw new AppError('standards.withdrawn');
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'standards.evidence_withdrawn',
      objectType: 'standard_evidence',
      objectId: id,
      unitId: before.unit_id,
      changes: { withdrawn: { before: null, after: input.reason } },
    });
  });
  const after = await q.getEvidence(deps.db, id);
  if (!after) throw notFound();
  return presentEvidence(after, await filesOf(deps, [after]));
}

/** The institute's decision on a unit's standard; a new row every time, the latest counts. */
export async function confirmStandard(deps: Deps, ctx: Ctx, input: z.infer<typeof ConfirmInput>): Promise<ConfirmationView> {
  const tree = await ctx.scope.require('standards.confirm', input.unitId);
  requireStandardUnit(tree, input.unitId);
  requireConfirmable(input.standard);
  const now = deps.clock.now();
  const id = randomUUID();
  await deps.db.transaction().execute(async (trx) => {
    // Read inside the transaction: the confirmation names the evidence it rested on.
    const evidence = (await q.activeEvidenceOfUnits(trx, [input.unitId])).filter((e) => e.standard === input.standard);
    if (input.decision === 'met' && evidence.length === 0) throw new AppError('standards.no_evidence');
    await q.insertConfirmation(trx, {
      id,
      unit_id: input.unitId,
      standard: input.standard,
      decision: input.decision,
      reason: input.reason,
      evidence_ids: JSON.stringify(evidence.map((e) => e.id)),
      by_account: ctx.actor.accountId,
      by_name: ctx.actor.displayName,
      created_at: now.toISOString(),
    });
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'standards.confirmed',
      objectType: 'standard_confirmation',
      objectId: id,
      unitId: input.unitId,
      changes: {
        standard: { before: null, after: input.standard },
        decision: { before: null, after: input.decision },
        reason: { before: null, after: input.reason },
      },
    });
  });
  const row = await q.getConfirmation(deps.db, id);
  if (!row) throw notFound();
  return presentConfirmation(row);
}
