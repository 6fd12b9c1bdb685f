import { sealContact } from '../../features/care/care.sealing';
import { orderContactColumns } from '../../features/orders/orders.sealing';
import { chinaDay } from '../../../shared/china-time';
import { randomUUID } from 'node:crypto';
import { maskIdNumber } from '../../../shared/mask';

import { makeIdNumber } from '../../../shared/rules/id-number';
import { encrypt, hmacHex, sha256Hex } from '../../platform/crypto';
import type { Trx } from '../../platform/db';
import type { Deps } from '../../platform/deps';
import type { CareRecipientsTable, OrderEventsTable, OrdersTable, ServiceItemsTable } from '../schema';
import type { SeedPeople } from './maan-volunteers';

/** The Open311 key the demo documents (README); a real deployment issues its own. */
export const DEMO_OPEN311_KEY = 'demo-open311-key';

const MENU: [string, string, number, string[], string | null, number, boolean][] = [
  ['上门理发', '为行动不便的老人、残疾人上门理发', 1, ['理发'], '助老助残', 48, false],
  ['陪同就医', '陪同空巢老人到医院就诊、取药', 3, [], '助老助残', 24, true],
  ['家电维修', '小家电、灯具、水龙头等简单维修', 1.5, ['家电维修'], '社区治理', 48, false],
  ['作业辅导', '为留守儿童、困境儿童辅导作业', 2, ['辅导作业'], '关爱儿童', 48, false],
  ['法律咨询', '婚姻家庭、劳动争议等法律咨询', 1, ['法律咨询'], '法律服务', 72, false],
  ['心理疏导', '倾听陪伴、情绪疏导', 1, ['心理疏导'], '健康促进', 48, false],
  ['代购代办', '代购生活用品、代办社保等事项', 1, [], '扶贫济困', 24, false],
];

const NEEDS = [
  '家里老人腿脚不便，想请志愿者上门理发',
  '下周三需要去区中心医院复查，子女在外地，想请人陪同',
  '厨房的灯坏了，自己爬不上去换',
  '孩子父母在外打工，放学后作业没人辅导',
  '和前夫的抚养费问题想咨询一下',
  '老伴走了以后心里很难受，想找人说说话',
  '腿摔伤了，想请人帮忙买点米和油',
];

type Status = OrdersTable['status'];
/** Every state of the flow appears in the demo, so each queue and the history view have something to show. */
const SCRIPT: Status[] = [
  'submitted',
  'reviewing',
  'dispatched',
  'dispatched',
  'accepted',
  'in_service',
  'completed',
  'rated',
  'closed',
  'rejected',
  'cancelled',
  'closed',
  'rated',
];

export async function seedOrdersAndCare(deps: Pick<Deps, 'config'>, trx: Trx, now: Date, p: SeedPeople): Promise<void> {
  const at = now.toISOString();
  const keys = deps.config.keys;
  const stations = await trx
    .selectFrom('units')
    .select(['id', 'name', 'short_name', 'address', 'lat', 'lng'])
    .where('id', 'in', p.stationIds)
    .orderBy('sort')
    .execute();
  const programmes = new Map((await trx.selectFrom('programmes').select(['id', 'name']).execute()).map((x) => [x.name, x.id]));

  const items: ServiceItemsTable[] = [];
  let code = 0;
  for (const [name, description, hours, skills, category, sla, insurance] of MENU) {
    code++;
    items.push({
      id: randomUUID(),
      unit_id: p.instituteId,
      code: `S${String(code).padStart(4, '0')}`,
      programme_id: programmes.get('共享邻里情') ?? null,
      name,
      description,
      who_may_ask: '辖区居民，优先空巢老人、残疾人、困境儿童家庭',
      typical_minutes: Math.round(hours * 60),
      required_skills: JSON.stringify(skills),
      service_category: category,
      insurance_required: insurance ? 1 : 0,
      sla_hours: sla,
      archived: 0,
      sort: code,
      created_at: at,
      updated_at: at,
    });
  }
  for (const s of stations.slice(0, 20)) {
    code++;
    items.push({
      id: randomUUID(),
      unit_id: s.id,
      code: `S${String(code).padStart(4, '0')}`,
      programme_id: programmes.get('温暖润童心') ?? null,
      name: `${s.short_name}四点半课堂预约`,
      description: '放学后到社区实践站参加四点半课堂',
      who_may_ask: '本社区小学生家长',
      typical_minutes: 120,
      required_skills: '[]',
      service_category: '关爱儿童',
      insurance_required: 0,
      sla_hours: 24,
      archived: 0,
      sort: 100,
      created_at: at,
      updated_at: at,
    });
  }
  await trx.insertInto('service_items').values(items).execute();
  await trx.insertInto('counters').values({ name: 'service_item', value: code }).execute();
  await trx
    .insertInto('open311_keys')
    .values({
      id: randomUUID(),
      unit_id: p.instituteId,
      name: '演示：市民服务热线平台',
      key_hash: sha256Hex(DEMO_OPEN311_KEY),
      created_by: p.adminAccountId,
      created_at: at,
      revoked_at: null,
    })
    .execute();

  // Care recipients: a few per station, under both legal bases; some not contacted for a long time.
  const recipients: CareRecipientsTable[] = [];
  const kinds: [string[], string, string | null][] = [
    [['空巢老人', '独居老人'], '独居，行动不便，需要定期探访和代购', null],
    [['留守儿童'], '父母在外务工，由祖母照看，需要作业辅导', '祖母'],
    [['残疾人'], '肢体残疾二级，需要上门理发和陪同就医', null],
    [['困难职工', '低保户'], '家庭收入低，需要就业技能培训信息', null],
  ];
  stations.forEach((s, si) => {
    kinds.forEach(([cats, needs, guardianRelation], k) => {
      const child = cats.includes('留守儿童');
      const birth = child ? `20${16 - (si % 5)}-0${1 + (k % 8)}-1${k}` : `19${40 + ((si + k) % 20)}-0${1 + (k % 8)}-2${k}`;
      const id = makeIdNumber('500102', birth, 700 + si * 4 + k);
      const lastContact = (si + k) % 5 === 0 ? new Date(now.getTime() - 45 * 86_400_000) : new Date(now.getTime() - ((si + k) % 20) * 86_400_000);
      recipients.push({
        id: randomUUID(),
        station_id: s.id,
        name: `${'王李张刘陈杨黄赵'[(si + k) % 8]}${child ? '小' : ''}${'华明芳军兰英强梅'[(si * 3 + k) % 8]}`,
        gender: Number(id[16]) % 2 ? 'male' : 'female',
        birth_date: birth,
        id_number_enc: encrypt(keys.encryption, id),
        id_number_hash: hmacHex(keys.index, `care:01:${id}`),
        id_number_masked: maskIdNumber(id.slice(0, 3), id.slice(-4)),
        // Sealed like the app writes them (care.sealing.ts): no clear phone, address or needs at rest.
        ...sealContact(keys, {
          phone: child ? null : `1350000${String(si * 4 + k).padStart(4, '0')}`,
          address: `${s.address}（演示地址）`,
          needs,
          guardianPhone: guardianRelation ? `1360000${String(si * 4 + k).padStart(4, '0')}` : null,
        }),
        lng: s.lng,
        lat: s.lat,
        categories: JSON.stringify(cats),
        guardian_name: guardianRelation ? `${'王李张刘陈杨黄赵'[(si + k) % 8]}奶奶` : null,
        guardian_relation: guardianRelation,
        legal_basis: k % 2 === 0 ? 'statutory_duty' : 'consent',
        consent_method: k % 2 === 0 ? null : 'in_person',
        consent_file_id: null,
        consent_note: k % 2 === 0 ? null : '入户走访时本人（或监护人）当面同意',
        recorded_by: p.stationAdminIds[si],
        last_contact_at: lastContact.toISOString(),
        archived: 0,
        created_at: at,
        updated_at: at,
      });
    });
  });
  for (let i = 0; i < recipients.length; i += 200)
    await trx
      .insertInto('care_recipients')
      .values(recipients.slice(i, i + 200))
      .execute();

  // Orders in every state across the stations.
  const volunteers = await trx
    .selectFrom('volunteers')
    .innerJoin('people', 'people.id', 'volunteers.person_id')
    .select(['volunteers.id', 'volunteers.station_id', 'people.name'])
    .where('status', '=', 'certified')
    .execute();
  const residents = await trx
    .selectFrom('accounts')
    .innerJoin('role_grants', 'role_grants.account_id', 'accounts.id')
    .select(['accounts.person_id', 'accounts.display_name', 'role_grants.unit_id'])
    .where('role_grants.role', '=', 'resident')
    .execute();
  const orders: OrdersTable[] = [];
  const events: OrderEventsTable[] = [];
  const records: { volunteer_id: string; unit_id: string; order: OrdersTable; minutes: number }[] = [];
  let seq = 0;
  stations.forEach((s, si) => {
    const pool = volunteers.filter((v) => v.station_id === s.id);
    SCRIPT.forEach((status, k) => {
      if ((si + k) % 2 === 1 && k > 3) return; // not every station has every state
      const menu = items[(si + k) % MENU.length];
      const resident = residents.find((r) => r.unit_id === s.id);
      const useResident = resident && k % 4 === 0;
      const careRecipient = k % 5 === 2 ? recipients.find((r) => r.station_id === s.id) : undefined;
      // At least three days old: every step below (up to 60 h after placing) has happened by now, so no
      // demo request is updated, started or finished in the future (Open311 clients trip over that).
      const created = new Date(now.getTime() - (3 + ((si * 3 + k) % 40)) * 86_400_000 - k * 3600_000);
      const step = (h: number) => new Date(created.getTime() + h * 3600_000).toISOString();
      const volunteer = pool[(k + si) % Math.max(pool.length, 1)];
      const after = (x: Status[]) => x.includes(status);
      const dispatched = after(['dispatched', 'accepted', 'in_service', 'completed', 'rated', 'closed']);
      const accepted = after(['accepted', 'in_service', 'completed', 'rated', 'closed']);
      const completed = after(['completed', 'rated', 'closed']);
      const rated = after(['rated', 'closed']);
      const escalated = status === 'dispatched' && k === 3;
      seq++;
      const id = randomUUID();
      const o: OrdersTable = {
        id,
        number: `D${chinaDay(created).replaceAll('-', '')}-${String(9000 + seq)}`,
        unit_id: s.id,
        item_id: menu.id,
        title: menu.name,
        description: NEEDS[(si + k) % NEEDS.length],
        photo_file_ids: '[]',
        requester_person_id: useResident ? (resident?.person_id ?? null) : null,
        requester_name: useResident ? (resident?.display_name ?? '居民') : (careRecipient?.name ?? `${'周吴郑王冯陈褚卫'[(si + k) % 8]}大爷`),
        // An order for a care recipient keeps their phone and address sealed, as the app writes it (orders.sealing.ts).
        ...orderContactColumns(keys, Boolean(careRecipient), {
          phone: useResident ? null : `1370${String(1_000_000 + seq * 37).slice(0, 7)}`,
          address: `${s.address}`,
        }),
        requester_verified: status === 'submitted' ? 0 : 1,
        verify_note: status === 'submitted' ? null : '电话回访核实',
        care_recipient_id: careRecipient?.id ?? null,
        lng: s.lng,
        lat: s.lat,
        preferred_at: step(48),
        channel: useResident ? 'app' : k % 3 === 0 ? 'staff_visit' : 'staff_phone',
        entered_by: useResident ? null : p.stationAdminIds[si],
        status,
        reject_reason: status === 'rejected' ? '不属于志愿服务范围，已转交社区居委会办理' : null,
        cancel_reason: status === 'cancelled' ? '家人已回来处理，不需要了' : null,
        target_type: dispatched ? (escalated ? 'institute' : k % 3 === 0 ? 'pool' : 'station') : null,
        target_id: dispatched ? (escalated ? p.instituteId : k % 3 === 0 ? null : s.id) : null,
        dispatched_at: dispatched ? step(2) : null,
        sla_due_at: dispatched
          ? escalated
            ? new Date(now.getTime() + 6 * 3600_000).toISOString()
            : k === 2 && si % 3 === 0
              ? new Date(now.getTime() - 3 * 3600_000).toISOString()
              : new Date(now.getTime() + 20 * 3600_000).toISOString()
          : null,
        escalation_level: escalated ? 1 : 0,
        accepted_volunteer_id: accepted && volunteer ? volunteer.id : null,
        accepted_at: accepted ? step(5) : null,
        started_at: after(['in_service', 'completed', 'rated', 'closed']) ? step(48) : null,
        completed_at: completed ? step(50) : null,
        completion_report: completed ? '已按约上门完成服务，老人很满意' : null,
        completion_photo_ids: completed ? '[]' : null,
        service_minutes: completed ? Number(menu.typical_minutes) : null,
        rating: rated ? 4 + ((si + k) % 2) : null,
        rating_comment: rated ? ((si + k) % 2 ? '志愿者很耐心，谢谢！' : '服务很好') : null,
        rated_by: rated ? (k % 4 === 0 ? 'requester' : 'staff') : null,
        rated_at: rated ? step(60) : null,
        open311_key_id: null,
        created_at: created.toISOString(),
        updated_at: step(60),
      };
      if (accepted && !volunteer) return;
      orders.push(o);
      const ev = (action: string, from: string | null, to: string | null, h: number, kind: OrderEventsTable['actor_kind'], note: string | null = null) =>
        events.push({
          id: randomUUID(),
          order_id: id,
          at: step(h),
          actor_kind: kind,
          actor_account_id: null,
          actor_name: kind === 'volunteer' ? (volunteer?.name ?? null) : kind === 'staff' ? '社区工作人员' : kind === 'system' ? '系统' : o.requester_name,
          action,
          from_status: from,
          to_status: to,
          note,
        });
      ev('submit', null, 'submitted', 0, useResident ? 'requester' : 'staff', o.channel);
      if (status !== 'submitted') ev('review', 'submitted', 'reviewing', 1, 'staff', '电话回访核实');
      if (status === 'rejected') ev('reject', 'reviewing', 'rejected', 1.5, 'staff', o.reject_reason);
      if (status === 'cancelled') ev('cancel', 'reviewing', 'cancelled', 1.5, 'requester', o.cancel_reason);
      if (dispatched) ev('dispatch', 'reviewing', 'dispatched', 2, 'staff');
      if (escalated) ev('escalate', 'dispatched', 'dispatched', 30, 'system', '超过接单时限，上报实践所');
      if (accepted) ev('accept', 'dispatched', 'accepted', 5, 'volunteer');
      if (o.started_at) ev('start', 'accepted', 'in_service', 48, 'volunteer');
      if (completed) ev('complete', 'in_service', 'completed', 50, 'volunteer', o.completion_report);
      if (rated) ev('rate', 'completed', 'rated', 60, o.rated_by === 'requester' ? 'requester' : 'staff', `${o.rating} 星`);
      if (status === 'closed') ev('close', 'rated', 'closed', 61, 'staff');
      if (completed && volunteer) records.push({ volunteer_id: volunteer.id, unit_id: s.id, order: o, minutes: Number(menu.typical_minutes) });
    });
  });
  for (let i = 0; i < orders.length; i += 100)
    await trx
      .insertInto('orders')
      .values(orders.slice(i, i + 100))
      .execute();
  for (let i = 0; i < events.length; i += 200)
    await trx
      .insertInto('order_events')
      .values(events.slice(i, i + 200))
      .execute();
  for (const r of records) {
    const confirmed = r.order.status === 'closed';
    await trx
      .insertInto('service_records')
      .values({
        id: randomUUID(),
        volunteer_id: r.volunteer_id,
        unit_id: r.unit_id,
        source: 'verified',
        activity_id: null,
        order_id: r.order.id,
        title: `群众点单：${r.order.title}`,
        service_date: chinaDay(new Date(r.order.completed_at as string)),
        start_at: r.order.started_at,
        end_at: r.order.completed_at,
        minutes: r.minutes,
        place: r.order.care_recipient_id ? '关爱对象住所' : r.order.address,
        content: r.order.description,
        organiser_name: stations.find((s) => s.id === r.unit_id)?.name ?? '',
        person_in_charge: null,
        entry_method: '个人申请',
        evidence_file_ids: '[]',
        reason: `需求单 ${r.order.number} 结项`,
        status: confirmed ? 'approved' : 'pending',
        late: 0,
        flag: null,
        corrects_id: null,
        entered_by: null,
        entered_at: r.order.completed_at as string,
        decided_by: confirmed ? p.stationAdminIds[p.stationIds.indexOf(r.unit_id)] : null,
        decided_at: confirmed ? r.order.updated_at : null,
        decision_note: null,
      })
      .execute();
  }
  for (const r of recipients.filter((x) => x.last_contact_at)) {
    await trx
      .insertInto('care_visits')
      .values({
        id: randomUUID(),
        recipient_id: r.id,
        kind: 'visit',
        at: r.last_contact_at as string,
        note: '入户走访，了解近况',
        order_id: null,
        activity_id: null,
        by_account: r.recorded_by,
        created_at: at,
      })
      .execute();
  }
}
