/**
 * The roster for the national volunteer system (全国志愿服务信息系统, issue 12): exactly the national
 * columns (NATIONAL_VOLUNTEER_COLUMNS), full ID numbers and phones, 证件类型 and 性别 as the national
 * codes the format asks for. The institute's admins only (POLICY `volunteers.export_national`),
 * behind a reason; the reason, the row count and who took it go into the audit row. Every other
 * export stays masked.
 */
import { NATIONAL_VOLUNTEER_COLUMNS } from '../../../shared/exchange';
import { GENDER_CODES_FOR_EXPORT, type NationalExportInput, type VolunteerView } from '../../../shared/volunteers';
import { appendAudit } from '../../platform/audit';
import { decrypt } from '../../platform/crypto';
import type { Ctx, Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { whoOf } from '../../platform/session';
import { teamNamesOf } from '../teams/teams.roster';
import * as q from './volunteers.queries';
import { everyListed } from './volunteers.exchange';
import { writeVolunteerWorkbook } from './volunteers.excel';

interface Full {
  idNumber: string;
  phone: string;
  email: string;
}

function nationalRow(v: VolunteerView, full: Full | undefined, teams: string[]): Record<string, string> {
  return {
    name: v.name,
    idType: v.idType ?? '',
    idNumber: full?.idNumber ?? '',
    phone: full?.phone ?? '',
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
    email: full?.email ?? '',
    team: teams.join('、'),
    volunteerNo: v.volunteerNo ?? '',
    consent: '是',
  };
}

/** The full numbers of the listed volunteers, decrypted here and nowhere else. */
async function fullNumbers(deps: Deps, volunteerIds: string[]): Promise<Map<string, Full>> {
  const out = new Map<string, Full>();
  for (let i = 0; i < volunteerIds.length; i += 500) {
    for (const p of await q.fullIdentities(deps.db, volunteerIds.slice(i, i + 500))) {
      out.set(p.id, { idNumber: p.id_number_enc ? decrypt(deps.config.keys.encryption, p.id_number_enc) : '', phone: p.phone ?? '', email: p.email ?? '' });
    }
  }
  return out;
}

export async function exportNational(deps: Deps, ctx: Ctx, input: NationalExportInput): Promise<{ body: Buffer; count: number }> {
  const allowed = await ctx.scope.units('volunteers.export_national');
  if (allowed.size === 0) throw new AppError('access.denied');
  if (input.stationId) await ctx.scope.require('volunteers.export_national', input.stationId);
  const listed = (await everyListed(deps, ctx, { stationId: input.stationId, status: input.status })).filter((v) => allowed.has(v.stationId));
  const ids = listed.map((v) => v.id);
  const full = await fullNumbers(deps, ids);
  const teams = await teamNamesOf(deps.db, ids);
  const rows = listed.map((v) => nationalRow(v, full.get(v.id), teams.get(v.id) ?? []));
  const body = await writeVolunteerWorkbook(rows, '全国系统志愿者名册', NATIONAL_VOLUNTEER_COLUMNS);
  await deps.db.transaction().execute((trx) =>
    appendAudit(trx, deps.config.keys.audit, deps.clock.now(), whoOf(ctx), {
      action: 'volunteers.exported_national',
      objectType: 'volunteer',
      unitId: input.stationId ?? null,
      changes: {
        reason: { before: null, after: input.reason },
        rows: { before: null, after: rows.length },
        fullNumbers: { before: null, after: true },
      },
    }),
  );
  return { body, count: rows.length };
}
