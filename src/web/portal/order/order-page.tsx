import { type FormEvent, useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../lib/api';
import { type PortalOrderInput, usePlacePortalOrder, usePublicServiceItems } from '../../lib/queries/orders';
import { StationSelect, useOrderStations, useProblems } from '../../lib/order-form';
import { LIMITS, PHONE_PATTERN } from '../../../shared/patterns';
import { PRODUCT_NAME, useTitle } from '../../lib/title';
import { PortalHeader } from '../portal-header';
import styles from '../portal.module.css';
import f from './order.module.css';

/**
 * 群众点单 on the public portal, for residents without an account: the station calls the number
 * back to verify the person and the need (条例 第十三条) before anything is dispatched.
 */
export default function PortalOrderPage() {
  useTitle('群众点单');
  const [search] = useSearchParams();
  const { stations, isPending: unitsPending } = useOrderStations();
  const [stationId, setStationId] = useState(search.get('station') ?? '');
  const items = usePublicServiceItems(stationId || undefined);
  const place = usePlacePortalOrder();
  const [itemId, setItemId] = useState('');
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [description, setDescription] = useState('');
  const [address, setAddress] = useState('');
  const [agree, setAgree] = useState(false);
  const { problems, setProblems, fixed } = useProblems();
  const [error, setError] = useState<string | null>(null);
  const [placed, setPlaced] = useState<string | null>(null);
  const ids = { station: useId(), item: useId(), name: useId(), phone: useId(), desc: useId(), address: useId(), agree: useId() };
  const station = stations.find((s) => s.id === stationId);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const next: Record<string, string> = {};
    if (!stationId) next.station = '请选择您所在社区的实践站';
    if (!name.trim()) next.name = '请填写您的姓名';
    if (!PHONE_PATTERN.test(phone.trim())) next.phone = '请填写 11 位手机号，工作人员会打这个电话和您核实';
    if (!description.trim()) next.description = '请说说您需要什么帮助';
    if (!agree) next.agree = '请勾选同意后再提交';
    setProblems(next);
    const first = Object.keys(next)[0];
    if (first) {
      const target = { station: ids.station, name: ids.name, phone: ids.phone, description: ids.desc, agree: ids.agree }[first];
      if (target) document.getElementById(target)?.focus();
      return;
    }
    const input: PortalOrderInput = {
      stationId,
      ...(itemId ? { itemId } : {}),
      name: name.trim(),
      phone: phone.trim(),
      description: description.trim(),
      ...(address.trim() ? { address: address.trim() } : {}),
      agree: true,
    };
    place.mutate(input, { onSuccess: (r) => setPlaced(r.number), onError: (err) => setError(errorMessage(err)) });
  };

  const reset = () => {
    setPlaced(null);
    setItemId('');
    setDescription('');
    setAgree(false);
  };

  const problem = (key: string, id: string) =>
    problems[key] ? (
      <p className={f.error} id={`${id}-error`} role="alert">
        {problems[key]}
      </p>
    ) : null;

  return (
    <div className={styles.page}>
      <PortalHeader
        nav={
          <>
            <Link to="/">首页</Link>
            <Link to="/m/orders/new">手机点单</Link>
          </>
        }
      />
      <main id="content" className={f.main}>
        <h1 className={f.title}>群众点单</h1>
        <p className={f.lead}>家里有事需要帮忙？告诉社区实践站，志愿者为您上门服务：理发、陪同就医、家电维修、作业辅导、法律咨询……</p>
        {placed ? (
          <section className={f.done} aria-labelledby="done-title" aria-live="polite">
            <h2 id="done-title" className={f.doneTitle}>
              已收到您的需求
            </h2>
            <p className={f.doneText} style={{ marginTop: 0 }}>
              您的单号：
            </p>
            <span className={f.number} data-testid="order-number">
              {placed}
            </span>
            <p className={f.doneText}>
              <strong>实践站工作人员会电话联系您核实</strong>，核实后安排志愿者上门。请留意 {phone.slice(0, 3)}****{phone.slice(-4)} 的来电。
            </p>
            {station?.phone ? (
              <p className={f.doneText}>
                如有疑问，请致电{station.name}：<a href={`tel:${station.phone.replace(/[^0-9+]/g, '')}`}>{station.phone}</a>
              </p>
            ) : null}
            <button type="button" className={f.again} onClick={reset}>
              再提一个需求
            </button>
          </section>
        ) : (
          <form className={f.form} onSubmit={submit} noValidate aria-label="群众点单">
            <StationSelect
              id={ids.station}
              label="所在社区实践站"
              value={stationId}
              stations={stations}
              placeholder={unitsPending ? '正在加载…' : '请选择'}
              problem={problems.station}
              onChange={(id) => {
                setStationId(id);
                setItemId('');
                fixed('station');
              }}
              classes={{ field: f.field, label: f.label, select: f.select, error: f.error }}
            />
            <div className={f.field}>
              <label className={f.label} htmlFor={ids.item}>
                服务项目<span className={f.optional}>（可不选）</span>
              </label>
              <select id={ids.item} className={f.select} value={itemId} onChange={(e) => setItemId(e.target.value)} disabled={!stationId}>
                <option value="">{!stationId ? '请先选择实践站' : items.isPending ? '正在加载…' : '其他需求 / 不确定'}</option>
                {(items.data ?? []).map((i) => (
                  <option key={i.id} value={i.id}>
                    {i.name}
                  </option>
                ))}
              </select>
            </div>
            <div className={f.field}>
              <label className={f.label} htmlFor={ids.name}>
                您的姓名
              </label>
              <input
                id={ids.name}
                className={f.input}
                value={name}
                maxLength={LIMITS.personName}
                autoComplete="name"
                onChange={(e) => {
                  setName(e.target.value);
                  fixed('name');
                }}
                aria-invalid={!!problems.name}
                aria-describedby={problems.name ? `${ids.name}-error` : undefined}
              />
              {problem('name', ids.name)}
            </div>
            <div className={f.field}>
              <label className={f.label} htmlFor={ids.phone}>
                手机号
              </label>
              <input
                id={ids.phone}
                className={f.input}
                value={phone}
                inputMode="numeric"
                maxLength={11}
                autoComplete="tel"
                onChange={(e) => {
                  setPhone(e.target.value.replace(/\D/g, ''));
                  fixed('phone');
                }}
                aria-invalid={!!problems.phone}
                aria-describedby={problems.phone ? `${ids.phone}-error` : `${ids.phone}-hint`}
              />
              <span className={f.hint} id={`${ids.phone}-hint`}>
                工作人员会打这个电话和您核实需求
              </span>
              {problem('phone', ids.phone)}
            </div>
            <div className={f.field}>
              <label className={f.label} htmlFor={ids.desc}>
                需要什么帮助
              </label>
              <textarea
                id={ids.desc}
                className={f.textarea}
                value={description}
                maxLength={LIMITS.orderDescription}
                onChange={(e) => {
                  setDescription(e.target.value);
                  fixed('description');
                }}
                placeholder="例如：家里老人腿脚不便，想请志愿者上门理发"
                aria-invalid={!!problems.description}
                aria-describedby={problems.description ? `${ids.desc}-error` : undefined}
              />
              {problem('description', ids.desc)}
            </div>
            <div className={f.field}>
              <label className={f.label} htmlFor={ids.address}>
                服务地址<span className={f.optional}>（可不填）</span>
              </label>
              <input
                id={ids.address}
                className={f.input}
                value={address}
                maxLength={LIMITS.address}
                autoComplete="street-address"
                onChange={(e) => setAddress(e.target.value)}
              />
            </div>
            <div className={f.field}>
              <label className={f.agree} htmlFor={ids.agree}>
                <input
                  id={ids.agree}
                  type="checkbox"
                  checked={agree}
                  onChange={(e) => {
                    setAgree(e.target.checked);
                    fixed('agree');
                  }}
                  aria-invalid={!!problems.agree}
                  aria-describedby={problems.agree ? `${ids.agree}-error` : undefined}
                />
                <span>我同意实践站为办理这次需求使用我的姓名、电话和地址，并转给接单的志愿者。这些信息不会用于其他用途。</span>
              </label>
              {problem('agree', ids.agree)}
            </div>
            {error ? (
              <div className={f.alert} role="alert">
                提交失败：{error}
              </div>
            ) : null}
            <button type="submit" className={f.submit} disabled={place.isPending}>
              {place.isPending ? '正在提交…' : '提交需求'}
            </button>
          </form>
        )}
      </main>
      <footer className={styles.footer}>
        <div className={styles.footerInner}>
          <p className={styles.footerProduct}>{PRODUCT_NAME}</p>
        </div>
      </footer>
    </div>
  );
}
