import { randomUUID } from 'node:crypto';
import { addDays, chinaDay, chinaTimeToIso } from '../../../shared/china-time';
import type { MeetingAttendeesTable, MeetingResolutionsTable } from '../schema';
import type { Trx } from '../../platform/db';
import type { SeedPeople } from './maan-volunteers';

/**
 * Ma'an's meetings (工作方案 五、(一) 联席会议): last month's joint meeting, held and its minutes
 * published, with three resolutions — one owned by 金银社区's station and past its deadline — and
 * next week's work meeting, planned.
 */
export async function seedMeetings(trx: Trx, now: Date, p: SeedPeople): Promise<void> {
  const at = now.toISOString();
  const today = chinaDay(now);
  const group = await trx
    .selectFrom('leading_group_members')
    .select(['id', 'name', 'group_role', 'title'])
    .where('unit_id', '=', p.instituteId)
    .orderBy('sort')
    .execute();
  const staffIds = [p.adminAccountId, ...p.stationAdminIds.slice(0, 4)];
  const staff = await trx
    .selectFrom('accounts')
    .innerJoin('role_grants', 'role_grants.account_id', 'accounts.id')
    .innerJoin('units', 'units.id', 'role_grants.unit_id')
    .select(['accounts.id', 'accounts.person_id', 'accounts.display_name', 'units.name as unit_name'])
    .where('accounts.id', 'in', staffIds)
    .execute();
  const ROLE = { leader: '组长', deputy: '副组长', member: '成员' } as const;

  const seats = (meetingId: string, held: boolean, startsAt: string): MeetingAttendeesTable[] => [
    ...group.map((g, i) => ({
      id: randomUUID(),
      meeting_id: meetingId,
      source: 'leading_group' as const,
      ref_id: g.id,
      person_id: null,
      name: g.name,
      title: [`领导小组${ROLE[g.group_role as keyof typeof ROLE] ?? ''}`, g.title].filter(Boolean).join(' · '),
      status: !held ? ('pending' as const) : i === 2 ? ('absent' as const) : ('present' as const),
      signed_at: held && i !== 2 ? startsAt : null,
      method: held && i !== 2 ? ('staff' as const) : null,
      absent_reason: held && i === 2 ? '到区里参加培训' : null,
      recorded_by: held ? p.adminAccountId : null,
      sort: i,
    })),
    ...staff.map((s, i) => ({
      id: randomUUID(),
      meeting_id: meetingId,
      source: 'staff' as const,
      ref_id: s.id,
      person_id: s.person_id,
      name: s.display_name,
      title: s.unit_name,
      status: held ? ('present' as const) : ('pending' as const),
      signed_at: held ? new Date(Date.parse(startsAt) - (10 - i) * 60_000).toISOString() : null,
      method: held ? ('self' as const) : null,
      absent_reason: null,
      recorded_by: null,
      sort: group.length + i,
    })),
  ];

  // Last month's joint meeting: held, minutes published.
  const jointDay = addDays(today, -30);
  const joint = randomUUID();
  const jointAt = chinaTimeToIso(jointDay, '09:30');
  await trx
    .insertInto('meetings')
    .values({
      id: joint,
      unit_id: p.instituteId,
      title: '马鞍街道新时代文明实践联席会议',
      kind: 'joint',
      starts_at: jointAt,
      place: '马鞍街道办事处三楼会议室',
      agenda: JSON.stringify(['通报上季度新时代文明实践工作情况', '研究组建社区志愿服务小队', '整合辖区资源平台、共享阵地', '审议下季度重点工作安排']),
      minutes: [
        `${jointDay} 上午，街道党工委书记周国强主持召开新时代文明实践联席会议，领导小组成员和部分实践站负责人参加。`,
        '会议听取了实践所办公室关于上季度工作情况的通报，研究了组建社区志愿服务小队和整合辖区资源平台等事项。',
        '会议认为，各实践站要把志愿服务队伍建设作为当前重点，做到每个社区至少有一支常态化服务的小队；文服中心牵头梳理辖区可共享的阵地和功能室，统一纳入预约管理。',
        '会议议定事项见附表，由实践所办公室跟踪督办，每月通报进展。',
      ].join('\n'),
      attachment_file_ids: '[]',
      status: 'published',
      published_at: chinaTimeToIso(addDays(jointDay, 2), '16:00'),
      created_by: p.adminAccountId,
      created_at: chinaTimeToIso(addDays(jointDay, -7), '10:00'),
      updated_at: at,
    })
    .execute();
  await trx
    .insertInto('meeting_attendees')
    .values(seats(joint, true, jointAt))
    .execute();
  const stationOwner = p.stationIds[0];
  const resolution = (
    sort: number,
    r: Pick<MeetingResolutionsTable, 'owner_unit_id' | 'content' | 'deadline' | 'status'> & Partial<MeetingResolutionsTable>,
  ): MeetingResolutionsTable => ({
    id: randomUUID(),
    meeting_id: joint,
    cancel_reason: null,
    overdue_notified_at: null,
    closed_at: null,
    sort,
    created_at: jointAt,
    updated_at: at,
    ...r,
  });
  const overdue = resolution(1, {
    owner_unit_id: stationOwner,
    content: '金银社区实践站组建“邻里守望”社区志愿服务小队，不少于 15 人，并开展首次服务活动',
    deadline: addDays(today, -8),
    status: 'in_progress',
  });
  const done = resolution(2, {
    owner_unit_id: p.instituteId,
    content: '文服中心牵头梳理辖区可共享的阵地和功能室，统一纳入平台预约',
    deadline: addDays(today, -12),
    status: 'done',
    closed_at: chinaTimeToIso(addDays(today, -14), '17:00'),
  });
  const open = resolution(3, {
    owner_unit_id: p.stationIds[1],
    content: '各实践站结合“我们的节日”各策划一项特色活动，报实践所备案',
    deadline: addDays(today, 20),
    status: 'open',
  });
  await trx.insertInto('meeting_resolutions').values([overdue, done, open]).execute();
  const stationAdmin = staff.find((s) => s.id === p.stationAdminIds[0]);
  await trx
    .insertInto('resolution_follow_ups')
    .values([
      {
        id: randomUUID(),
        resolution_id: overdue.id,
        seq: 1,
        note: '已召开社区骨干会议，初步报名 9 人，正在动员楼栋长参加。',
        status_from: 'open',
        status_to: 'in_progress',
        by_account: stationAdmin?.id ?? null,
        by_name: stationAdmin?.display_name ?? '金银社区实践站',
        created_at: chinaTimeToIso(addDays(jointDay, 10), '15:20'),
      },
      {
        id: randomUUID(),
        resolution_id: done.id,
        seq: 1,
        note: '已梳理 12 处阵地、26 间功能室，全部录入平台并开放预约。',
        status_from: 'open',
        status_to: 'done',
        by_account: p.adminAccountId,
        by_name: '李文彬',
        created_at: chinaTimeToIso(addDays(today, -14), '17:00'),
      },
    ])
    .execute();

  // Next week's work meeting: planned, nobody signed in yet.
  const regular = randomUUID();
  const regularAt = chinaTimeToIso(addDays(today, 5), '14:30');
  await trx
    .insertInto('meetings')
    .values({
      id: regular,
      unit_id: p.instituteId,
      title: '实践所月度工作例会',
      kind: 'regular',
      starts_at: regularAt,
      place: '马鞍街道新时代文明实践所活动室',
      agenda: JSON.stringify(['各实践站汇报本月活动开展情况', '督办联席会议议定事项', '部署下月志愿服务活动']),
      minutes: null,
      attachment_file_ids: '[]',
      status: 'planned',
      published_at: null,
      created_by: p.adminAccountId,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await trx
    .insertInto('meeting_attendees')
    .values(seats(regular, false, regularAt))
    .execute();
}
