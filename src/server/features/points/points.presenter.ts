/** Entries as the statements show them: the source in words and the link to the record behind it. */
import type { PointEntryView, PointKind, PointTotals } from '../../../shared/points';
import type { EntryRow } from './points.statement.queries';

const MANUAL: ReadonlySet<string> = new Set(['grant', 'deduct']);

/** `audience` decides where a link leads: the volunteer's phone pages or the console. */
export function sourceOf(r: Pick<EntryRow, 'kind' | 'source_type' | 'source_id' | 'corrects_id'>, audience: 'me' | 'staff') {
  const id = r.source_id;
  switch (r.source_type) {
    case 'service_record':
      return { label: r.kind === 'correction' ? '服务记录更正' : '认定的服务记录', link: audience === 'me' ? '/m/volunteer' : `/admin/hours?record=${id}` };
    case 'order':
      return { label: '群众点单评价', link: audience === 'me' ? `/m/orders/${id}` : `/admin/orders/${id}` };
    case 'activity': {
      const activityId = id?.split('/')[0];
      return { label: '活动奖励', link: audience === 'me' ? `/m/activities/${activityId}` : `/admin/activities/${activityId}` };
    }
    case 'point_entry':
      return { label: '到期积分', link: null };
    case 'redemption':
      return { label: '爱心超市兑换', link: audience === 'me' ? '/m/market' : '/admin/market' };
    default:
      if (r.corrects_id) return { label: '撤销人工积分', link: null };
      return { label: r.kind === 'deduct' ? '工作人员扣减' : '工作人员发放', link: null };
  }
}

export function presentEntry(r: EntryRow, audience: 'me' | 'staff'): PointEntryView {
  const points = Number(r.points);
  const net = points + Number(r.corrected ?? 0);
  const src = sourceOf(r, audience);
  return {
    id: r.id,
    volunteerId: r.volunteer_id,
    volunteerName: r.volunteer_name,
    unitId: r.unit_id,
    unitName: r.unit_name,
    kind: r.kind as PointKind,
    points,
    sourceType: r.source_type,
    sourceId: r.source_id,
    sourceLabel: src.label,
    link: src.link,
    correctsId: r.corrects_id,
    reason: r.reason,
    expiresOn: r.expires_on,
    net,
    revocable: MANUAL.has(r.kind) && !r.corrects_id && net !== 0,
    createdAt: r.created_at,
    createdByName: r.created_by_name,
  };
}

export function totalsOf(b: { balance: number | null; issued: number | null; spent: number | null; expired: number | null } | undefined): PointTotals {
  return { balance: Number(b?.balance ?? 0), issued: Number(b?.issued ?? 0), spent: Number(b?.spent ?? 0), expired: Number(b?.expired ?? 0) };
}
