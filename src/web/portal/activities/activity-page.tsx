import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { hoursText, timeRange } from '../../../shared/china-time';
import { activityState, placeText } from '../../lib/activity-state';
import { ApiError, errorMessage } from '../../lib/api';
import { useActivity, useSignUp } from '../../lib/queries/activities';
import { type PublicActivity, usePublicActivity } from '../../lib/queries/public-activities';
import { hasRole, loginPath, useSession } from '../../lib/session';
import { useTitle } from '../../lib/title';
import c from './calendar.module.css';
import { CalendarFrame, ElderSwitch } from './frame';

/** `/activities/:id`: one activity for anyone; 我要报名 asks for the login only when pressed. */
export default function PublicActivityPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const activity = usePublicActivity(id);
  useTitle(activity.data?.title ?? '活动详情');
  const back = (location.state as { back?: string } | null)?.back ?? '/activities';

  return (
    <CalendarFrame narrow>
      <div className={c.head}>
        <Link to={back} className={c.back}>
          ‹ 返回活动日历
        </Link>
        <ElderSwitch />
      </div>
      {activity.isPending ? (
        <p className={c.state} role="status">
          正在加载…
        </p>
      ) : activity.error ? (
        <div className={c.state} role="alert">
          {activity.error instanceof ApiError && activity.error.status === 404 ? '活动不存在，或已不对外显示。' : `活动加载失败：${activity.error.message}`}
        </div>
      ) : (
        <Detail x={activity.data} />
      )}
    </CalendarFrame>
  );
}

function Detail({ x }: { x: PublicActivity }) {
  const state = activityState(x, x.seatsLeft);
  const ages = x.minAge !== null || x.maxAge !== null ? `${x.minAge ?? 0}–${x.maxAge ?? '不限'} 岁` : null;
  return (
    <>
      <section className={c.card} aria-labelledby="activity-title">
        <h1 id="activity-title" className={c.title}>
          {x.title}
        </h1>
        <p className={state.tone === 'open' ? c.open : state.tone === 'full' ? c.full : c.closed}>{state.text}</p>
        <dl className={c.facts}>
          <dt>时间</dt>
          <dd>{timeRange(x.startsAt, x.endsAt)}</dd>
          <dt>地点</dt>
          <dd>{placeText(x)}</dd>
          <dt>主办</dt>
          <dd>
            {x.unitName}
            {x.unitPhone ? (
              <>
                <br />
                电话：<a href={`tel:${x.unitPhone.replace(/[^0-9+]/g, '')}`}>{x.unitPhone}</a>
              </>
            ) : null}
          </dd>
          {x.programmeName ? (
            <>
              <dt>项目</dt>
              <dd>{x.programmeName}</dd>
            </>
          ) : null}
          <dt>名额</dt>
          <dd>
            共 {x.capacity} 人，还剩 {x.seatsLeft} 个
          </dd>
          {x.type === 'service' && x.creditHours > 0 ? (
            <>
              <dt>志愿时长</dt>
              <dd>{hoursText(x.creditHours)}</dd>
            </>
          ) : null}
          {ages ? (
            <>
              <dt>年龄要求</dt>
              <dd>{ages}</dd>
            </>
          ) : null}
          {x.requiredSkills.length ? (
            <>
              <dt>技能要求</dt>
              <dd>{x.requiredSkills.join('、')}</dd>
            </>
          ) : null}
        </dl>
      </section>

      {x.content ? (
        <section className={c.card} aria-labelledby="content-title">
          <h2 id="content-title" className={c.sectionTitle}>
            活动内容
          </h2>
          <p className={c.content}>{x.content}</p>
        </section>
      ) : null}

      {x.positions.length > 1 ? (
        <section className={c.card} aria-labelledby="positions-title">
          <h2 id="positions-title" className={c.sectionTitle}>
            岗位与名额
          </h2>
          <ul className={c.positions}>
            {x.positions.map((p) => (
              <li key={p.id}>
                <span>{p.name}</span>
                <span>
                  {p.left} / {p.headcount}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <SignUpBox x={x} canSignUp={state.tone === 'open' || (state.tone === 'full' && x.waitlist)} />
    </>
  );
}

/**
 * 我要报名: an anonymous visitor goes to the login and comes back here; a volunteer signs up through
 * the one sign-up endpoint; anyone else is told how to become a volunteer.
 */
function SignUpBox({ x, canSignUp }: { x: PublicActivity; canSignUp: boolean }) {
  const session = useSession();
  const navigate = useNavigate();
  const me = session.data;
  const volunteer = hasRole(me, 'volunteer', 'team_leader');
  const [asked, setAsked] = useState(false);

  if (!canSignUp || session.isPending) return null;
  if (!me) {
    return (
      <section className={c.card} aria-label="报名">
        <p className={c.lead}>志愿者登录后即可报名；没有账号的居民可以先注册成为志愿者。</p>
        <button type="button" className={c.btn} onClick={() => navigate(loginPath(`/activities/${x.id}`))}>
          我要报名
        </button>
      </section>
    );
  }
  if (!volunteer) {
    return (
      <section className={c.card} aria-label="报名">
        <button type="button" className={c.btn} onClick={() => setAsked(true)}>
          我要报名
        </button>
        {asked ? (
          <div className={c.warn} role="alert">
            <p style={{ margin: 0 }}>报名参加志愿服务活动需要先注册成为志愿者，审核通过后就可以报名。</p>
            {me.isStaff ? <p style={{ margin: '6px 0 0' }}>工作人员可在工作台的活动详情里为志愿者代为报名。</p> : null}
            <Link to="/m/register" className={`${c.btn} ${c.btnGhost}`}>
              注册成为志愿者
            </Link>
          </div>
        ) : null}
      </section>
    );
  }
  return <VolunteerSignUp x={x} />;
}

function VolunteerSignUp({ x }: { x: PublicActivity }) {
  const mine = useActivity(x.id);
  const signUp = useSignUp();
  const client = useQueryClient();
  const open = x.positions.filter((p) => p.left > 0);
  const [positionId, setPositionId] = useState(x.positions.length === 1 ? x.positions[0].id : '');
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  if (mine.isPending) return null;
  const my = mine.data?.mySignup;
  if (done || (my && !['cancelled', 'rejected'].includes(my.status))) {
    return (
      <section className={c.card} aria-label="报名">
        <p className={c.ok} role="status" style={{ marginTop: 0 }}>
          {done ?? (my?.status === 'waitlisted' ? '您已报名候补。' : my?.status === 'pending' ? '您已报名，等待审核。' : '您已报名这个活动。')}
        </p>
        <Link to={`/m/activities/${x.id}`} className={`${c.btn} ${c.btnGhost}`}>
          查看我的报名与签到
        </Link>
      </section>
    );
  }

  const submit = () => {
    setError(null);
    if (!positionId) {
      setError('请先选择岗位');
      return;
    }
    signUp.mutate(
      { id: x.id, positionId },
      {
        onSuccess: (r) => {
          setDone(
            r.status === 'confirmed'
              ? '报名成功！活动前一天会提醒您。'
              : r.status === 'pending'
                ? '已报名，等待活动负责人审核，结果会通知您。'
                : '名额已满，已为您报名候补。有人取消时按顺序自动转为正式报名。',
          );
          void client.invalidateQueries({ queryKey: ['public'] });
        },
        onError: (err) =>
          setError(err instanceof ApiError && err.code === 'volunteer.not_found_self' ? '注册成为志愿者并通过审核后才能报名。' : errorMessage(err)),
      },
    );
  };

  return (
    <section className={c.card} aria-label="报名">
      {x.positions.length > 1 ? (
        <fieldset style={{ border: 0, margin: 0, padding: 0 }}>
          <legend className={c.sectionTitle}>选择岗位</legend>
          {x.positions.map((p) => (
            <label key={p.id} className={c.choice}>
              <input type="radio" name="position" value={p.id} checked={positionId === p.id} onChange={() => setPositionId(p.id)} />
              <span>
                {p.name}（{p.left > 0 ? `还剩 ${p.left} 个` : '已满，可候补'}）
              </span>
            </label>
          ))}
        </fieldset>
      ) : null}
      {error ? (
        <p className={c.error} role="alert">
          {error}
        </p>
      ) : null}
      <button type="button" className={c.btn} onClick={submit} disabled={signUp.isPending}>
        {signUp.isPending ? '正在报名…' : open.length === 0 ? '报名候补' : '我要报名'}
      </button>
    </section>
  );
}
