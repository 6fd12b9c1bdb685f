// Types only: the phone pages must not pull zod into their chunks; the zod-free route table gives method and path.
import { routes } from '../../../shared/routes';
import type * as training from '../../../shared/training.endpoints';
import { callRoute } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { QrSignIn } from '../components/qr-sign-in';
import styles from '../mobile.module.css';

/**
 * `/m/training/sign-in?s=<session>&t=<token>`: what the QR code at a training opens. Staff and
 * volunteers of the holding unit and the units below it sign in; a volunteer's training record is
 * written with it.
 */
export default function TrainingSignInPage() {
  return (
    <QrSignIn
      title="培训签到"
      idParam="s"
      path="/m/training/sign-in"
      room="培训现场"
      seatKey={['training', 'seat']}
      loadSeat={(id) => callRoute<typeof training.myTrainingSeat>(routes.myTrainingSeat, { params: { id } })}
      signIn={async (id, token) => {
        const r = await callRoute<typeof training.signInToTraining>(routes.signInToTraining, { params: { id }, body: { token } });
        return { firstTime: r.firstTime, signedAt: r.signedAt, what: r.topic };
      }}
      isPresent={(seat) => seat?.trainee?.status === 'present'}
      steps={[
        '培训开始前 1 小时起，用手机扫描培训现场屏幕上的二维码，就会自动签到。',
        '二维码 30 秒更换一次，提示失效时请重新扫描。',
        '志愿者签到后，本次培训会记入本人的培训记录。',
      ]}
      renderSeat={(seat) => (
        <section className={styles.card} aria-label="培训">
          <p className={styles.hello} style={{ fontSize: 'var(--fs-h2)' }}>
            {seat.topic}
          </p>
          <p className={`${styles.text} ${styles.muted}`}>
            {seat.unitName} · {formatDateTime(seat.startsAt)} · {seat.place} · {seat.hours} 学时
          </p>
          {seat.trainee ? (
            <p className={styles.text}>
              {seat.trainee.name}：<strong>{seat.trainee.status === 'present' ? '已签到' : seat.trainee.status === 'absent' ? '缺席' : '未签到'}</strong>
              {seat.trainee.status === 'present' && seat.trainee.recordedAt ? `（${formatDateTime(seat.trainee.recordedAt)}）` : ''}
            </p>
          ) : null}
        </section>
      )}
    />
  );
}
