import { Alert } from 'antd';
import { clock } from '../../../../shared/china-time';
import { useRoomBookings } from '../../../lib/queries/activities';

/** What else holds the room that day, so a clash shows before saving. */
export function RoomDay({ roomId, day, from, to, ignore }: { roomId: string; day: string; from?: string; to?: string; ignore?: string }) {
  const bookings = useRoomBookings(roomId, day);
  const items = (bookings.data ?? []).filter((b) => b.activityId !== ignore);
  const clashes = (b: { startsAt: string; endsAt: string }) =>
    !!from && !!to && Date.parse(b.startsAt) < Date.parse(to) && Date.parse(b.endsAt) > Date.parse(from);
  return (
    <Alert
      type={items.some(clashes) ? 'error' : 'info'}
      showIcon
      style={{ marginBottom: 16 }}
      title={`功能室 ${day} 的预订情况`}
      description={
        bookings.isPending ? (
          '正在查询…'
        ) : bookings.error ? (
          bookings.error.message
        ) : items.length === 0 ? (
          '当天没有其他预订'
        ) : (
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {items.map((b) => (
              <li key={b.activityId}>
                {clock(b.startsAt)}–{clock(b.endsAt)} {b.title}
                {clashes(b) ? <strong style={{ color: '#a8071a' }}>（与本活动时间冲突）</strong> : null}
              </li>
            ))}
          </ul>
        )
      }
    />
  );
}
