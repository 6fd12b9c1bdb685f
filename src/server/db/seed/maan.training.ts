import { randomUUID } from 'node:crypto';
import { chinaDay, chinaTimeToIso } from '../../../shared/china-time';
import type { Trx } from '../../platform/db';
import type { TrainingAttendanceTable, TrainingSessionsTable } from '../schema';
import type { SeedPeople } from './maan-volunteers';

/**
 * Ma'an's trainings this year (工作方案 五、(三)): two held by the institute, attended by its admin
 * and the admins of the first eight stations (the other stations show red in the coverage table),
 * and one planned for the coming weeks. Staff attendance only: volunteers' training records are the
 * hours feature's, entered through the console.
 */
export async function seedTraining(trx: Trx, now: Date, p: SeedPeople): Promise<void> {
  const at = now.toISOString();
  const yearStart = Date.parse(chinaTimeToIso(`${chinaDay(now).slice(0, 4)}-01-02`, '09:00'));
  const when = (daysAgo: number, time: string) => {
    const day = chinaDay(new Date(Math.max(yearStart, now.getTime() - daysAgo * 86_400_000)));
    return chinaTimeToIso(day, time);
  };
  const session = (topic: string, content: string, trainer: string, minutes: number, startsAt: string, held: boolean): TrainingSessionsTable => ({
    id: randomUUID(),
    unit_id: p.instituteId,
    topic,
    content,
    trainer,
    minutes,
    place: '马鞍街道新时代文明实践所培训室',
    starts_at: startsAt,
    material_file_ids: '[]',
    status: held ? 'held' : 'planned',
    created_by: p.adminAccountId,
    created_at: at,
    updated_at: at,
  });
  const sessions = [
    session('志愿服务记录与时长认定业务培训', '志愿服务记录办法、时长认定与证明出具流程', '区新时代文明实践中心 王老师', 120, when(40, '09:00'), true),
    session('群众点单与派单流程培训', '点单、审单、派单、接单、评单全流程操作', '实践所 工作人员', 90, when(12, '14:30'), true),
    session(
      '年度工作总结与台账整理培训',
      '年度台账整理、经费报表与工作总结撰写',
      '区新时代文明实践中心 李老师',
      120,
      chinaTimeToIso(chinaDay(new Date(now.getTime() + 14 * 86_400_000)), '09:00'),
      false,
    ),
  ];
  await trx.insertInto('training_sessions').values(sessions).execute();
  const attended = [p.adminAccountId, ...p.stationAdminIds.slice(0, 8)];
  const rows: TrainingAttendanceTable[] = [];
  for (const [i, s] of sessions.slice(0, 2).entries()) {
    for (const [j, accountId] of attended.entries()) {
      if (i === 1 && j % 2 === 1) continue;
      rows.push({
        id: randomUUID(),
        session_id: s.id,
        kind: 'staff',
        ref_id: accountId,
        status: i === 0 && j === attended.length - 1 ? 'absent' : 'present',
        training_record_id: null,
        method: i === 0 && j === attended.length - 1 ? null : 'staff',
        recorded_by: p.adminAccountId,
        recorded_at: at,
      });
    }
  }
  await trx.insertInto('training_attendance').values(rows).execute();
}
