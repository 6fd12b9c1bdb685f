import { chinaDay } from '../../../shared/china-time';
import { appendAudit } from '../../platform/audit';
import { decrypt } from '../../platform/crypto';
import type { Ctx, Deps } from '../../platform/deps';
import { whoOf } from '../../platform/session';
import { signupsForExport } from '../activities/activities.lookup';
import { hoursOfVolunteerForExport } from '../hours/hours.lookup';
import { ordersForExport } from '../orders/orders.lookup';
import { pointsOfVolunteerForExport } from '../points/points.lookup';
import { recognitionForExport } from '../recognition/recognition.lookup';
import { teamsOfPersonForExport } from '../teams/teams.lookup';
import { personRecordForExport } from '../volunteers/volunteers.lookup';
import * as q from './privacy.queries';

type Json = Record<string, unknown>;
const parse = (s: string | null) => (s ? (JSON.parse(s) as unknown) : []);

function volunteerPart(v: NonNullable<Awaited<ReturnType<typeof personRecordForExport>>['volunteer']>): Json {
  return {
    志愿者编号: v.volunteer_no,
    状态: v.status,
    状态原因: v.status_reason,
    类别: v.category,
    政治面貌: v.political_status,
    学历: v.education,
    民族: v.ethnicity,
    电子邮箱: v.email,
    从业状况: v.employment,
    居住区域: v.residence_area,
    技能特长: parse(v.skills),
    服务类别: parse(v.service_categories),
    空闲时间: parse(v.availability),
    紧急联系人: v.emergency_name ? { 姓名: v.emergency_name, 电话: v.emergency_phone } : null,
    监护人: v.guardian_name ? { 姓名: v.guardian_name, 电话: v.guardian_phone, 关系: v.guardian_relation, 同意方式: v.guardian_consent_method } : null,
    保险有效期: v.insured_until,
    登记同意: { 方式: v.consent_method, 时间: v.consent_at, 备注: v.consent_note },
    登记时间: v.created_at,
    认证时间: v.certified_at,
  };
}

/** Everything held about the caller, with Chinese keys; rows of other features read through their lookups. */
async function collect(deps: Deps, ctx: Ctx): Promise<Json> {
  const personId = ctx.actor.personId;
  const { person, volunteer, statusLog } = await personRecordForExport(deps.db, deps.config.keys, personId);
  const vid = volunteer?.id ?? null;
  const [teams, hours, points, recognition, signups, orders, requests] = await Promise.all([
    teamsOfPersonForExport(deps.db, personId),
    vid ? hoursOfVolunteerForExport(deps.db, vid) : null,
    vid ? pointsOfVolunteerForExport(deps.db, vid) : null,
    vid ? recognitionForExport(deps.db, vid) : null,
    vid ? signupsForExport(deps.db, vid) : [],
    ordersForExport(deps.db, deps.config.keys, personId, vid),
    q.requestsOfPerson(deps.db, personId),
  ]);
  return {
    说明: '这是本平台保存的关于您本人的信息（《个人信息保护法》第四十五条）。请妥善保管，其中含您的完整证件号码。',
    导出时间: deps.clock.now().toISOString(),
    账号: { 登录名: ctx.actor.username, 显示名: ctx.actor.displayName, 角色: ctx.actor.grants.map((g) => ({ 角色: g.role, 单位: g.unitId })) },
    个人信息: person && {
      姓名: person.name,
      手机号: person.phone,
      性别: person.gender,
      出生日期: person.birth_date,
      证件类型: person.id_type,
      证件号码: person.id_number_enc ? decrypt(deps.config.keys.encryption, person.id_number_enc) : null,
      建档时间: person.created_at,
    },
    志愿者登记: volunteer ? volunteerPart(volunteer) : null,
    志愿者状态记录: statusLog,
    队伍: teams,
    服务记录: hours?.records ?? [],
    已认定服务分钟: hours?.approvedMinutes ?? 0,
    星级记录: hours?.stars ?? [],
    荣誉记录: hours?.awards ?? [],
    表彰: recognition?.awards ?? [],
    光荣榜公开同意: recognition?.publicListConsent ?? null,
    积分: points ? { 余额: points.balance, 明细: points.entries } : null,
    活动报名: signups,
    我下的订单: orders.placed,
    我服务的订单: orders.served,
    删除申请: requests.map((r) => ({
      申请时间: r.created_at,
      理由: r.reason,
      结果: r.decision ?? 'open',
      处理说明: r.decision_reason,
      处理时间: r.decided_at,
    })),
  };
}

/** The caller's own data as a JSON file (PIPL 45): only their own, every download audited. */
export async function exportMyData(deps: Deps, ctx: Ctx): Promise<{ body: string; fileName: string }> {
  const data = await collect(deps, ctx);
  const now = deps.clock.now();
  await deps.db.transaction().execute((trx) =>
    appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'privacy.data_exported',
      objectType: 'person',
      objectId: ctx.actor.personId,
    }),
  );
  return { body: JSON.stringify(data, null, 2), fileName: `我的个人信息-${chinaDay(now)}.json` };
}
