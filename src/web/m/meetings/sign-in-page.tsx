// Types only: the phone pages must not pull zod into their chunks; the zod-free route table gives method and path.
import type * as meetings from '../../../shared/meetings.endpoints';
import { ATTENDANCE_STATUSES, MEETING_KINDS } from '../../../shared/rules/meeting-flow';
import { routes } from '../../../shared/routes';
import { callRoute } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { QrSignIn } from '../components/qr-sign-in';
import styles from '../mobile.module.css';

/**
 * `/m/meetings/sign-in?m=<meeting>&t=<token>`: what the QR code on the meeting room's screen opens.
 * An attendee on the list is signed in straight away; a second scan only shows the first time.
 */
export default function MeetingSignInPage() {
  return (
    <QrSignIn
      title="会议签到"
      idParam="m"
      path="/m/meetings/sign-in"
      room="会场"
      seatKey={['meetings', 'seat']}
      loadSeat={(id) => callRoute<typeof meetings.mySeat>(routes.myMeetingSeat, { params: { id } })}
      signIn={async (id, token) => {
        const r = await callRoute<typeof meetings.signIn>(routes.signInToMeeting, { params: { id }, body: { token } });
        return { firstTime: r.firstTime, signedAt: r.signedAt, what: r.meetingTitle };
      }}
      isPresent={(seat) => seat?.attendee?.status === 'present'}
      steps={[
        '会议开始前 1 小时起，用手机扫描会场屏幕上的二维码，就会自动签到。',
        '二维码 30 秒更换一次，提示失效时请重新扫描。',
        '不方便扫码时，请会务人员在后台代为签到。',
      ]}
      renderSeat={(seat) => {
        const mine = seat.attendee;
        return (
          <section className={styles.card} aria-label="会议">
            <p className={styles.hello} style={{ fontSize: 'var(--fs-h2)' }}>
              {seat.title}
            </p>
            <p className={`${styles.text} ${styles.muted}`}>
              {MEETING_KINDS[seat.kind]} · {formatDateTime(seat.startsAt)} · {seat.place}
            </p>
            <p className={styles.text}>
              {mine ? (
                <>
                  {mine.name}：<strong>{ATTENDANCE_STATUSES[mine.status]}</strong>
                  {mine.signedAt ? `（${formatDateTime(mine.signedAt)}）` : ''}
                </>
              ) : (
                '您不在本次会议的参会名单中，如有疑问请联系会务人员。'
              )}
            </p>
          </section>
        );
      }}
    />
  );
}
