import { useId, useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError, errorMessage } from '../../lib/api';
import { type OrderActionInput, type OrderView, slaText, TARGET_LABELS, useOrderAction, useTasks } from '../../lib/queries/orders';
import { useSession } from '../../lib/session';
import { useTitle } from '../../lib/title';
import styles from '../mobile.module.css';
import o from '../orders/orders.module.css';
import { StarsShown, StatusBadge, shortTime } from '../orders/parts';
import { Loading, SignInFirst } from '../components/sign-in-first';
import { CompletePanel, DeclinePanel, NotePanel } from './task-panels';

/**
 * `/m/tasks` 接单: orders a volunteer may take (named to them, their team or station, or the open
 * pool) and the ones they hold. Declining is always free (条例 第二十五条).
 */
export default function TasksPage() {
  useTitle('接单');
  const session = useSession();
  const tasks = useTasks(!!session.data);
  const [notice, setNotice] = useState<string | null>(null);
  const [showAll, setShowAll] = useState(false);
  const say = (message: string) => {
    setNotice(message);
    window.scrollTo({ top: 0 });
  };

  if (session.isPending || (session.data && tasks.isPending)) return <Loading />;
  if (!session.data) return <SignInFirst text="志愿者登录后可以接居民的点单。" next="/m/tasks" />;
  if (tasks.error) {
    if (tasks.error instanceof ApiError && tasks.error.code === 'volunteer.not_found_self') {
      return (
        <section className={styles.card}>
          <p className={styles.hello}>注册志愿者后可以接单</p>
          <p className={`${styles.text} ${styles.muted}`}>居民的点单由已认证的志愿者接单服务。注册并通过实践站审核后，就能在这里看到可以接的单。</p>
          <Link to="/m/register" className={`${styles.btn} ${styles.btnBlock}`}>
            注册志愿者
          </Link>
        </section>
      );
    }
    return (
      <div className={styles.errorBox} role="alert">
        加载失败：{tasks.error.message}
        <button type="button" className={`${styles.btn} ${styles.btnGhost} ${styles.btnBlock}`} onClick={() => void tasks.refetch()}>
          重新加载
        </button>
      </div>
    );
  }

  const all = tasks.data?.items ?? [];
  // Orders named to me come first, then my team's and station's, then the open pool.
  const open = all
    .filter((x) => x.allowedActions.includes('accept'))
    .sort((a, b) => TARGET_RANK[a.target?.type ?? 'pool'] - TARGET_RANK[b.target?.type ?? 'pool']);
  const shownOpen = showAll ? open : open.slice(0, FIRST_OPEN);
  const active = all.filter((x) => !x.allowedActions.includes('accept') && (x.status === 'accepted' || x.status === 'in_service'));
  const done = all.filter((x) => x.status === 'completed' || x.status === 'rated' || x.status === 'closed');

  return (
    <>
      {notice ? (
        <p className={styles.ok} role="status">
          {notice}
        </p>
      ) : null}
      <p className={o.lead}>居民点的单，您方便就接；不方便可以婉拒，婉拒不影响您的任何记录。服务结项后自动生成服务时长记录，由实践站确认。</p>
      <h2 className={styles.sectionTitle}>
        我接的单
        <small>{active.length} 张进行中</small>
      </h2>
      {active.length === 0 ? (
        <p className={styles.empty}>暂无进行中的单</p>
      ) : (
        <ul className={styles.list}>
          {active.map((x) => (
            <li key={x.id}>
              <TaskCard order={x} onDone={say} />
            </li>
          ))}
        </ul>
      )}

      <h2 className={styles.sectionTitle}>
        可以接的单
        <small>{open.length} 张</small>
      </h2>
      {open.length === 0 ? (
        <p className={styles.empty}>现在没有等待接单的需求，有新的派给您时会通知您。</p>
      ) : (
        <ul className={styles.list}>
          {shownOpen.map((x) => (
            <li key={x.id}>
              <TaskCard order={x} onDone={say} />
            </li>
          ))}
        </ul>
      )}
      {open.length > shownOpen.length ? (
        <button type="button" className={`${styles.btn} ${styles.btnGhost} ${styles.btnBlock}`} onClick={() => setShowAll(true)}>
          再看 {open.length - shownOpen.length} 张
        </button>
      ) : null}

      {done.length ? (
        <>
          <h2 className={styles.sectionTitle}>
            已完成
            <small>{done.length} 张</small>
          </h2>
          <ul className={styles.list}>
            {done.map((x) => (
              <li key={x.id}>
                <TaskCard order={x} onDone={say} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {tasks.hasNextPage ? (
        <button
          type="button"
          className={`${styles.btn} ${styles.btnGhost} ${styles.btnBlock}`}
          disabled={tasks.isFetchingNextPage}
          onClick={() => void tasks.fetchNextPage()}
        >
          {tasks.isFetchingNextPage ? '正在加载…' : `加载更多（还有 ${(tasks.data?.total ?? 0) - all.length} 张）`}
        </button>
      ) : null}
    </>
  );
}

export const FIRST_OPEN = 5;
export const TARGET_RANK: Record<NonNullable<OrderView['target']>['type'], number> = { volunteer: 0, team: 1, station: 2, institute: 3, pool: 3 };

export type Panel = null | 'decline' | 'note' | 'complete';

export function TaskCard({ order: x, onDone }: { order: OrderView; onDone: (message: string) => void }) {
  const act = useOrderAction();
  const [panel, setPanel] = useState<Panel>(null);
  const [error, setError] = useState<string | null>(null);
  const can = (a: OrderView['allowedActions'][number]) => x.allowedActions.includes(a);
  const sla = x.status === 'dispatched' ? slaText(x.slaDueAt, Date.now()) : null;
  const headingId = useId();

  const run = (input: OrderActionInput, done: string) => {
    setError(null);
    act.mutate(
      { id: x.id, input },
      {
        onSuccess: () => {
          setPanel(null);
          // The card may move to another list after this, so the page says what happened.
          onDone(done);
        },
        onError: (err) => setError(errorMessage(err)),
      },
    );
  };

  return (
    <article className={styles.card} style={{ marginBottom: 0 }} aria-labelledby={headingId}>
      <div className={styles.itemHead}>
        <h3 id={headingId} className={styles.itemTitle}>
          {x.title}
        </h3>
        <StatusBadge status={x.status} />
      </div>
      <p className={o.meta}>{[x.itemName !== x.title ? (x.itemName ?? '其他需求') : null, x.unitName, x.number].filter(Boolean).join(' · ')}</p>
      <p className={o.desc}>{x.description}</p>
      <dl className={`${styles.facts} ${o.facts}`} style={{ marginTop: 10 }}>
        <dt>地址</dt>
        <dd>{x.address ?? '接单后与居民电话确认'}</dd>
        <dt>时间</dt>
        <dd>{x.preferredAt ? `${shortTime(x.preferredAt)} 前后` : '尽快'}</dd>
        <dt>居民</dt>
        <dd>
          {x.requesterName}
          {x.requesterPhone ? (
            x.requesterPhone.includes('*') ? (
              ` ${x.requesterPhone}`
            ) : (
              <>
                {' '}
                <a href={`tel:${x.requesterPhone}`}>{x.requesterPhone}</a>
              </>
            )
          ) : null}
        </dd>
        {x.status === 'dispatched' && x.target ? (
          <>
            <dt>派给</dt>
            <dd>
              {x.target.type === 'volunteer'
                ? '指定给您'
                : x.target.type === 'pool'
                  ? '抢单池（先到先得）'
                  : x.target.type === 'team'
                    ? `${x.target.name ?? ''}（${TARGET_LABELS.team}）`
                    : (x.target.name ?? TARGET_LABELS[x.target.type])}
            </dd>
          </>
        ) : null}
        {sla ? (
          <>
            <dt>接单时限</dt>
            <dd style={sla.late ? { color: '#a8071a', fontWeight: 700 } : undefined}>{sla.text}</dd>
          </>
        ) : null}
        {x.rating !== null ? (
          <>
            <dt>居民评价</dt>
            <dd>
              <StarsShown value={x.rating} /> {x.ratingComment ?? ''}
            </dd>
          </>
        ) : null}
      </dl>

      {error ? (
        <div className={styles.errorBox} role="alert" style={{ marginTop: 12, marginBottom: 0 }}>
          {error}
        </div>
      ) : null}

      {panel === null ? (
        <div className={o.btnRow}>
          {can('accept') ? (
            <button
              type="button"
              className={styles.btn}
              disabled={act.isPending}
              onClick={() => run({ action: 'accept' }, '接单成功！请尽快电话联系居民约定时间。')}
            >
              接单
            </button>
          ) : null}
          {can('decline') ? (
            <button type="button" className={`${styles.btn} ${o.btnQuiet}`} onClick={() => setPanel('decline')}>
              婉拒
            </button>
          ) : null}
          {can('start') ? (
            <button type="button" className={styles.btn} disabled={act.isPending} onClick={() => run({ action: 'start' }, '已开始服务。')}>
              开始服务
            </button>
          ) : null}
          {can('complete') ? (
            <button type="button" className={styles.btn} onClick={() => setPanel('complete')}>
              完成服务
            </button>
          ) : null}
          {can('note') ? (
            <button type="button" className={`${styles.btn} ${styles.btnGhost}`} onClick={() => setPanel('note')}>
              记录进展
            </button>
          ) : null}
        </div>
      ) : null}
      {panel === 'decline' ? (
        <DeclinePanel
          busy={act.isPending}
          onCancel={() => setPanel(null)}
          onSend={(reason) => run({ action: 'decline', ...(reason ? { reason } : {}) }, '已婉拒。谢谢您告诉我们！')}
        />
      ) : null}
      {panel === 'note' ? (
        <NotePanel busy={act.isPending} onCancel={() => setPanel(null)} onSend={(note) => run({ action: 'note', note }, '已记录进展。')} />
      ) : null}
      {panel === 'complete' ? (
        <CompletePanel
          busy={act.isPending}
          onCancel={() => setPanel(null)}
          onSend={(report, photos, hours) =>
            run(
              { action: 'complete', report, photoFileIds: photos, ...(hours ? { serviceHours: hours } : {}) },
              '已结项！服务时长记录已提交实践站确认，等待居民评价。',
            )
          }
        />
      ) : null}
    </article>
  );
}
