import ExcelJS from 'exceljs';
import { chinaMonthEnd, chinaMonthStart } from '../../../shared/china-time';
import { safeCell } from '../../../shared/exchange';
import { type ReconcileView, STOCK_KINDS, type StockKind } from '../../../shared/market';
import { differences, monthMovement } from '../../../shared/rules/market';
import { appendAudit } from '../../platform/audit';
import type { Ctx, Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { whoOf } from '../../platform/session';
import { pointEntriesBetween, pointTotalsOfStations } from '../points/points.lookup';
import * as q from './market.queries';

/** The institute to reconcile: the one asked for (404 outside the caller's scope), or the caller's first. */
async function instituteFor(ctx: Ctx, instituteId: string | undefined): Promise<string> {
  if (!ctx.scope.hasRole('market.read')) throw new AppError('access.denied');
  const tree = await ctx.scope.tree();
  if (instituteId) {
    if (tree.nodes.get(instituteId)?.kind !== 'institute') throw notFound();
    await ctx.scope.require('market.read', instituteId);
    return instituteId;
  }
  for (const u of await ctx.scope.units('market.read')) {
    const inst = tree.instituteOf(u);
    if (inst) return inst;
  }
  throw notFound();
}

/**
 * 账物相符 for one institute and month. Points: the month's opening + issued − spent − expired =
 * closing, and the ledger's Σ against Σ of the balance rows, per volunteer of the institute's
 * stations. Stock: per goods of its shops, opening + in − out = closing, and the ledger's Σ against
 * the on-hand counter. Each difference is named with the month's entries behind it.
 */
export async function reconcile(deps: Deps, ctx: Ctx, query: { instituteId?: string; month: string }): Promise<ReconcileView> {
  const instituteId = await instituteFor(ctx, query.instituteId);
  const tree = await ctx.scope.tree();
  const from = chinaMonthStart(query.month);
  const to = chinaMonthEnd(query.month);
  const people = await pointTotalsOfStations(deps.db, tree.subtree(instituteId), from, to);
  const sum = (k: 'opening' | 'issued' | 'spent' | 'expired' | 'ledger' | 'balance') => people.reduce((s, p) => s + p[k], 0);
  const pointDiffs = differences(
    people.map((p) => ({ key: p.volunteerId, ledger: p.ledger, counter: p.balance, entries: [] as never[], name: p.volunteerName })),
  );
  const pointEntries = await pointEntriesBetween(
    deps.db,
    pointDiffs.map((d) => d.key),
    from,
    to,
  );
  const shops = await q.shopsOfInstitute(deps.db, instituteId);
  const goods = await q.stockTotals(
    deps.db,
    shops.map((s) => s.id),
    from,
    to,
  );
  const stockDiffs = new Set(differences(goods.map((g) => ({ key: g.id, ledger: g.ledger, counter: g.on_hand, entries: [] }))).map((d) => d.key));
  const stockEntries = await q.stockEntriesBetween(deps.db, [...stockDiffs], from, to);
  const opening = sum('opening');
  const closing = monthMovement(opening, sum('issued'), sum('spent') + sum('expired'));
  const pointsBalanced = pointDiffs.length === 0;
  const stock = goods.map((g) => ({
    goodsId: g.id,
    goodsName: g.name,
    shopName: g.shop_name,
    opening: g.opening,
    in: g.inflow,
    out: g.outflow,
    closing: monthMovement(g.opening, g.inflow, g.outflow),
    ledgerTotal: g.ledger,
    onHand: g.on_hand,
    balanced: !stockDiffs.has(g.id),
    entries: stockEntries
      .filter((e) => e.goods_id === g.id)
      .map((e) => ({ id: e.id, kind: STOCK_KINDS[e.kind as StockKind] ?? e.kind, quantity: Number(e.quantity), createdAt: e.created_at, note: e.reason })),
  }));
  return {
    instituteId,
    instituteName: await q.unitName(deps.db, instituteId),
    month: query.month,
    balanced: pointsBalanced && stockDiffs.size === 0,
    points: {
      opening,
      issued: sum('issued'),
      spent: sum('spent'),
      expired: sum('expired'),
      closing,
      ledgerTotal: sum('ledger'),
      balancesTotal: sum('balance'),
      balanced: pointsBalanced,
      differences: pointDiffs.map((d) => ({
        volunteerId: d.key,
        volunteerName: d.name,
        ledger: d.ledger,
        balance: d.counter,
        entries: pointEntries
          .filter((e) => e.volunteer_id === d.key)
          .map((e) => ({ id: e.id, kind: e.kind, quantity: Number(e.points), createdAt: e.created_at, note: e.reason })),
      })),
    },
    stock,
  };
}

function header(ws: ExcelJS.Worksheet, titles: string[]) {
  const row = ws.addRow(titles);
  row.font = { bold: true };
  titles.forEach((_t, i) => {
    ws.getColumn(i + 1).width = i === 0 ? 24 : 14;
  });
}

/** One sheet per part: 积分, 库存, and 差异 naming each difference and the entries behind it. */
export async function writeReconciliation(v: ReconcileView): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '实践';
  const p = wb.addWorksheet('积分对账');
  p.addRow([safeCell(`${v.instituteName} ${v.month} 积分对账：${v.points.balanced ? '相符' : '不相符'}`)]).font = { bold: true, size: 14 };
  header(p, ['项目', '积分']);
  for (const [k, n] of [
    ['月初结余', v.points.opening],
    ['本月发放', v.points.issued],
    ['本月兑换（扣除退回）', v.points.spent],
    ['本月过期', v.points.expired],
    ['月末结余（月初 + 发放 − 兑换 − 过期）', v.points.closing],
    ['台账合计（至今）', v.points.ledgerTotal],
    ['积分余额合计（至今）', v.points.balancesTotal],
  ] as const)
    p.addRow([k, n]);
  const s = wb.addWorksheet('库存对账');
  s.addRow([safeCell(`${v.instituteName} ${v.month} 库存对账（账物相符）`)]).font = { bold: true, size: 14 };
  header(s, ['物品', '爱心超市', '月初', '本月入库', '本月出库', '月末', '台账合计', '现有库存', '是否相符']);
  for (const g of v.stock)
    s.addRow([safeCell(g.goodsName), safeCell(g.shopName), g.opening, g.in, g.out, g.closing, g.ledgerTotal, g.onHand, g.balanced ? '相符' : '不相符']);
  const d = wb.addWorksheet('差异明细');
  header(d, ['类别', '对象', '台账', '余额/库存', '差额', '记录时间', '记录类型', '数量', '说明']);
  for (const x of v.points.differences) {
    d.addRow(['积分', safeCell(x.volunteerName), x.ledger, x.balance, x.balance - x.ledger]);
    for (const e of x.entries) d.addRow(['', '', '', '', '', e.createdAt, e.kind, e.quantity, safeCell(e.note ?? '')]);
  }
  for (const g of v.stock.filter((x) => !x.balanced)) {
    d.addRow(['库存', safeCell(g.goodsName), g.ledgerTotal, g.onHand, g.onHand - g.ledgerTotal]);
    for (const e of g.entries) d.addRow(['', '', '', '', '', e.createdAt, e.kind, e.quantity, safeCell(e.note ?? '')]);
  }
  if (v.points.differences.length === 0 && v.stock.every((g) => g.balanced)) d.addRow(['本月账物相符，无差异']);
  const out: unknown = await wb.xlsx.writeBuffer();
  return Buffer.isBuffer(out) ? out : Buffer.from(out as ArrayBuffer);
}

export async function exportReconciliation(deps: Deps, ctx: Ctx, query: { instituteId?: string; month: string }) {
  const v = await reconcile(deps, ctx, query);
  const body = await writeReconciliation(v);
  await appendAudit(deps.db, deps.config.keys.audit, deps.clock.now(), whoOf(ctx), {
    action: 'market.reconciliation_exported',
    objectType: 'unit',
    objectId: v.instituteId,
    unitId: v.instituteId,
    changes: { month: { before: null, after: v.month } },
  });
  return { body, fileName: `爱心超市对账-${v.month}.xlsx` };
}
