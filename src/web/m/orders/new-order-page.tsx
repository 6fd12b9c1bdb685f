import { type FormEvent, useId, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { errorMessage } from '../../lib/api';
import { LIMITS } from '../../../shared/patterns';
import { StationSelect, useOrderStations, useProblems } from '../../lib/order-form';
import { type PlaceOrderInput, type ServiceItemView, type UploadedPhoto, usePlaceOrder, usePublicServiceItems } from '../../lib/queries/orders';
import { useSession } from '../../lib/session';
import { useTitle } from '../../lib/title';
import styles from '../mobile.module.css';
import o from './orders.module.css';
import { canToday, PhotoPicker, pickMin, preferredAtFor, type When, whenText } from './parts';

const OTHER = 'other';

function MicIcon() {
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path
        d="M12 15a3.5 3.5 0 0 0 3.5-3.5v-6a3.5 3.5 0 1 0-7 0v6A3.5 3.5 0 0 0 12 15zm6-3.5h-2a4 4 0 0 1-8 0H6a6 6 0 0 0 5 5.9V20H8v2h8v-2h-3v-2.6a6 6 0 0 0 5-5.9z"
        fill="currentColor"
      />
    </svg>
  );
}

/** `/m/orders/new` 我要点单: pick from the station's menu (or say something else), describe it, send. */
export default function NewOrderPage() {
  useTitle('我要点单');
  const session = useSession();

  if (session.isPending) {
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
        <p className={`${styles.text} ${styles.muted}`}>
          登录后就可以向社区实践站点单，志愿者会上门服务。不方便用手机的，也可以直接打电话给社区实践站，由工作人员帮您登记。
        </p>
        <Link to={`/login?next=${encodeURIComponent('/m/orders/new')}`} className={`${styles.btn} ${styles.btnBlock}`}>
          登录
        </Link>
      </section>
    );
  }
  const own = session.data.roles.find((r) => r.role === 'resident' || r.role === 'volunteer' || r.role === 'team_leader' || r.role === 'station_admin');
  return <OrderForm ownStationId={own?.unitId} ownStationName={own?.unitName} />;
}

function OrderForm({ ownStationId, ownStationName }: { ownStationId?: string; ownStationName?: string }) {
  const navigate = useNavigate();
  const { stations, isPending: unitsPending } = useOrderStations();
  // The person's own station if it is a station; otherwise they choose one.
  const ownIsStation = !!ownStationId && (unitsPending || stations.some((s) => s.id === ownStationId));
  const [chosenStation, setChosenStation] = useState('');
  const stationId = ownIsStation ? ownStationId : chosenStation || undefined;
  const items = usePublicServiceItems(stationId);
  const place = usePlaceOrder();

  const [itemId, setItemId] = useState<string | null>(null);
  const [description, setDescription] = useState('');
  const [photos, setPhotos] = useState<UploadedPhoto[]>([]);
  const [address, setAddress] = useState('');
  const [when, setWhen] = useState<When>('asap');
  const [picked, setPicked] = useState('');
  const { problems, setProblems, fixed } = useProblems();
  const [error, setError] = useState<string | null>(null);
  const ids = { station: useId(), desc: useId(), descHint: useId(), address: useId(), pick: useId() };

  const item: ServiceItemView | undefined = (items.data ?? []).find((i) => i.id === itemId);
  const preferredAt = preferredAtFor(when, picked);
  const whenChoices: { key: When; label: string }[] = [
    { key: 'asap', label: '尽快' },
    ...(canToday() ? [{ key: 'today' as const, label: '今天' }] : []),
    { key: 'am', label: '明天上午' },
    { key: 'pm', label: '明天下午' },
    { key: 'pick', label: '自选时间' },
  ];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const next: Record<string, string> = {};
    if (!stationId) next.station = '请选择您所在的实践站';
    if (!itemId) next.item = '请选择一项服务，或选“其他需求”';
    const text = description.trim() || (item ? `需要${item.name}` : '');
    if (!text) next.description = '请说说您需要什么帮助';
    if (when === 'pick' && !preferredAt) next.when = '请选择日期和时间';
    setProblems(next);
    if (Object.keys(next).length) {
      document.getElementById(next.station ? ids.station : next.item ? 'order-menu' : next.description ? ids.desc : ids.pick)?.focus();
      return;
    }
    const input: PlaceOrderInput = {
      ...(item ? { itemId: item.id } : {}),
      description: text,
      photoFileIds: photos.map((p) => p.id),
      ...(address.trim() ? { address: address.trim() } : {}),
      ...(preferredAt ? { preferredAt } : {}),
      ...(stationId ? { stationId } : {}),
    };
    place.mutate(input, {
      onSuccess: (order) => navigate(`/m/orders/${order.id}`, { state: { placed: true } }),
      onError: (err) => setError(errorMessage(err)),
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="new-order-title">
      <Link to="/m/orders" className={styles.back}>
        ‹ 我的点单
      </Link>
      <h2 id="new-order-title" className="sr-only">
        我要点单
      </h2>
      <p className={o.lead}>选一项服务，说说您的需要。实践站工作人员会先打电话和您核实，再安排志愿者上门。</p>

      {!ownIsStation ? (
        <StationSelect
          id={ids.station}
          label="您所在的实践站"
          value={chosenStation}
          stations={stations}
          placeholder="请选择"
          problem={problems.station}
          onChange={(id) => {
            setChosenStation(id);
            setItemId(null);
            fixed('station');
          }}
          classes={{ field: styles.field, label: styles.label, select: styles.input, error: styles.fieldError }}
        />
      ) : ownStationName ? (
        <p className={`${styles.text} ${styles.muted}`} style={{ marginTop: 0 }}>
          向 <strong>{ownStationName}</strong> 点单
        </p>
      ) : null}

      <h3 className={o.step}>
        <span className={o.stepNo} aria-hidden="true">
          1
        </span>
        您需要什么服务？
      </h3>
      <fieldset id="order-menu" tabIndex={-1} className={o.plain}>
        <legend className="sr-only">服务项目</legend>
        {!stationId ? (
          <p className={styles.empty}>请先选择实践站</p>
        ) : items.isPending ? (
          <p className={styles.empty} role="status">
            正在加载服务项目…
          </p>
        ) : items.error ? (
          <div className={styles.errorBox} role="alert">
            服务项目加载失败：{items.error.message}
          </div>
        ) : (
          <ul className={o.menu}>
            {(items.data ?? []).map((i) => (
              <li key={i.id}>
                <button
                  type="button"
                  className={o.menuCard}
                  aria-pressed={itemId === i.id}
                  onClick={() => {
                    setItemId(i.id);
                    fixed('item', 'description');
                  }}
                >
                  <span className={o.menuName}>{i.name}</span>
                  {i.description ? <span className={o.menuText}>{i.description}</span> : null}
                </button>
              </li>
            ))}
            <li>
              <button
                type="button"
                className={o.menuCard}
                aria-pressed={itemId === OTHER}
                onClick={() => {
                  setItemId(OTHER);
                  fixed('item');
                }}
              >
                <span className={o.menuName}>其他需求</span>
                <span className={o.menuText}>上面没有的，在下面写清楚</span>
              </button>
            </li>
          </ul>
        )}
        {problems.item ? (
          <p className={styles.fieldError} role="alert">
            {problems.item}
          </p>
        ) : null}
      </fieldset>

      <h3 className={o.step}>
        <span className={o.stepNo} aria-hidden="true">
          2
        </span>
        <label htmlFor={ids.desc}>说说您的需要{item ? <span className={o.optional}>（可不写）</span> : null}</label>
      </h3>
      <textarea
        id={ids.desc}
        className={o.textarea}
        value={description}
        maxLength={LIMITS.orderDescription}
        onChange={(e) => {
          setDescription(e.target.value);
          fixed('description');
        }}
        placeholder={item ? `例如：家里老人腿脚不便，想请人上门${item.name}` : '例如：厨房的灯坏了，自己爬不上去换'}
        aria-describedby={ids.descHint}
        aria-invalid={!!problems.description}
      />
      <p className={o.voiceHint} id={ids.descHint}>
        <MicIcon />
        打字不方便？可以用输入法的语音输入：点键盘上的话筒，说完自动变成文字。
      </p>
      {problems.description ? (
        <p className={styles.fieldError} role="alert">
          {problems.description}
        </p>
      ) : null}

      <h3 className={o.step}>
        <span className={o.stepNo} aria-hidden="true">
          3
        </span>
        拍张照片<span className={o.optional}>（可不传）</span>
      </h3>
      <PhotoPicker photos={photos} onChange={setPhotos} label="添加照片" />

      <h3 className={o.step}>
        <span className={o.stepNo} aria-hidden="true">
          4
        </span>
        在哪里、什么时候
      </h3>
      <div className={styles.field}>
        <label className={styles.label} htmlFor={ids.address}>
          服务地址<span className={o.optional}>（可不填，工作人员会电话确认）</span>
        </label>
        <input
          id={ids.address}
          className={styles.input}
          value={address}
          maxLength={LIMITS.address}
          onChange={(e) => setAddress(e.target.value)}
          autoComplete="street-address"
          placeholder="例如：金银路 18 号 3 单元 2 楼"
        />
      </div>
      <fieldset className={o.chips} style={{ marginTop: 16 }}>
        <legend className={styles.label} style={{ marginBottom: 8 }}>
          希望什么时候
        </legend>
        {whenChoices.map((c) => (
          <button key={c.key} type="button" className={o.chip} aria-pressed={when === c.key} onClick={() => setWhen(c.key)}>
            {c.label}
          </button>
        ))}
      </fieldset>
      {when === 'pick' ? (
        <div className={styles.field} style={{ marginTop: 10 }}>
          <label className={styles.label} htmlFor={ids.pick}>
            选择日期和时间
          </label>
          <input
            id={ids.pick}
            type="datetime-local"
            className={styles.input}
            value={picked}
            min={pickMin()}
            onChange={(e) => {
              setPicked(e.target.value);
              fixed('when');
            }}
            aria-invalid={!!problems.when}
          />
          {problems.when ? (
            <span className={styles.fieldError} role="alert">
              {problems.when}
            </span>
          ) : null}
        </div>
      ) : null}
      <p className={o.when} aria-live="polite">
        {preferredAt ? `希望 ${whenText(preferredAt)} 前后服务，志愿者会和您约定具体时间。` : '尽快安排，志愿者会和您约定具体时间。'}
      </p>

      {error ? (
        <div className={styles.errorBox} role="alert" style={{ marginTop: 16 }}>
          提交失败：{error}
        </div>
      ) : null}
      <button
        type="submit"
        className={`${styles.btn} ${styles.btnBlock}`}
        disabled={place.isPending}
        style={{ minHeight: 'calc(var(--tap) + 8px)', fontSize: 'var(--fs-h2)' }}
      >
        {place.isPending ? '正在提交…' : '提交点单'}
      </button>
      <p className={`${styles.text} ${styles.muted}`} style={{ fontSize: 'var(--fs-small)' }}>
        您的姓名和电话只用于办理这次需求，只有实践站工作人员和接单的志愿者能看到。
      </p>
    </form>
  );
}
