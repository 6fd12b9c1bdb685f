import { chinaDay } from '../../../shared/china-time';

import { ID_TYPES, type ImportReport as ReportShape, type VolunteerListQuery, type VolunteerView } from '../../../shared/volunteers';
import { appendAudit } from '../../platform/audit';
import type { Ctx, Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { hmacHex } from '../../platform/crypto';
import { whoOf } from '../../platform/session';
import { canUseFile } from '../files/files.service';
import { checkIdentity, createVolunteer } from './volunteers.registration';
import { listVolunteers } from './volunteers.service';
import * as q from './volunteers.queries';
import { joinFromRoster, teamNamesOf, teamsOfStations } from '../teams/teams.roster';
import {
  buildVolunteerTemplate,
  checkVolunteerRow,
  markDuplicatesInFile,
  parseIdType,
  type RosterRow,
  type RowCheck,
  readVolunteerRoster,
  teamKey,
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

export type ImportReport = ReportShape;

/**
 * Against the database: a row whose ID number is already registered is that volunteer again (a
 * national export read back, a roster sent twice) — skipped and reported, not an error. A phone
 * already registered to someone else is an error. Then the identity rules for the new rows.
 */
async function checkAgainstRegistered(deps: Deps, rows: RosterRow[], checks: RowCheck[], today: string): Promise<Set<number>> {
  const existing = new Set<number>();
  for (const [i, c] of checks.entries()) {
    const idType = parseIdType(rows[i]?.values.idType ?? '');
    const byId = c.idNumber && idType ? await q.findPersonByIdHash(deps.db, hmacHex(deps.config.keys.index, `${idType}:${c.idNumber}`)) : undefined;
    if (byId && (await q.volunteerForPerson(deps.db, byId.id))) {
      existing.add(i);
      c.problems = [];
      c.input = null;
      continue;
    }
    if (!c.input) continue;
    const byPhone = c.phone ? await q.findPersonByPhone(deps.db, c.phone) : undefined;
    if (byPhone && (await q.volunteerForPerson(deps.db, byPhone.id))) {
      c.problems.push('手机号码：已被另一名志愿者登记');
      c.input = null;
      continue;
    }
    try {
      checkIdentity(c.input, today);
    } catch (err) {
      c.problems.push(err instanceof AppError ? err.message : '证件号码：无法校验');
      c.input = null;
    }
  }
  return existing;
}

/**
 * Roster import. A dry run lists every row's problems and writes nothing. Confirming imports all
 * new valid rows in one transaction (rows with problems are left out and listed, people already
 * registered are skipped), joins each to their 所属队伍, and needs the scan of the signed
 * registration forms: nobody is registered without consent evidence (办法 第六条).
 */
export async function importRoster(deps: Deps, ctx: Ctx, file: Buffer, opts: { dryRun: boolean; consentFileId?: string }): Promise<ImportReport> {
  const stations = await managedStations(deps, ctx);
  const { rows, headerProblems } = await readVolunteerRoster(file);
  const report: ImportReport = {
    dryRun: opts.dryRun,
    total: rows.length,
    valid: 0,
    invalid: 0,
    imported: 0,
    existing: 0,
    joinedTeams: 0,
    headerProblems,
    rows: [],
  };
  if (headerProblems.length) return report;
  const today = chinaDay(deps.clock.now());
  const teams = new Map(
    (
      await teamsOfStations(
        deps.db,
        stations.map((s) => s.id),
      )
    ).map((t) => [teamKey(t.unit_id, t.name), t.id]),
  );
  const rowContext = { stationIdByName: new Map(stations.map((s) => [s.name, s.id])), today, teams };
  const checks = markDuplicatesInFile(rows.map((r) => checkVolunteerRow(r, rowContext)));
  const existing = await checkAgainstRegistered(deps, rows, checks, today);
  const valid = checks.filter((c) => c.input && c.problems.length === 0);
  report.valid = valid.length;
  report.existing = existing.size;
  report.invalid = checks.length - valid.length - existing.size;
  report.rows = checks.map((c, i) => ({
    rowNumber: c.rowNumber,
    name: rows[i]?.values.name ?? '',
    status: existing.has(i) ? 'existing' : c.input && c.problems.length === 0 ? 'new' : 'invalid',
    problems: existing.has(i) ? ['已登记为志愿者，跳过（不覆盖已有信息）'] : c.problems,
  }));
  if (opts.dryRun || valid.length === 0) return report;
  if (!opts.consentFileId || !(await canUseFile(deps, ctx, opts.consentFileId))) throw new AppError('volunteer.consent_evidence_required');
  for (const c of valid) await ctx.scope.require('volunteers.manage', c.input!.stationId);
  report.joinedTeams = await commitRoster(deps, ctx, valid, { consentFileId: opts.consentFileId, today, skipped: report.invalid + report.existing });
  report.imported = valid.length;
  return report;
}

/** Registers the checked rows and joins their teams, with one audit row, all in one transaction. */
async function commitRoster(deps: Deps, ctx: Ctx, valid: RowCheck[], o: { consentFileId: string; today: string; skipped: number }): Promise<number> {
  const now = deps.clock.now();
  let joined = 0;
  await deps.db.transaction().execute(async (trx) => {
    for (const c of valid) {
      const input = { ...c.input!, residenceArea: c.extras?.residenceArea || undefined, employment: c.extras?.employment ?? undefined };
      const created = await createVolunteer(
        deps,
        whoOf(ctx),
        ctx.scope,
        {
          input,
          identity: checkIdentity(input, o.today),
          registeredBy: ctx.actor.accountId,
          consent: { method: 'signed_form', by: ctx.actor.accountId, fileId: o.consentFileId, note: `Excel 批量导入，第 ${c.rowNumber} 行` },
        },
        trx,
      ).catch((err) => {
        throw err instanceof AppError ? new AppError(err.code, { message: `第 ${c.rowNumber} 行：${err.message}` }) : err;
      });
      if (c.extras?.teamId) {
        await joinFromRoster(trx, { teamId: c.extras.teamId, volunteerId: created.volunteerId, by: ctx.actor.accountId, at: now.toISOString() });
        joined++;
      }
    }
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'volunteers.imported',
      objectType: 'volunteer',
      changes: { rows: { before: null, after: valid.length }, skipped: { before: null, after: o.skipped }, joinedTeams: { before: null, after: joined } },
    });
  });
  return joined;
}

const GENDER_WORDS = { male: '男', female: '女' } as const;

/** A row of the masked, human-facing roster: words for 证件类型 and 性别, the ID masked. */
function exportRow(v: VolunteerView): Record<string, string> {
  return {
    name: v.name,
    idType: v.idType ? ID_TYPES[v.idType] : '',
    idNumber: v.idNumberMasked ?? '',
    phone: v.phone ?? '',
    gender: v.gender ? GENDER_WORDS[v.gender] : '',
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

/** Every volunteer of the talent pool's filter the caller may see (at most 10 000), as shown to them. */
export async function everyListed(deps: Deps, ctx: Ctx, query: Partial<VolunteerListQuery>): Promise<VolunteerView[]> {
  const all: VolunteerView[] = [];
  for (let page = 1; page <= 50; page++) {
    const res = await listVolunteers(deps, ctx, { ...query, page, pageSize: 200 } as VolunteerListQuery);
    all.push(...res.items);
    if (all.length >= res.total || res.items.length === 0) break;
  }
  return all;
}

/** Exports what the caller may see, as shown to them (ID numbers masked). The export is audited. */
export async function exportVolunteers(
  deps: Deps,
  ctx: Ctx,
  query: VolunteerListQuery,
  format: 'xlsx' | 'csv',
): Promise<{ body: Buffer | string; count: number }> {
  const all = await everyListed(deps, ctx, query);
  const teams = await teamNamesOf(
    deps.db,
    all.map((v) => v.id),
  );
  const rows = all.map((v) => ({ ...exportRow(v), team: (teams.get(v.id) ?? []).join('、') }));
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
