import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError, errorMessage } from '../../lib/api';
import { checkinOpen, hoursText, timeRange } from '../../../shared/china-time';
import { formatDateTime } from '../../lib/format';
import { type ActivityView, useActivity, useCancelMySignup, useSignUp } from '../../lib/queries/activities';
import { useSession } from '../../lib/session';
import { useTitle } from '../../lib/title';
import styles from '../mobile.module.css';
import a from './activities.module.css';
import ui from '../mobile.module.css';
import { MySignupBadge, placeOf, stateText } from './parts';

const short = (iso: string) => formatDateTime(iso).slice(5, 16);

/** `/m/activities/:id`: the details, 报名 / 取消报名, the waitlist place, and the way to 签到. */
export default function ActivityPage() {
  const { id = '' } = useParams();
  const session = useSession();
  const activity = useActivity(id, !!session.data);
  useTitle(activity.data?.title ?? '活动详情');

  if (session.isPending || (session.data && activity.isPending)) {
    return (
      <p className={styles.empty} role="status">
        正在加载…
      </p>
    );
  }
  if (!session.data) {
    return (
      <section className={styles.card}>
        <p className={styles.hello}>请先登录</p>
        <p className={`${styles.text} ${styles.muted}`}>登录后可以查看活动详情并报名。</p>
        <Link to={`/login?next=${encodeURIComponent(`/m/activities/${id}`)}`} className={`${styles.btn} ${styles.btnBlock}`}>
          登录
        </Link>
        <Link to={`/activities/${id}`} className={`${styles.btn} ${styles.btnGhost} ${styles.btnBlock}`}>
          不登录，先看活动介绍
        </Link>
      </section>
    );
  }
  if (activity.error) {
    const missing = activity.error instanceof ApiError && (activity.error.status === 404 || activity.error.status === 403);
    return (
      <>
        <Link to="/m/activities" className={ui.back}>
          ‹ 返回活动列表
        </Link>
        <div className={styles.errorBox} role="alert">
          {missing ? '活动不存在，或已不对外显示。' : `活动加载失败：${activity.error.message}`}
        </div>
      </>
    );
  }
  return <Detail activity={activity.data as ActivityView} />;
}

function Detail({ activity: x }: { activity: ActivityView }) {
  const signUp = useSignUp();
  const cancel = useCancelMySignup();
  const [positionId, setPositionId] = useState<string | null>(x.positions.length === 1 ? x.positions[0].id : null);
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const now = Date.now();
  const state = stateText(x, now);
  const my = x.mySignup;
  const canSignUp = !my && (state.tone === 'open' || (state.tone === 'full' && x.waitlist));
  const cutoff = x.cancelCutoffAt ?? x.startsAt;
  const canCancel =
    !!my &&
    ['pending', 'confirmed', 'waitlisted'].includes(my.status) &&
    Date.parse(cutoff) > now &&
    !['in_progress', 'ended', 'summarised', 'cancelled'].includes(x.status);
  const canCheck = my?.status === 'confirmed' && checkinOpen(x, now);
  const myPosition = my ? x.positions.find((p) => p.id === my.positionId) : undefined;

  const doSignUp = () => {
    setError(null);
    setNotice(null);
    if (!positionId) {
      setError('请先选择岗位');
      return;
    }
    signUp.mutate(
      { id: x.id, positionId },
      {
        onSuccess: (r) =>
          setNotice(
            r.status === 'confirmed'
              ? '报名成功！活动前一天会提醒您。'
              : r.status === 'pending'
                ? '已报名，等待活动负责人审核，结果会通知您。'
                : '名额已满，已为您报名候补。有人取消时会按顺序自动转为正式报名。',
          ),
        onError: (err) =>
          setError(err instanceof ApiError && err.code === 'volunteer.not_found_self' ? '注册成为志愿者并通过审核后才能报名。' : errorMessage(err)),
      },
    );
  };
  const doCancel = () => {
    setError(null);
    cancel.mutate(x.id, {
      onSuccess: () => {
        setConfirming(false);
        setNotice('已取消报名。');
      },
      onError: (err) => setError(errorMessage(err)),
    });
  };

  return (
    <>
      <Link to="/m/activities" className={ui.back}>
        ‹ 返回活动列表
      </Link>
      <section className={styles.card} aria-labelledby="activity-title">
        <h2 id="activity-title" className={a.title}>
          {x.title}
        </h2>
        <p className={a.state}>
          <MySignupBadge signup={my} />{' '}
          <span className={state.tone === 'open' ? a.places : state.tone === 'full' ? `${a.places} ${a.placesFull}` : a.placesClosed}>{state.text}</span>
        </p>
        {x.status === 'cancelled' && x.statusReason ? <p className={`${styles.text} ${styles.muted}`}>取消原因：{x.statusReason}</p> : null}
      </section>

      {notice ? (
        <p className={ui.ok} role="status">
          {notice}
        </p>
      ) : null}
      {error ? (
        <div className={styles.errorBox} role="alert">
          {error}
        </div>
      ) : null}

      {my ? (
        <section className={`${styles.card} ${a.mine} ${my.status === 'confirmed' ? '' : a.mineWait}`} aria-label="我的报名">
          {my.status === 'confirmed' ? (
            <p className={styles.hello} style={{ fontSize: 'var(--fs-h2)' }}>
              您已报名{myPosition && x.positions.length > 1 ? `「${myPosition.name}」` : ''}
            </p>
          ) : my.status === 'pending' ? (
            <p className={styles.hello} style={{ fontSize: 'var(--fs-h2)' }}>
              已报名，等待审核
            </p>
          ) : my.status === 'waitlisted' ? (
            <>
              <p className={styles.hello} style={{ fontSize: 'var(--fs-h2)' }}>
                候补第 {my.waitlistPosition ?? '—'} 位
              </p>
              <p className={`${styles.text} ${styles.muted}`}>有人取消报名时，按候补顺序自动转为正式报名，并通知您。</p>
            </>
          ) : my.status === 'no_show' ? (
            <p className={styles.text}>您报名了这个活动，但没有签到记录。如有疑问请联系活动负责人。</p>
          ) : (
            <p className={styles.text}>报名未通过。</p>
          )}
          <div className={a.actions}>
            {canCheck ? (
              <Link to={`/m/checkin?a=${x.id}`} className={`${styles.btn} ${styles.btnBlock}`}>
                签到 / 签退
              </Link>
            ) : my.status === 'confirmed' && ['published', 'full', 'in_progress'].includes(x.status) ? (
              <p className={`${styles.text} ${styles.muted}`}>活动开始前 1 小时可以签到：到现场扫描工作人员出示的二维码，或输入签到码。</p>
            ) : null}
            {canCancel && !confirming ? (
              <button type="button" className={`${styles.btn} ${ui.btnDanger} ${styles.btnBlock}`} onClick={() => setConfirming(true)}>
                取消报名
              </button>
            ) : null}
            {confirming ? (
              <fieldset className={a.confirm}>
                <legend className="sr-only">确认取消报名</legend>
                <p className={styles.text}>确定不参加了吗？取消后名额会让给候补的志愿者。</p>
                <div className={a.btnRow} style={{ marginTop: 10 }}>
                  <button type="button" className={`${styles.btn} ${ui.btnDanger}`} onClick={doCancel} disabled={cancel.isPending}>
                    {cancel.isPending ? '正在取消…' : '确定取消'}
                  </button>
                  <button type="button" className={`${styles.btn} ${styles.btnGhost}`} onClick={() => setConfirming(false)}>
                    不取消
                  </button>
                </div>
              </fieldset>
            ) : null}
            {!canCancel &&
            my &&
            ['pending', 'confirmed', 'waitlisted'].includes(my.status) &&
            Date.parse(cutoff) <= now &&
            !['ended', 'summarised', 'cancelled'].includes(x.status) ? (
              <p className={`${styles.text} ${styles.muted}`}>已过取消报名的截止时间，如不能参加请联系活动负责人。</p>
            ) : null}
          </div>
        </section>
      ) : null}

      <section className={styles.card} aria-labelledby="facts-title">
        <h3 id="facts-title" className="sr-only">
          活动信息
        </h3>
        <dl className={`${ui.facts} ${a.facts}`}>
          <dt>时间</dt>
          <dd>{timeRange(x.startsAt, x.endsAt)}</dd>
          <dt>地点</dt>
          <dd>{placeOf(x)}</dd>
          <dt>主办</dt>
          <dd>{x.unitName}</dd>
          {x.programmeName ? (
            <>
              <dt>项目</dt>
              <dd>{x.programmeName}</dd>
            </>
          ) : null}
          <dt>时长</dt>
          <dd>{x.type === 'service' ? `按签到记录，最多计 ${hoursText(x.creditHours)}` : '不计志愿服务时长'}</dd>
          {x.contactName || x.contactPhone ? (
            <>
              <dt>联系人</dt>
              <dd>
                {x.contactName}{' '}
                {x.contactPhone ? (
                  <a href={`tel:${x.contactPhone}`} aria-label={`拨打联系人电话 ${x.contactPhone}`}>
                    {x.contactPhone}
                  </a>
                ) : null}
              </dd>
            </>
          ) : null}
          {x.signupOpensAt && Date.parse(x.signupOpensAt) > now ? (
            <>
              <dt>报名开始</dt>
              <dd>{short(x.signupOpensAt)}</dd>
            </>
          ) : null}
          <dt>报名截止</dt>
          <dd>{short(x.signupClosesAt ?? x.startsAt)}</dd>
        </dl>
      </section>

      {x.content ? (
        <section className={styles.card} aria-labelledby="content-title">
          <h3 id="content-title" className={styles.sectionTitle} style={{ marginTop: 0 }}>
            活动内容
          </h3>
          <p className={a.content}>{x.content}</p>
        </section>
      ) : null}

      {x.minAge !== null || x.maxAge !== null || x.requiredSkills.length || x.insuranceRequired || x.needsApproval ? (
        <section className={styles.card} aria-labelledby="req-title">
          <h3 id="req-title" className={styles.sectionTitle} style={{ marginTop: 0 }}>
            报名要求
          </h3>
          <ul className={a.steps}>
            {x.minAge !== null || x.maxAge !== null ? (
              <li>
                年龄 {x.minAge ?? '不限'}–{x.maxAge ?? '不限'} 岁
              </li>
            ) : null}
            {x.requiredSkills.length ? <li>需要技能：{x.requiredSkills.join('、')}</li> : null}
            {x.insuranceRequired ? <li>需要志愿者保险（可联系社区办理）</li> : null}
            {x.needsApproval ? <li>报名后需负责人审核</li> : null}
          </ul>
        </section>
      ) : null}

      {canSignUp ? (
        <section className={styles.card} aria-label="报名">
          {x.positions.length > 1 ? (
            <fieldset className={a.positions}>
              <legend>选择岗位</legend>
              {x.positions.map((p) => {
                const left = Math.max(0, p.headcount - p.taken);
                return (
                  <label key={p.id} className={a.position}>
                    <input type="radio" name="position" value={p.id} checked={positionId === p.id} onChange={() => setPositionId(p.id)} />
                    <span className={a.positionName}>{p.name}</span>
                    <span className={a.positionLeft}>{left > 0 ? `还剩 ${left} 个` : x.waitlist ? '已满，可候补' : '已满'}</span>
                  </label>
                );
              })}
            </fieldset>
          ) : null}
          <button type="button" className={`${styles.btn} ${styles.btnBlock}`} onClick={doSignUp} disabled={signUp.isPending}>
            {signUp.isPending ? '正在报名…' : state.tone === 'full' ? '报名候补' : '我要报名'}
          </button>
        </section>
      ) : null}
    </>
  );
}
