/**
 * Service hours for the national volunteer system (全国志愿服务信息系统, issue 12): the approved
 * records of a unit in a period, exactly in HOURS_COLUMNS order, full ID numbers (the national
 * system keys on them) — so behind a reason, with the reason and the row count in the audit row.
 * Counter-entries are netted into the record they correct (a record corrected to 0 is left out):
 * the national system knows one record per service, not our ledger's corrections.
 */
import ExcelJS from 'exceljs';
import { chinaWallClock } from '../../../shared/china-time';
import { HOURS_COLUMNS, safeCell } from '../../../shared/exchange';
import type { HoursNationalExportInput } from '../../../shared/hours';
import { minutesToHours } from '../../../shared/rules/stars';
import { appendAudit } from '../../platform/audit';
import { decrypt } from '../../platform/crypto';
import type { Ctx, Deps } from '../../platform/deps';
import { whoOf } from '../../platform/session';
import * as q from './hours.queries';

type Row = Record<string, string | number>;

const timeOf = (iso: string | null) => (iso ? chinaWallClock(iso).slice(11, 16) : '');

/** Writes the rows in HOURS_COLUMNS order: 服务日期 a real date cell, 服务时长 a number, the rest text (safeCell). */
export async function writeHoursWorkbook(rows: Row[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '实践';
  const ws = wb.addWorksheet('服务时长', { views: [{ state: 'frozen', ySplit: 1 }] });
  HOURS_COLUMNS.forEach((col, i) => {
    const column = ws.getColumn(i + 1);
    column.width = Math.max(10, col.header.length * 2 + 2);
    if (col.key !== 'serviceDate' && col.key !== 'hours') column.numFmt = '@';
  });
  const header = ws.getRow(1);
  HOURS_COLUMNS.forEach((col, i) => {
    header.getCell(i + 1).value = col.header;
    header.getCell(i + 1).font = { bold: true };
  });
  rows.forEach((row, r) => {
    const line = ws.getRow(r + 2);
    HOURS_COLUMNS.forEach((col, i) => {
      const cell = line.getCell(i + 1);
      const v = row[col.key] ?? '';
      if (col.key === 'serviceDate' && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) {
        cell.value = new Date(`${v}T00:00:00Z`);
        cell.numFmt = 'yyyy-mm-dd';
      } else if (typeof v === 'number') cell.value = v;
      else cell.value = safeCell(v);
    });
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: HOURS_COLUMNS.length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function exportHoursNational(deps: Deps, ctx: Ctx, input: HoursNationalExportInput) {
  await ctx.scope.require('hours.export_national', input.unitId);
  const allowed = await ctx.scope.units('hours.export_national');
  const tree = await ctx.scope.tree();
  const units = tree.subtree(input.unitId).filter((u) => allowed.has(u));
  const records = await q.approvedForNationalExport(deps.db, units, input.from, input.to);
  const rows: Row[] = [];
  for (const r of records) {
    const minutes = Number(r.minutes) + Number(r.corrected_minutes ?? 0);
    if (minutes <= 0) continue;
    rows.push({
      name: r.name,
      idType: r.id_type ?? '',
      idNumber: r.id_number_enc ? decrypt(deps.config.keys.encryption, r.id_number_enc) : '',
      volunteerNo: r.volunteer_no ?? '',
      title: r.title,
      projectNo: r.activity_id ?? '',
      serviceDate: r.service_date,
      startTime: timeOf(r.start_at),
      endTime: timeOf(r.end_at),
      hours: minutesToHours(minutes),
      place: r.place ?? '',
      content: r.content ?? '',
      organiser: r.organiser_name,
      personInCharge: r.person_in_charge ?? '',
      entryMethod: r.entry_method,
      note: '',
    });
  }
  const body = await writeHoursWorkbook(rows);
  await deps.db.transaction().execute((trx) =>
    appendAudit(trx, deps.config.keys.audit, deps.clock.now(), whoOf(ctx), {
      action: 'hours.exported_national',
      objectType: 'service_record',
      unitId: input.unitId,
      changes: {
        reason: { before: null, after: input.reason },
        period: { before: null, after: `${input.from} 至 ${input.to}` },
        rows: { before: null, after: rows.length },
        fullNumbers: { before: null, after: true },
      },
    }),
  );
  return { body, fileName: `全国志愿服务信息系统_服务时长_${input.from}_${input.to}.xlsx` };
}
