import { CompressOutlined, ExpandOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Space, Statistic, Typography } from 'antd';
import QRCode from 'qrcode';
import { useEffect, useRef, useState } from 'react';
import { CHECKIN_MARGIN_MS, checkinOpen, chinaDay, clock, dayLabel, timeRange } from '../../../shared/china-time';
import { type ActivityView, type SignupView, useCheckinToken, useSignups, useStaffCheck } from '../../lib/queries/activities';
import styles from './activities.module.css';
import { ReasonModal } from './reason-modal';

const CHECKABLE = ['published', 'full', 'in_progress'];

function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(id);
  }, [intervalMs]);
  return now;
}

/** Where a person stands: not yet in, in since, or out. */
function stateOf(s: SignupView): { inNow: boolean; text: string } {
  const last = s.checkins.at(-1);
  if (!last) return { inNow: false, text: '未签到' };
  if (!last.outAt) return { inNow: true, text: `${clock(last.inAt)} 已签到` };
  return { inNow: false, text: `${clock(last.inAt)} 签到，${clock(last.outAt)} 签退` };
}

/**
 * 现场签到: a big rotating QR code (a new one every 30 s; a photo sent home is useless), the
 * 6-digit code for phones that cannot scan, and check-in/out on someone's behalf with a reason.
 */
export function CheckinPanel({ activity, active }: { activity: ActivityView; active: boolean }) {
  const panel = useRef<HTMLElement>(null);
  const [full, setFull] = useState(false);
  const now = useNow();
  const checkable = CHECKABLE.includes(activity.status);
  const token = useCheckinToken(activity.id, active && checkable);
  const signups = useSignups(activity.id, active, 10_000);
  const [qr, setQr] = useState<string | null>(null);
  const url = token.data ? `${window.location.origin}${token.data.checkinPath}` : null;

  useEffect(() => {
    if (!url) return;
    let live = true;
    QRCode.toDataURL(url, { width: 480, margin: 1, errorCorrectionLevel: 'M' }).then(
      (data) => {
        if (live) setQr(data);
      },
      () => {
        if (live) setQr(null);
      },
    );
    return () => {
      live = false;
    };
  }, [url]);

  useEffect(() => {
    const onChange = () => setFull(document.fullscreenElement === panel.current);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);

  const toggleFull = () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void panel.current?.requestFullscreen?.().catch(() => undefined);
  };

  const left = token.data ? Math.max(0, Math.ceil((token.data.fetchedAt + token.data.expiresInSeconds * 1000 - now) / 1000)) : 0;
  const people = (signups.data ?? []).filter((s) => s.status === 'confirmed' || s.checkins.length > 0);
  const inNow = people.filter((s) => stateOf(s).inNow).length;
  const everIn = people.filter((s) => s.checkins.length > 0).length;
  const windowOpen = checkinOpen(activity, now);
  const opensAt = Date.parse(activity.startsAt) - CHECKIN_MARGIN_MS;
  const opensIso = new Date(opensAt).toISOString();
  const opensText = chinaDay(opensIso) === chinaDay(new Date(now)) ? clock(opensIso) : `${dayLabel(opensIso)} ${clock(opensIso)}`;

  return (
    <section ref={panel} className={styles.checkin} aria-label="现场签到">
      <div className={styles.qrBox}>
        {!checkable ? (
          <div className={styles.qrPlaceholder}>
            {activity.status === 'cancelled'
              ? '活动已取消'
              : activity.status === 'ended' || activity.status === 'summarised'
                ? '活动已结束，签到已关闭'
                : '活动发布后才能签到'}
          </div>
        ) : token.error ? (
          <div className={styles.qrPlaceholder} role="alert">
            二维码获取失败：{token.error.message}
          </div>
        ) : qr && url ? (
          <img src={qr} className={styles.qr} alt="签到二维码，请用手机扫码签到或签退" data-checkin-url={url} width={420} height={420} />
        ) : (
          <div className={styles.qrPlaceholder} role="status">
            正在生成二维码…
          </div>
        )}
        {checkable && token.data ? (
          <p className={styles.countdown} aria-live="off">
            二维码每 30 秒自动更换，{left > 0 ? `${left} 秒后刷新` : '正在刷新…'}
          </p>
        ) : null}
      </div>
      <div>
        <p className={styles.checkinTitle}>{activity.title}</p>
        <Typography.Text type="secondary">{timeRange(activity.startsAt, activity.endsAt)}</Typography.Text>
        {checkable && token.data ? (
          <>
            <p style={{ margin: '16px 0 0' }}>无法扫码？在手机「签到」页输入签到码：</p>
            <p className={styles.code}>
              <span aria-hidden="true">{token.data.code}</span>
              <span className="sr-only">签到码 {token.data.code.split('').join(' ')}</span>
            </p>
          </>
        ) : null}
        {checkable && !windowOpen ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={now < opensAt ? `签到将于 ${opensText} 开放（活动开始前 1 小时）` : '已超过签到时间（活动结束后 1 小时）'}
          />
        ) : null}
        <div className={styles.stats}>
          <Statistic title="应到" value={people.length} suffix="人" />
          <Statistic title="已签到" value={everIn} suffix="人" />
          <Statistic title="在场" value={inNow} suffix="人" />
        </div>
        <Space wrap style={{ marginBottom: 12 }}>
          <Button icon={full ? <CompressOutlined /> : <ExpandOutlined />} onClick={toggleFull}>
            {full ? '退出全屏' : '全屏显示'}
          </Button>
          <Button icon={<ReloadOutlined />} onClick={() => void signups.refetch()} loading={signups.isFetching}>
            刷新名单
          </Button>
        </Space>
        <People activity={activity} people={people} checkable={checkable && windowOpen} container={() => panel.current ?? document.body} />
      </div>
    </section>
  );
}

function People({
  activity,
  people,
  checkable,
  container,
}: {
  activity: ActivityView;
  people: SignupView[];
  checkable: boolean;
  container: () => HTMLElement;
}) {
  const { message } = App.useApp();
  const staffCheck = useStaffCheck();
  const [acting, setActing] = useState<{ signup: SignupView; direction: 'in' | 'out' } | null>(null);

  if (people.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有已确认报名的志愿者" />;
  return (
    <>
      <h3 style={{ fontSize: 15, margin: '8px 0' }}>签到名单</h3>
      <ul className={styles.people}>
        {people.map((s) => {
          const st = stateOf(s);
          return (
            <li key={s.id}>
              <span className={styles.personName}>{s.volunteerName}</span>
              <span className={styles.personState}>{st.text}</span>
              {checkable ? (
                <Button
                  size="small"
                  onClick={() => setActing({ signup: s, direction: st.inNow ? 'out' : 'in' })}
                  aria-label={`${st.inNow ? '代为签退' : '代为签到'}：${s.volunteerName}`}
                >
                  {st.inNow ? '代为签退' : '代为签到'}
                </Button>
              ) : null}
            </li>
          );
        })}
      </ul>
      {acting ? (
        <ReasonModal
          title={`${acting.direction === 'in' ? '代为签到' : '代为签退'}：${acting.signup.volunteerName}`}
          hint="代签会记录您的账号和原因，如：老人没有智能手机、手机没电。"
          okText={acting.direction === 'in' ? '确认签到' : '确认签退'}
          danger={false}
          container={container}
          loading={staffCheck.isPending}
          onCancel={() => setActing(null)}
          onOk={async (reason) => {
            try {
              const r = await staffCheck.mutateAsync({ id: activity.id, volunteerId: acting.signup.volunteerId, direction: acting.direction, reason });
              message.success(`${acting.signup.volunteerName} ${r.direction === 'in' ? '签到' : '签退'}成功（${clock(r.at)}）`);
              setActing(null);
            } catch (err) {
              message.error(err instanceof Error ? err.message : '操作失败');
            }
          }}
        />
      ) : null}
    </>
  );
}
