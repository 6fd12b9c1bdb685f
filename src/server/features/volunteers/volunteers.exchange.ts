import { chinaDay } from '../../../shared/china-time';

import { GENDER_CODES_FOR_EXPORT, type VolunteerListQuery, type VolunteerView } from '../../../shared/volunteers';
import { appendAudit } from '../../platform/audit';
import type { Ctx, Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { hmacHex } from '../../platform/crypto';
import { whoOf } from '../../platform/session';
import { canUseFile } from '../files/files.service';
import { checkIdentity, createVolunteer } from './volunteers.registration';
import { listVolunteers } from './volunteers.service';
import * as q from './volunteers.queries';
import {
  buildVolunteerTemplate,
  checkVolunteerRow,
  markDuplicatesInFile,
  readVolunteerRoster,
  writeVolunteerCsv,
  writeVolunteerWorkbook,
} from './volunteers.excel';

/** The stations an import may target: those the caller manages. */
async function managedStations(deps: Deps, ctx: Ctx) {
  const unitIds = await ctx.scope.units('volunteers.manage');
  const tree = await ctx.scope.tree();
  const ids = [...unitIds].filter((u) => tree.nodes.get(u)?.kind === 'station');
  return q.stationsOf(deps.db, ids);
}

export async function importTemplate(deps: Deps, ctx: Ctx): Promise<Buffer> {
  const stations = await managedStations(deps, ctx);
  return buildVolunteerTemplate(stations.map((s) => s.name));
}

export interface ImportReport {
  dryRun: boolean;
  total: number;
  valid: number;
  invalid: number;
  imported: number;
  headerProblems: string[];
  rows: { rowNumber: number; name: string; problems: string[] }[];
}

/**
 * Roster import. A dry run lists every row's problems and writes nothing. Confirming imports all
 * valid rows in one transaction (rows with problems are left out and listed), and needs the scan of
 * the signed registration forms: nobody is registered without consent evidence (办法 第六条).
 */
export async function importRoster(deps: Deps, ctx: Ctx, file: Buffer, opts: { dryRun: boolean; consentFileId?: string }): Promise<ImportReport> {
  const stations = await managedStations(deps, ctx);
  const { rows, headerProblems } = await readVolunteerRoster(file);
  const report: ImportReport = { dryRun: opts.dryRun, total: rows.length, valid: 0, invalid: 0, imported: 0, headerProblems, rows: [] };
  if (headerProblems.length) return report;
  const today = chinaDay(deps.clock.now());
  const checks = markDuplicatesInFile(rows.map((r) => checkVolunteerRow(r, { stationIdByName: new Map(stations.map((s) => [s.name, s.id])), today })));
  // Against the database too: an ID or phone that is already registered.
  for (const c of checks) {
    if (!c.input) continue;
    const person = c.phone ? await q.findPersonByPhone(deps.db, c.phone) : undefined;
    if (person && (await q.volunteerForPerson(deps.db, person.id))) {
      c.problems.push('手机号码：已登记为志愿者');
      c.input = null;
      continue;
    }
    const byId = c.idNumber ? await q.findPersonByIdHash(deps.db, hmacHex(deps.config.keys.index, `${c.input.idType}:${c.idNumber}`)) : undefined;
    if (byId && (await q.volunteerForPerson(deps.db, byId.id))) {
      c.problems.push('证件号码：已登记为志愿者');
      c.input = null;
    }
  }
  for (const c of checks) {
    if (!c.input) continue;
    try {
      checkIdentity(c.input, today);
    } catch (err) {
      c.problems.push(err instanceof AppError ? err.message : '证件号码：无法校验');
      c.input = null;
    }
  }
  const valid = checks.filter((c) => c.input && c.problems.length === 0);
  report.valid = valid.length;
  report.invalid = checks.length - valid.length;
  report.rows = checks.map((c, i) => ({ rowNumber: c.rowNumber, name: rows[i]?.values.name ?? '', problems: c.problems }));
  if (opts.dryRun || valid.length === 0) return report;
  if (!opts.consentFileId || !(await canUseFile(deps, ctx, opts.consentFileId))) throw new AppError('volunteer.consent_evidence_required');
  const now = deps.clock.now();
  for (const c of valid) await ctx.scope.require('volunteers.manage', c.input!.stationId);
  await deps.db.transaction().execute(async (trx) => {
    for (const c of valid) {
      const input = { ...c.input!, residenceArea: c.extras?.residenceArea || undefined, employment: c.extras?.employment ?? undefined };
      await createVolunteer(
        deps,
        whoOf(ctx),
        ctx.scope,
        {
          input,
          identity: checkIdentity(input, today),
          registeredBy: ctx.actor.accountId,
          consent: { method: 'signed_form', by: ctx.actor.accountId, fileId: opts.consentFileId ?? null, note: `Excel 批量导入，第 ${c.rowNumber} 行` },
        },
        trx,
      ).catch((err) => {
        throw err instanceof AppError ? new AppError(err.code, { message: `第 ${c.rowNumber} 行：${err.message}` }) : err;
      });
    }
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'volunteers.imported',
      objectType: 'volunteer',
      changes: { rows: { before: null, after: valid.length }, skipped: { before: null, after: report.invalid } },
    });
  });
  report.imported = valid.length;
  return report;
}

function exportRow(v: VolunteerView): Record<string, string> {
  return {
    name: v.name,
    idType: v.idType ?? '',
    idNumber: v.idNumberMasked ?? '',
    phone: v.phone ?? '',
    gender: v.gender ? GENDER_CODES_FOR_EXPORT[v.gender] : '',
    birthDate: v.birthDate ?? '',
    ethnicity: v.ethnicity ?? '',
    politicalStatus: v.politicalStatus ?? '',
    education: v.education ?? '',
    employment: v.employment ?? '',
    residenceArea: v.residenceArea ?? '',
    station: v.stationName,
    serviceCategories: v.serviceCategories.join('、'),
    skills: v.skills.join('、'),
    email: v.email ?? '',
    team: '',
    volunteerNo: v.volunteerNo ?? '',
    category: v.category,
    consent: '是',
  };
}

/** Exports what the caller may see, as shown to them (ID numbers masked). The export is audited. */
export async function exportVolunteers(
  deps: Deps,
  ctx: Ctx,
  query: VolunteerListQuery,
  format: 'xlsx' | 'csv',
): Promise<{ body: Buffer | string; count: number }> {
  const all: VolunteerView[] = [];
  for (let page = 1; page <= 50; page++) {
    const res = await listVolunteers(deps, ctx, { ...query, page, pageSize: 200 });
    all.push(...res.items);
    if (all.length >= res.total || res.items.length === 0) break;
  }
  const rows = all.map(exportRow);
  const body = format === 'xlsx' ? await writeVolunteerWorkbook(rows, '志愿者名册') : writeVolunteerCsv(rows);
  await deps.db.transaction().execute((trx) =>
    appendAudit(trx, deps.config.keys.audit, deps.clock.now(), whoOf(ctx), {
      action: 'volunteers.exported',
      objectType: 'volunteer',
      unitId: query.stationId ?? null,
      changes: { format: { before: null, after: format }, rows: { before: null, after: rows.length } },
    }),
  );
  return { body, count: rows.length };
}
