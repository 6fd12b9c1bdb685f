import { z } from 'zod';
import { Citation } from './citations';
import { Id, Text } from './common';
import { EVIDENCE_KINDS, type EvidenceKind as EvidenceKindT, STANDARD_KEYS } from './rules/standards';

/** 八有 construction standards (工作方案 二、(二)): the board, a unit's evidence and the institute's confirmations. */
export { EVIDENCE_KINDS, STANDARD_KEYS, STANDARD_STATUSES, STANDARDS } from './rules/standards';

export const StandardKey = z.enum(STANDARD_KEYS);
export const EvidenceKind = z.enum(Object.keys(EVIDENCE_KINDS) as [EvidenceKindT, ...EvidenceKindT[]]);
export const StandardStatus = z.enum(['met', 'partial', 'missing']);
export const StandardSource = z.enum(['auto', 'confirmed']);
export const ConfirmDecision = z.enum(['met', 'not_met']);

export const BoardQuery = z.strictObject({
  /** Which institute's board (the district sees several); by default the first in the caller's scope. */
  instituteId: Id.optional(),
});

export const BoardCell = z.object({ standard: StandardKey, status: StandardStatus, reason: z.string(), source: StandardSource });
export const BoardRow = z.object({ unitId: Id, unitName: z.string(), kind: z.enum(['institute', 'station']), cells: z.array(BoardCell) });
export type BoardRow = z.infer<typeof BoardRow>;
export const BoardView = z.object({
  instituteId: Id.nullable(),
  /** The institutes the caller may switch between (empty for a station's admin). */
  institutes: z.array(z.object({ id: Id, name: z.string() })),
  rows: z.array(BoardRow),
  /** Per standard, how many units are met, partial and missing. */
  counts: z.array(z.object({ standard: StandardKey, met: z.number().int(), partial: z.number().int(), missing: z.number().int() })),
});
export type BoardView = z.infer<typeof BoardView>;

export const EvidenceFile = z.object({ id: Id, name: z.string(), mime: z.string() });
export const EvidenceView = z.object({
  id: Id,
  unitId: Id,
  standard: StandardKey,
  kind: EvidenceKind,
  note: z.string(),
  files: z.array(EvidenceFile),
  link: z.string().nullable(),
  byName: z.string(),
  at: z.string(),
  withdrawnAt: z.string().nullable(),
  withdrawnByName: z.string().nullable(),
  withdrawReason: z.string().nullable(),
});
export type EvidenceView = z.infer<typeof EvidenceView>;

export const ConfirmationView = z.object({
  id: Id,
  unitId: Id,
  standard: StandardKey,
  decision: ConfirmDecision,
  reason: z.string(),
  evidenceIds: z.array(Id),
  byName: z.string(),
  at: z.string(),
});
export type ConfirmationView = z.infer<typeof ConfirmationView>;

export const StandardDetail = z.object({
  standard: StandardKey,
  status: StandardStatus,
  reason: z.string(),
  source: StandardSource,
  /** Whether evidence and the institute's confirmation count for it (统一标识, 办公场所, 成果展示). */
  confirmable: z.boolean(),
  citations: z.array(Citation),
  /** Every evidence item, withdrawn ones included, newest first. */
  evidence: z.array(EvidenceView),
  /** The institute's decisions, newest first; the first one counts. */
  confirmations: z.array(ConfirmationView),
});
export type StandardDetail = z.infer<typeof StandardDetail>;

export const UnitStandardsView = z.object({
  unitId: Id,
  unitName: z.string(),
  kind: z.enum(['institute', 'station']),
  standards: z.array(StandardDetail),
});
export type UnitStandardsView = z.infer<typeof UnitStandardsView>;

export const UnitParams = z.strictObject({ unitId: Id });

export const EvidenceInput = z.strictObject({
  unitId: Id,
  standard: StandardKey,
  kind: EvidenceKind,
  note: Text(200),
  fileIds: z.array(Id).max(10).default([]),
  link: z
    .url({ protocol: /^https?$/, message: '请输入以 http:// 或 https:// 开头的网址' })
    .max(500, { message: '最多 500 个字' })
    .nullable()
    .optional(),
});
export type EvidenceInput = z.infer<typeof EvidenceInput>;

export const WithdrawEvidenceInput = z.strictObject({ reason: Text(200) });

export const ConfirmInput = z.strictObject({
  unitId: Id,
  standard: StandardKey,
  decision: ConfirmDecision,
  reason: Text(500),
});
export type ConfirmInput = z.infer<typeof ConfirmInput>;
