import { type FormEvent, type ReactNode, useId, useMemo, useState } from 'react';
import { LIMITS, PHONE_PATTERN } from '../../shared/patterns';
import styles from '../m/mobile.module.css';
import o from '../m/orders/orders.module.css';
import { canToday, PhotoPicker, pickMin, preferredAtFor, type When, whenText } from '../m/orders/parts';
import { errorMessage } from './api';
import {
  type OrderView,
  type PlaceOrderInput,
  type PortalOrderInput,
  type ServiceItemView,
  type UploadedPhoto,
  usePlaceOrder,
  usePlacePortalOrder,
  usePublicServiceItems,
} from './queries/orders';
import { usePublicUnits } from './queries/public';

/**
 * The one resident order form, for 我要点单 on the phone (/m/orders/new, signed in: `who="member"`)
 * and 群众点单 on the portal (/order, no account: `who="guest"`). Each page keeps its frame (the
 * mobile layout and session check, the portal header); this holds the fields, the checks, the
 * sending and, for a guest, the 已收到 panel. A member picks a service from cards and may add photos
 * and a time; a guest leaves a name and phone for the call-back and agrees to their use. No antd,
 * no zod: both pages are light. The look is the phone primitives; the portal sets the sizes.
 */

const OTHER = 'other';

/** The person's own station when they have one (a member on the phone). */
export interface OwnStation {
  id: string;
  name?: string;
}

type Problems = Record<string, string>;

function useStations() {
  const units = usePublicUnits();
  const stations = useMemo(() => (units.data ?? []).filter((u) => u.kind === 'station'), [units.data]);
  return { stations, isPending: units.isPending, error: units.error };
}

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

/** A numbered step heading (the member's form walks through four). */
function Step({ no, children }: { no: number; children: ReactNode }) {
  return (
    <h3 className={o.step}>
      <span className={o.stepNo} aria-hidden="true">
        {no}
      </span>
      <span>{children}</span>
    </h3>
  );
}

function Problem({ id, text }: { id: string; text?: string }) {
  return text ? (
    <span className={styles.fieldError} id={`${id}-error`} role="alert">
      {text}
    </span>
  ) : null;
}

/** "（可不填）" after a label. */
const Optional = ({ text }: { text: string }) => <span className={o.optional}>（{text}）</span>;

/** A label, one input (or select) and what is wrong with it; `hint` sits under the input. */
function Field({
  id,
  label,
  optional,
  problem,
  hint,
  children,
}: {
  id: string;
  label: string;
  optional?: string;
  problem?: string;
  hint?: string;
  children: ReactNode;
}) {
  return (
    <div className={styles.field}>
      <label className={styles.label} htmlFor={id}>
        {label}
        {optional ? <Optional text={optional} /> : null}
      </label>
      {children}
      {hint ? (
        <span className={styles.hint} id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      <Problem id={id} text={problem} />
    </div>
  );
}

/** What a field's aria attributes say: invalid, and which line describes it. */
const describe = (id: string, problem?: string, hint = false) => ({
  'aria-invalid': !!problem,
  'aria-describedby': problem ? `${id}-error` : hint ? `${id}-hint` : undefined,
});

export function ResidentOrderForm({
  who,
  ownStation,
  initialStationId = '',
  onPlaced,
}: {
  who: 'member' | 'guest';
  /** A member's own station: they order from it without choosing. */
  ownStation?: OwnStation;
  /** A guest may arrive with `?station=` from a station's page. */
  initialStationId?: string;
  /** A member's order is placed: the page goes to its status. */
  onPlaced?: (order: OrderView) => void;
}) {
  const member = who === 'member';
  const { stations, isPending: unitsPending, error: unitsError } = useStations();
  // A member orders from their own station if it is a station; otherwise they choose one.
  const ownIsStation = !!ownStation && (unitsPending || stations.some((s) => s.id === ownStation.id));
  const [chosenStation, setChosenStation] = useState(initialStationId);
  const stationId = ownIsStation ? ownStation?.id : chosenStation || undefined;
  const items = usePublicServiceItems(stationId);
  const placeMember = usePlaceOrder();
  const placeGuest = usePlacePortalOrder();
  const busy = placeMember.isPending || placeGuest.isPending;

  const [itemId, setItemId] = useState('');
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [description, setDescription] = useState('');
  const [photos, setPhotos] = useState<UploadedPhoto[]>([]);
  const [address, setAddress] = useState('');
  const [when, setWhen] = useState<When>('asap');
  const [picked, setPicked] = useState('');
  const [agree, setAgree] = useState(false);
  const [problems, setProblems] = useState<Problems>({});
  const [error, setError] = useState<string | null>(null);
  const [placed, setPlaced] = useState<string | null>(null);
  const ids = {
    station: useId(),
    item: useId(),
    name: useId(),
    phone: useId(),
    desc: useId(),
    descHint: useId(),
    address: useId(),
    pick: useId(),
    agree: useId(),
  };

  /** Drop these problems as soon as the person changes the field. */
  const fixed = (...keys: string[]) =>
    setProblems((p) => {
      if (!keys.some((k) => k in p)) return p;
      const next = { ...p };
      for (const k of keys) delete next[k];
      return next;
    });

  const item: ServiceItemView | undefined = (items.data ?? []).find((i) => i.id === itemId);
  const preferredAt = member ? preferredAtFor(when, picked) : undefined;
  const station = stations.find((s) => s.id === stationId);

  const check = (): Problems => {
    const next: Problems = {};
    if (!stationId) next.station = member ? '请选择您所在的实践站' : '请选择您所在社区的实践站';
    if (member && !itemId) next.item = '请选择一项服务，或选“其他需求”';
    if (!member && !name.trim()) next.name = '请填写您的姓名';
    if (!member && !PHONE_PATTERN.test(phone.trim())) next.phone = '请填写 11 位手机号，工作人员会打这个电话和您核实';
    if (!description.trim() && !(member && item)) next.description = '请说说您需要什么帮助';
    if (member && when === 'pick' && !preferredAt) next.when = '请选择日期和时间';
    if (!member && !agree) next.agree = '请勾选同意后再提交';
    return next;
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const next = check();
    setProblems(next);
    const first = Object.keys(next)[0];
    if (first) {
      const target =
        first === 'item'
          ? 'order-menu'
          : { station: ids.station, name: ids.name, phone: ids.phone, description: ids.desc, when: ids.pick, agree: ids.agree }[first];
      if (target) document.getElementById(target)?.focus();
      return;
    }
    const onError = (err: unknown) => setError(errorMessage(err));
    const text = description.trim() || (item ? `需要${item.name}` : '');
    const addressIn = address.trim() ? { address: address.trim() } : {};
    if (member) {
      const input: PlaceOrderInput = {
        ...(item ? { itemId: item.id } : {}),
        description: text,
        photoFileIds: photos.map((p) => p.id),
        ...addressIn,
        ...(preferredAt ? { preferredAt } : {}),
        ...(stationId ? { stationId } : {}),
      };
      placeMember.mutate(input, { onSuccess: (order) => onPlaced?.(order), onError });
    } else {
      const input: PortalOrderInput = {
        stationId: stationId ?? '',
        ...(item ? { itemId: item.id } : {}),
        name: name.trim(),
        phone: phone.trim(),
        description: text,
        ...addressIn,
        agree: true,
      };
      placeGuest.mutate(input, { onSuccess: (r) => setPlaced(r.number), onError });
    }
  };

  const again = () => {
    setPlaced(null);
    setItemId('');
    setDescription('');
    setAgree(false);
  };

  if (placed) {
    return (
      <section className={o.done} aria-labelledby="done-title" aria-live="polite">
        <h2 id="done-title" className={o.doneTitle}>
          已收到您的需求
        </h2>
        <p className={o.doneText} style={{ marginTop: 0 }}>
          您的单号：
        </p>
        <span className={o.number} data-testid="order-number">
          {placed}
        </span>
        <p className={o.doneText}>
          <strong>实践站工作人员会电话联系您核实</strong>，核实后安排志愿者上门。请留意 {phone.slice(0, 3)}****{phone.slice(-4)} 的来电。
        </p>
        {station?.phone ? (
          <p className={o.doneText}>
            如有疑问，请致电{station.name}：<a href={`tel:${station.phone.replace(/[^0-9+]/g, '')}`}>{station.phone}</a>
          </p>
        ) : null}
        <button type="button" className={`${styles.btn} ${styles.btnGhost}`} style={{ marginTop: 16 }} onClick={again}>
          再提一个需求
        </button>
      </section>
    );
  }

  const stationProblem = problems.station ?? (unitsError ? `实践站列表加载失败，请刷新页面再试（${unitsError.message}）` : undefined);
  const stationField = !ownIsStation ? (
    <Field id={ids.station} label={member ? '您所在的实践站' : '所在社区实践站'} problem={stationProblem}>
      <select
        id={ids.station}
        className={styles.input}
        value={chosenStation}
        onChange={(e) => {
          setChosenStation(e.target.value);
          setItemId('');
          fixed('station');
        }}
        {...describe(ids.station, stationProblem)}
      >
        <option value="">{unitsPending ? '正在加载…' : '请选择'}</option>
        {stations.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
    </Field>
  ) : ownStation?.name ? (
    <p className={`${styles.text} ${styles.muted}`} style={{ marginTop: 0 }}>
      向 <strong>{ownStation.name}</strong> 点单
    </p>
  ) : null;

  const menu = (
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
          {[
            ...(items.data ?? []).map((i) => ({ id: i.id, name: i.name, text: i.description })),
            { id: OTHER, name: '其他需求', text: '上面没有的，在下面写清楚' },
          ].map((i) => (
            <li key={i.id}>
              <button
                type="button"
                className={o.menuCard}
                aria-pressed={itemId === i.id}
                onClick={() => {
                  setItemId(i.id);
                  fixed('item', ...(i.id === OTHER ? [] : ['description']));
                }}
              >
                <span className={o.menuName}>{i.name}</span>
                {i.text ? <span className={o.menuText}>{i.text}</span> : null}
              </button>
            </li>
          ))}
        </ul>
      )}
      {problems.item ? (
        <p className={styles.fieldError} role="alert">
          {problems.item}
        </p>
      ) : null}
    </fieldset>
  );

  const itemSelect = (
    <Field id={ids.item} label="服务项目" optional="可不选">
      <select id={ids.item} className={styles.input} value={itemId} onChange={(e) => setItemId(e.target.value)} disabled={!stationId}>
        <option value="">{!stationId ? '请先选择实践站' : items.isPending ? '正在加载…' : '其他需求 / 不确定'}</option>
        {(items.data ?? []).map((i) => (
          <option key={i.id} value={i.id}>
            {i.name}
          </option>
        ))}
      </select>
    </Field>
  );

  const contact = (
    <>
      <Field id={ids.name} label="您的姓名" problem={problems.name}>
        <input
          id={ids.name}
          className={styles.input}
          value={name}
          maxLength={LIMITS.personName}
          autoComplete="name"
          onChange={(e) => {
            setName(e.target.value);
            fixed('name');
          }}
          {...describe(ids.name, problems.name)}
        />
      </Field>
      <Field id={ids.phone} label="手机号" problem={problems.phone} hint="工作人员会打这个电话和您核实需求">
        <input
          id={ids.phone}
          className={styles.input}
          value={phone}
          inputMode="numeric"
          maxLength={11}
          autoComplete="tel"
          onChange={(e) => {
            setPhone(e.target.value.replace(/\D/g, ''));
            fixed('phone');
          }}
          {...describe(ids.phone, problems.phone, true)}
        />
      </Field>
    </>
  );

  const descriptionBox = (
    <textarea
      id={ids.desc}
      className={o.textarea}
      value={description}
      maxLength={LIMITS.orderDescription}
      onChange={(e) => {
        setDescription(e.target.value);
        fixed('description');
      }}
      placeholder={
        !member ? '例如：家里老人腿脚不便，想请志愿者上门理发' : item ? `例如：家里老人腿脚不便，想请人上门${item.name}` : '例如：厨房的灯坏了，自己爬不上去换'
      }
      aria-invalid={!!problems.description}
      aria-describedby={problems.description ? `${ids.desc}-error` : member ? ids.descHint : undefined}
    />
  );

  const addressInput = (
    <input
      id={ids.address}
      className={styles.input}
      value={address}
      maxLength={LIMITS.address}
      autoComplete="street-address"
      onChange={(e) => setAddress(e.target.value)}
      placeholder={member ? '例如：金银路 18 号 3 单元 2 楼' : undefined}
    />
  );

  const whenChoices: { key: When; label: string }[] = [
    { key: 'asap', label: '尽快' },
    ...(canToday() ? [{ key: 'today' as const, label: '今天' }] : []),
    { key: 'am', label: '明天上午' },
    { key: 'pm', label: '明天下午' },
    { key: 'pick', label: '自选时间' },
  ];

  const sendError = error ? (
    <div className={styles.errorBox} role="alert" style={{ marginTop: member ? 16 : 0, marginBottom: 0 }}>
      提交失败：{error}
    </div>
  ) : null;

  if (!member) {
    return (
      <form className={`${styles.form} ${styles.card}`} onSubmit={submit} noValidate aria-label="群众点单">
        {stationField}
        {itemSelect}
        {contact}
        <Field id={ids.desc} label="需要什么帮助" problem={problems.description}>
          {descriptionBox}
        </Field>
        <Field id={ids.address} label="服务地址" optional="可不填">
          {addressInput}
        </Field>
        <div className={styles.field}>
          <label className={o.agree} htmlFor={ids.agree}>
            <input
              id={ids.agree}
              type="checkbox"
              checked={agree}
              onChange={(e) => {
                setAgree(e.target.checked);
                fixed('agree');
              }}
              {...describe(ids.agree, problems.agree)}
            />
            <span>我同意实践站为办理这次需求使用我的姓名、电话和地址，并转给接单的志愿者。这些信息不会用于其他用途。</span>
          </label>
          <Problem id={ids.agree} text={problems.agree} />
        </div>
        {sendError}
        <button type="submit" className={`${styles.btn} ${o.submit}`} disabled={busy}>
          {busy ? '正在提交…' : '提交需求'}
        </button>
      </form>
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-label="我要点单">
      {stationField}

      <Step no={1}>您需要什么服务？</Step>
      {menu}

      <Step no={2}>
        <label htmlFor={ids.desc}>说说您的需要{item ? <Optional text="可不写" /> : null}</label>
      </Step>
      {descriptionBox}
      <p className={o.voiceHint} id={ids.descHint}>
        <MicIcon />
        打字不方便？可以用输入法的语音输入：点键盘上的话筒，说完自动变成文字。
      </p>
      <Problem id={ids.desc} text={problems.description} />

      <Step no={3}>
        拍张照片
        <Optional text="可不传" />
      </Step>
      <PhotoPicker photos={photos} onChange={setPhotos} label="添加照片" />

      <Step no={4}>在哪里、什么时候</Step>
      <Field id={ids.address} label="服务地址" optional="可不填，工作人员会电话确认">
        {addressInput}
      </Field>
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
        <div style={{ marginTop: 10 }}>
          <Field id={ids.pick} label="选择日期和时间" problem={problems.when}>
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
              {...describe(ids.pick, problems.when)}
            />
          </Field>
        </div>
      ) : null}
      <p className={o.when} aria-live="polite">
        {preferredAt
          ? `希望 ${whenText(preferredAt)} 前后服务，志愿者会和您约定具体时间。`
          : when === 'pick'
            ? '请在上面选择日期和时间。'
            : '尽快安排，志愿者会和您约定具体时间。'}
      </p>

      {sendError}
      <button type="submit" className={`${styles.btn} ${styles.btnBlock} ${o.submit}`} disabled={busy}>
        {busy ? '正在提交…' : '提交点单'}
      </button>
      <p className={`${styles.text} ${styles.muted}`} style={{ fontSize: 'var(--fs-small)' }}>
        您的姓名和电话只用于办理这次需求，只有实践站工作人员和接单的志愿者能看到。
      </p>
    </form>
  );
}
