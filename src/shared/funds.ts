import { z } from 'zod';
import { DateString, Id, PageQuery, Paged, Text } from './common';
import { MAX_FEN, shareOf } from './rules/money';

/**
 * 工作方案 五、(四) 经费: "财政支持、社会筹集、协调整合" — budgets and spending of the institute and its
 * stations, for 建设经费 (building the venues) and 运行经费 (running them). Money is integer fen on
 * the wire and in the database; the console shows yuan (rules/money.ts).
 */
export const FUND_KINDS = { construction: '建设经费', operation: '运行经费' } as const;
export const FundKind = z.enum(['construction', 'operation']);
export type FundKind = z.infer<typeof FundKind>;

/** 协调整合: other departments' funds pooled here; the department is named. */
export const FUND_SOURCES = { fiscal: '财政支持', social: '社会筹集', coordinated: '协调整合' } as const;
export const FundSource = z.enum(['fiscal', 'social', 'coordinated']);
export type FundSource = z.infer<typeof FundSource>;

export const MIN_FUND_YEAR = 2000;
export const MAX_FUND_YEAR = 2100;
export const FundYear = z.coerce
  .number({ message: '请选择年度' })
  .int({ message: '年度应为整数' })
  .min(MIN_FUND_YEAR, { message: `年度不早于 ${MIN_FUND_YEAR}` })
  .max(MAX_FUND_YEAR, { message: `年度不晚于 ${MAX_FUND_YEAR}` });

/** A positive amount in fen: a budget line or a payment. */
export const AmountFen = z
  .number({ message: '请输入金额' })
  .int({ message: '金额以分为单位，应为整数' })
  .min(1, { message: '金额应大于 0' })
  .max(MAX_FEN, { message: '金额过大，请核对' });
/** A counter-entry to spending: negative (冲减), never zero. */
export const CounterFen = z
  .number({ message: '请输入金额' })
  .int({ message: '金额以分为单位，应为整数' })
  .min(-MAX_FEN, { message: '金额过大，请核对' })
  .max(-1, { message: '冲减金额应为负数' });
/** A budget adjustment: up or down, never zero. */
export const AdjustFen = z
  .number({ message: '请输入金额' })
  .int({ message: '金额以分为单位，应为整数' })
  .min(-MAX_FEN, { message: '金额过大，请核对' })
  .max(MAX_FEN, { message: '金额过大，请核对' })
  .refine((v) => v !== 0, { message: '调整金额不能为 0' });

// ------------------------------------------------------------------ budget lines

export const BudgetAdjustmentView = z.object({
  id: Id,
  amountFen: z.number().int(),
  reason: z.string(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
});

export const BudgetLineView = z.object({
  id: Id,
  year: z.number().int(),
  unitId: Id,
  unitName: z.string(),
  programmeId: Id.nullable(),
  programmeName: z.string().nullable(),
  kind: FundKind,
  source: FundSource,
  department: z.string().nullable(),
  /** As first entered. */
  amountFen: z.number().int(),
  /** After every adjustment: what the totals count. */
  netFen: z.number().int(),
  adjustments: z.array(BudgetAdjustmentView),
  note: z.string().nullable(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
});
export type BudgetLineView = z.infer<typeof BudgetLineView>;

export const BudgetLineInput = z.strictObject({
  year: FundYear,
  unitId: Id,
  programmeId: Id.nullable().optional(),
  kind: FundKind,
  source: FundSource,
  /** Required for 协调整合 (which department's funds); ignored otherwise. */
  department: Text(60).optional(),
  amountFen: AmountFen,
  note: Text(500).optional(),
});

export const BudgetAdjustmentInput = z.strictObject({
  amountFen: AdjustFen,
  reason: Text(200, 2),
});

export const BudgetLineQuery = PageQuery.extend({
  year: FundYear,
  unitId: Id.optional(),
});

// ------------------------------------------------------------------ spending entries

export const FundEntryView = z.object({
  id: Id,
  spentOn: z.string(),
  unitId: Id,
  unitName: z.string(),
  programmeId: Id.nullable(),
  programmeName: z.string().nullable(),
  budgetLineId: Id.nullable(),
  kind: FundKind,
  source: FundSource,
  department: z.string().nullable(),
  /** Signed: a counter-entry is negative. */
  amountFen: z.number().int(),
  purpose: z.string(),
  payee: z.string(),
  receiptFileIds: z.array(Id),
  /** For a counter-entry: the entry it corrects, and why. */
  correctsId: Id.nullable(),
  reason: z.string().nullable(),
  /** For an original entry: its amount after every counter-entry (for a counter-entry, its own amount). */
  netFen: z.number().int(),
  correctionCount: z.number().int(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
});
export type FundEntryView = z.infer<typeof FundEntryView>;

export const FundEntryInput = z.strictObject({
  spentOn: DateString,
  unitId: Id,
  programmeId: Id.nullable().optional(),
  budgetLineId: Id.nullable().optional(),
  kind: FundKind,
  source: FundSource,
  department: Text(60).optional(),
  amountFen: AmountFen,
  purpose: Text(200, 2),
  payee: Text(100),
  receiptFileIds: z.array(Id).max(20).default([]),
});

export const FundCorrectionInput = z.strictObject({
  amountFen: CounterFen,
  reason: Text(200, 2),
});

export const FundEntryQuery = PageQuery.extend({
  year: FundYear,
  unitId: Id.optional(),
  programmeId: Id.optional(),
  source: FundSource.optional(),
  kind: FundKind.optional(),
});

export const FundEntryPage = Paged(FundEntryView);

// ------------------------------------------------------------------ totals

export const FundTotalsQuery = z.strictObject({ year: FundYear, unitId: Id.optional() });

export const FundTotalRow = z.object({
  unitId: Id,
  unitName: z.string(),
  programmeId: Id.nullable(),
  programmeName: z.string().nullable(),
  source: FundSource,
  kind: FundKind,
  budgetFen: z.number().int(),
  spentFen: z.number().int(),
  /** Percent with one decimal; null without a budget. */
  share: z.number().nullable(),
  overBudget: z.boolean(),
});
export type FundTotalRow = z.infer<typeof FundTotalRow>;

export const FundSum = z.object({
  budgetFen: z.number().int(),
  spentFen: z.number().int(),
  share: z.number().nullable(),
  overBudget: z.boolean(),
});
export type FundSum = z.infer<typeof FundSum>;

export const FundTotalsView = z.object({
  year: z.number().int(),
  rows: z.array(FundTotalRow),
  byUnit: z.array(FundSum.extend({ unitId: Id, unitName: z.string() })),
  bySource: z.array(FundSum.extend({ source: FundSource })),
  byKind: z.array(FundSum.extend({ kind: FundKind })),
  total: FundSum,
});
export type FundTotalsView = z.infer<typeof FundTotalsView>;

/** One group of the year as the database summed it. */
export interface SummedGroup {
  unitId: string;
  unitName: string;
  programmeId: string | null;
  programmeName: string | null;
  source: FundSource;
  kind: FundKind;
  budgetFen: number;
  spentFen: number;
}

function sumOf(rows: { budgetFen: number; spentFen: number }[]): FundSum {
  const budgetFen = rows.reduce((s, r) => s + r.budgetFen, 0);
  const spentFen = rows.reduce((s, r) => s + r.spentFen, 0);
  return { budgetFen, spentFen, share: shareOf(spentFen, budgetFen), overBudget: spentFen > budgetFen };
}

function groupBy<T, K>(rows: T[], key: (r: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const r of rows) out.set(key(r), [...(out.get(key(r)) ?? []), r]);
  return out;
}

/**
 * The year's statement from the groups the database summed (one query): each group with its share,
 * and the subtotals by unit, by source and by kind, and the grand total. Pure: the same in the API,
 * the spreadsheet and the tests. Spending without any budget is over budget.
 */
export function summariseFunds(year: number, groups: SummedGroup[]): FundTotalsView {
  const rows = groups.map((g) => ({ ...g, share: shareOf(g.spentFen, g.budgetFen), overBudget: g.spentFen > g.budgetFen }));
  return {
    year,
    rows,
    byUnit: [...groupBy(groups, (g) => g.unitId)].map(([unitId, list]) => ({ unitId, unitName: list[0]?.unitName ?? '', ...sumOf(list) })),
    bySource: FundSource.options.map((source) => ({ source, ...sumOf(groups.filter((g) => g.source === source)) })),
    byKind: FundKind.options.map((kind) => ({ kind, ...sumOf(groups.filter((g) => g.kind === kind)) })),
    total: sumOf(groups),
  };
}
