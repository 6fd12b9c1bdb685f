/**
 * Importing service hours in the national format (issue 12), like the roster: a dry run lists every
 * row's problems and writes nothing; confirming writes the good rows (bad ones are left out and
 * listed) as PENDING backfilled records through the ledger, in one transaction with one audit row.
 * Evidence: the sign-in sheets' scan (evidenceFileId) — the spreadsheet itself is no kind the files
 * feature stores. Someone other than the importer approves them (decisionBlock: entered_by).
 */
import ExcelJS from 'exceljs';
import { chinaDay, chinaTimeToIso } from '../../../shared/china-time';
import { HOURS_COLUMNS } from '../../../shared/exchange';
import type { HoursImportReport } from '../../../shared/hours';
import { isLateEntry } from '../../../shared/rules/hours';
import { appendAudit } from '../../platform/audit';
import { hmacHex } from '../../platform/crypto';
import type { Ctx, Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { whoOf } from '../../platform/session';
import { canUseFile } from '../files/files.service';
import { parseIdType, type Volunteer, volunteerByIdNumberHash } from '../volunteers/volunteers.lookup';
import { recordBackfilledService } from './hours.ledger';
import * as q from './hours.queries';

const MAX_ROWS = 5000;
type Values = Record<string, string>;
interface Checked {
  rowNumber: number;
  values: Values;
  problems: string[];
  /** The volunteer and times, once they could be read (for the duplicate check, even on a row with other problems). */
  found?: { volunteer: Volunteer; start: string; end: string; minutes: number };
  /** Set when the row has no problem at all: it will be (or was) imported. */
  ok?: Checked['found'];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A cell as text: dates as YYYY-MM-DD (or HH:mm for a time-only cell), numbers plain, rich text joined. */
function textOf(v: ExcelJS.CellValue, key: string): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    const time = `${pad(v.getUTCHours())}:${pad(v.getUTCMinutes())}`;
    return key === 'startTime' || key === 'endTime' ? time : v.toISOString().slice(0, 10);
  }
  if (typeof v === 'number' && (key === 'startTime' || key === 'endTime') && v < 1) {
    const m = Math.round(v * 1440);
    return `${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
  }
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return textOf(v.result as ExcelJS.CellValue, key);
    if ('text' in v) return String(v.text);
    return '';
  }
  return String(v).replace(/^'/, '');
}

async function readHoursFile(buf: Buffer): Promise<{ rows: { rowNumber: number; values: Values }[]; headerProblems: string[] }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  } catch {
    return { rows: [], headerProblems: ['无法读取文件，请上传 .xlsx 格式的表格'] };
  }
  const ws = wb.worksheets[0];
  const byHeader = new Map(HOURS_COLUMNS.map((c) => [c.header, c.key]));
  let headerRow = 0;
  const columnOf = new Map<string, number>();
  for (let r = 1; r <= Math.min(5, ws?.rowCount ?? 0) && headerRow === 0; r++) {
    ws.getRow(r).eachCell((cell, c) => {
      const key = byHeader.get(String(cell.value ?? '').trim());
      if (key) columnOf.set(key, c);
    });
    if (columnOf.size > 0) headerRow = r;
  }
  const missing = HOURS_COLUMNS.filter((c) => c.required && !columnOf.has(c.key)).map((c) => `缺少必填列：${c.header}`);
  if (!ws || headerRow === 0 || missing.length) return { rows: [], headerProblems: missing.length ? missing : ['找不到表头行'] };
  const rows: { rowNumber: number; values: Values }[] = [];
  ws.eachRow((row, rowNumber) => {
    if (rowNumber <= headerRow) return;
    const values: Values = {};
    for (const col of HOURS_COLUMNS) values[col.key] = textOf(row.getCell(columnOf.get(col.key) ?? 0).value, col.key).trim();
    if (Object.values(values).some((v) => v !== '')) rows.push({ rowNumber, values });
  });
  if (rows.length > MAX_ROWS) return { rows: [], headerProblems: [`一次最多导入 ${MAX_ROWS} 行`] };
  return { rows, headerProblems: [] };
}

/** The row's own problems (dates, times, hours), without the database. */
function checkCells(v: Values, today: string): { problems: string[]; start?: string; end?: string; minutes?: number } {
  const problems = HOURS_COLUMNS.filter((c) => c.required && !v[c.key]).map((c) => `${c.header}：必填`);
  if (problems.length) return { problems };
  const day = /^\d{4}-\d{2}-\d{2}$/.test(v.serviceDate) && !Number.isNaN(Date.parse(v.serviceDate)) ? v.serviceDate : null;
  if (!day) problems.push('服务日期：格式应为 YYYY-MM-DD');
  else if (day > today) problems.push('服务日期：不能是将来的日期');
  const times = [v.startTime, v.endTime].map((t) => (/^([01]?\d|2[0-3]):[0-5]\d$/.test(t) ? t.padStart(5, '0') : null));
  if (!times[0]) problems.push('开始时间：格式应为 HH:mm');
  if (!times[1]) problems.push('结束时间：格式应为 HH:mm');
  const hours = Number(v.hours);
  if (!Number.isFinite(hours) || hours <= 0 || hours > 24) problems.push('服务时长(小时)：应大于 0 且不超过 24');
  if (!day || !times[0] || !times[1] || problems.length) return { problems };
  const start = chinaTimeToIso(day, times[0]);
  const end = chinaTimeToIso(day, times[1]);
  const minutes = Math.round((Date.parse(end) - Date.parse(start)) / 60_000);
  if (minutes <= 0) problems.push('结束时间：必须晚于开始时间');
  else if (Math.abs(hours * 60 - minutes) > 3) problems.push(`服务时长(小时)：与起止时间（${minutesToText(minutes)}）不符`);
  return { problems, start, end, minutes };
}

const minutesToText = (m: number) => `${Math.round((m / 60) * 10) / 10} 小时`;

async function checkRows(deps: Deps, ctx: Ctx, rows: { rowNumber: number; values: Values }[]): Promise<Checked[]> {
  const allowed = await ctx.scope.units('hours.enter');
  const today = chinaDay(deps.clock.now());
  const checked: Checked[] = [];
  for (const { rowNumber, values } of rows) {
    const cells = checkCells(values, today);
    const problems = [...cells.problems];
    const idType = values.idType ? parseIdType(values.idType) : '01';
    if (!idType) problems.push('证件类型：无法识别');
    const idNumber = values.idNumber.toUpperCase();
    const volunteer = idType && idNumber ? await volunteerByIdNumberHash(deps.db, hmacHex(deps.config.keys.index, `${idType}:${idNumber}`)) : undefined;
    // One answer for "not registered" and "registered elsewhere": a station must not learn from an
    // import whether an ID number belongs to a volunteer of another station.
    if (idNumber && idType && (!volunteer || !allowed.has(volunteer.station_id))) problems.push('证件号码：您管辖的实践站没有该证件号码的志愿者');
    else if (volunteer && volunteer.status !== 'certified') problems.push('该志愿者未认证，不能录入时长');
    const inScope = volunteer && allowed.has(volunteer.station_id);
    const found = inScope && cells.start ? { volunteer, start: cells.start, end: cells.end!, minutes: cells.minutes! } : undefined;
    checked.push({ rowNumber, values, problems, found });
  }
  return checked;
}

/**
 * Duplicates by the natural key (volunteer + service date + start time + title): of a record held, or
 * of an earlier row of the file — also on rows with other problems (our own export read back has a
 * corrected record's netted hours, which no longer match its times: it is still a duplicate).
 */
async function markDuplicates(deps: Deps, checked: Checked[]) {
  const good = checked.filter((c) => c.found);
  const keyOf = (volunteerId: string, day: string, start: string | null, title: string) =>
    `${volunteerId}|${day}|${start ? Date.parse(start) : ''}|${title.trim()}`;
  const held = new Set(
    (await q.recordKeysOf(deps.db, [...new Set(good.map((c) => c.found!.volunteer.id))])).map((r) =>
      keyOf(r.volunteer_id, r.service_date, r.start_at, r.title),
    ),
  );
  const seen = new Map<string, number>();
  for (const c of good) {
    const key = keyOf(c.found!.volunteer.id, c.values.serviceDate, c.found!.start, c.values.title);
    if (held.has(key)) c.problems.push('重复：该志愿者已有同日期、同开始时间、同名称的服务记录');
    else if (seen.has(key)) c.problems.push(`重复：与第 ${seen.get(key)} 行相同`);
    else if (c.problems.length === 0 && (await q.overlapping(deps.db, c.found!.volunteer.id, c.found!.start, c.found!.end)).length)
      c.problems.push('该志愿者在这段时间已有服务记录');
    seen.set(key, seen.get(key) ?? c.rowNumber);
  }
  for (const c of checked) if (c.found && c.problems.length === 0) c.ok = c.found;
}

export async function importHours(
  deps: Deps,
  ctx: Ctx,
  file: { bytes: Buffer; name: string },
  opts: { dryRun: boolean; evidenceFileId?: string },
): Promise<HoursImportReport> {
  if ((await ctx.scope.units('hours.enter')).size === 0) throw new AppError('access.denied');
  const { rows, headerProblems } = await readHoursFile(file.bytes);
  const report: HoursImportReport = { dryRun: opts.dryRun, total: rows.length, valid: 0, invalid: 0, imported: 0, headerProblems, rows: [] };
  if (headerProblems.length) return report;
  const checked = await checkRows(deps, ctx, rows);
  await markDuplicates(deps, checked);
  const valid = checked.filter((c) => c.ok);
  report.valid = valid.length;
  report.invalid = checked.length - valid.length;
  report.rows = checked.map((c) => ({ rowNumber: c.rowNumber, name: c.values.name, status: c.ok ? 'new' : 'invalid', problems: c.problems }));
  if (opts.dryRun || valid.length === 0) return report;
  if (!opts.evidenceFileId || !(await canUseFile(deps, ctx, opts.evidenceFileId))) throw new AppError('hours.evidence_missing');
  for (const c of valid) await ctx.scope.require('hours.enter', c.ok!.volunteer.station_id);
  await commit(deps, ctx, valid, { fileName: file.name, evidenceFileId: opts.evidenceFileId, skipped: report.invalid });
  report.imported = valid.length;
  return report;
}

async function commit(deps: Deps, ctx: Ctx, valid: Checked[], o: { fileName: string; evidenceFileId: string; skipped: number }) {
  const now = deps.clock.now();
  const today = chinaDay(now);
  await deps.db.transaction().execute(async (trx) => {
    for (const { values: v, ok } of valid) {
      const rules = await ctx.scope.rulesOf(ok!.volunteer.station_id);
      const late = isLateEntry(v.serviceDate, today, rules['hours.recordDeadlineWorkingDays'], {
        holidays: rules['calendar.holidays'],
        makeupWorkdays: rules['calendar.makeupWorkdays'],
      });
      await recordBackfilledService(trx, {
        volunteerId: ok!.volunteer.id,
        unitId: ok!.volunteer.station_id,
        title: v.title.slice(0, 80),
        serviceDate: v.serviceDate,
        startAt: ok!.start,
        endAt: ok!.end,
        minutes: ok!.minutes,
        place: v.place || null,
        content: v.content || null,
        organiserName: v.organiser || ok!.volunteer.station_name,
        personInCharge: v.personInCharge || null,
        entryMethod: '导入',
        evidenceFileIds: [o.evidenceFileId],
        reason: `从全国志愿服务信息系统导入：${o.fileName}`.slice(0, 200),
        late,
        flag: late ? 'late_entry' : null,
        enteredBy: ctx.actor.accountId,
        at: now,
      });
    }
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'hours.imported',
      objectType: 'service_record',
      changes: { rows: { before: null, after: valid.length }, skipped: { before: null, after: o.skipped }, file: { before: null, after: o.fileName } },
    });
  });
}
