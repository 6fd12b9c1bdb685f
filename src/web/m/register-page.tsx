import { PHONE_MESSAGE, PHONE_PATTERN } from '../../shared/patterns';
import { type FormEvent, type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { messageFor } from '../../shared/errors';
import { chinaDay } from '../../shared/china-time';
import { ageOn, birthDateFromId, genderFromId, idNumberProblem, normaliseIdNumber } from '../../shared/rules/id-number';
import { ApiError, errorMessage } from '../lib/api';
import { passwordChecks, passwordProblemText } from '../lib/password-checks';
import { usePublicUnits } from '../lib/queries/public';
import { type SelfRegistration, useMyVolunteer, useRegisterSelf, useSignUp } from '../lib/queries/volunteers';
import { useSession } from '../lib/session';
import { useTitle } from '../lib/title';
import {
  ADULT_AGE,
  DAY_PART_LABELS,
  DAY_PARTS,
  GUARDIAN_CONSENT_METHODS,
  MIN_VOLUNTEER_AGE,
  SERVICE_CATEGORIES,
  VOLUNTEER_CATEGORIES,
  WEEKDAY_LABELS,
  WEEKDAYS,
} from '../lib/volunteer-labels';
import styles from './mobile.module.css';
import v from './volunteer.module.css';

type GuardianMethod = keyof typeof GUARDIAN_CONSENT_METHODS;

interface Draft {
  name: string;
  idNumber: string;
  phone: string;
  stationId: string;
  category: string;
  serviceCategories: string[];
  skills: string;
  availability: string[];
  guardianName: string;
  guardianRelation: string;
  guardianPhone: string;
  guardianMethod: GuardianMethod;
  agree: boolean;
  password: string;
}

type Field = keyof Draft | 'form';
type Errors = Partial<Record<Field, string>>;

const EMPTY: Draft = {
  name: '',
  idNumber: '',
  phone: '',
  stationId: '',
  category: '',
  serviceCategories: [],
  skills: '',
  availability: [],
  guardianName: '',
  guardianRelation: '',
  guardianPhone: '',
  guardianMethod: 'in_person',
  agree: false,
  password: '',
};

const STEPS = ['基本信息', '服务意向', '同意并提交'] as const;
const MAX_SERVICE_CATEGORIES = 4;

/** Which step shows a field, so a server error can take the person back to it. */
const STEP_OF: Record<keyof Draft, 0 | 1 | 2> = {
  name: 0,
  idNumber: 0,
  phone: 0,
  stationId: 1,
  category: 1,
  serviceCategories: 1,
  skills: 1,
  availability: 1,
  guardianName: 2,
  guardianRelation: 2,
  guardianPhone: 2,
  guardianMethod: 2,
  agree: 2,
  password: 2,
};

const ID_PROBLEMS = {
  format: '身份证号应为 18 位，最后一位是数字或 X',
  birth_date: '身份证号中的出生日期不正确，请核对',
  checksum: messageFor('volunteer.bad_id_number'),
} as const;

/** What the ID number tells us (GB 11643): birth date, age today in China, gender. */
function readId(raw: string): { birthDate: string; age: number; gender: 'male' | 'female' } | null {
  const id = normaliseIdNumber(raw);
  if (idNumberProblem(id)) return null;
  const birthDate = birthDateFromId(id);
  if (!birthDate) return null;
  return { birthDate, age: ageOn(birthDate, chinaDay(new Date())), gender: genderFromId(id) };
}

function splitSkills(text: string): string[] {
  return text
    .split(/[,，、;；\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function formatBirth(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** A server field path (`body.guardian.phone`) → the draft field that shows it. */
function fieldOfPath(path: string): keyof Draft | null {
  const segments = path.split('.').filter((s) => s && s !== 'body' && !/^\d+$/.test(s));
  if (segments[0] === 'guardian') {
    const map: Record<string, keyof Draft> = { name: 'guardianName', phone: 'guardianPhone', relation: 'guardianRelation', consentMethod: 'guardianMethod' };
    return map[segments[1] ?? 'name'] ?? 'guardianName';
  }
  const last = segments.at(-1);
  return last && last in STEP_OF ? (last as keyof Draft) : null;
}

const CODE_FIELD: Record<string, keyof Draft> = {
  'volunteer.bad_id_number': 'idNumber',
  'volunteer.too_young': 'idNumber',
  'volunteer.birth_gender_required': 'idNumber',
  'volunteer.guardian_required': 'guardianName',
  'volunteer.not_station': 'stationId',
  'volunteer.consent_required': 'agree',
  'volunteer.password_required': 'password',
};

export default function RegisterPage() {
  useTitle('志愿者注册');
  const session = useSession();
  const me = session.data;
  const mine = useMyVolunteer(!!me);
  const units = usePublicUnits();
  const navigate = useNavigate();
  const registerSelf = useRegisterSelf();
  const signUp = useSignUp();
  const [step, setStep] = useState<0 | 1 | 2>(0);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [errors, setErrors] = useState<Errors>({});
  const [duplicatePhone, setDuplicatePhone] = useState(false);
  const [showPassword, setShowPassword] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const shownStep = useRef(step);

  const stations = useMemo(() => (units.data ?? []).filter((u) => u.kind === 'station'), [units.data]);
  const identity = readId(draft.idNumber);
  const tooYoung = identity !== null && identity.age < MIN_VOLUNTEER_AGE;
  const minor = identity !== null && identity.age >= MIN_VOLUNTEER_AGE && identity.age < ADULT_AGE;
  const pending = registerSelf.isPending || signUp.isPending;

  // A signed-in resident's own station is the likely answer; preselect it.
  useEffect(() => {
    if (draft.stationId || !me || stations.length === 0) return;
    const own = me.roles.find((r) => stations.some((s) => s.id === r.unitId));
    if (own) setDraft((d) => ({ ...d, stationId: own.unitId }));
  }, [me, stations, draft.stationId]);

  // Each step starts at its heading, for screen readers and for people who scrolled down.
  useEffect(() => {
    if (shownStep.current === step) return;
    shownStep.current = step;
    window.scrollTo({ top: 0 });
    headingRef.current?.focus();
  }, [step]);

  if (session.isPending || (me && mine.isPending)) {
    return (
      <p className={styles.empty} role="status">
        正在加载…
      </p>
    );
  }

  if (mine.data) {
    return (
      <section className={styles.card} aria-label="已登记">
        <p className={styles.hello}>您已经登记为志愿者</p>
        <p className={`${styles.text} ${styles.muted}`}>可以在「我的志愿」查看审核进度、服务时长和证明。</p>
        <Link to="/m/volunteer" className={`${styles.btn} ${styles.btnBlock}`}>
          查看我的志愿
        </Link>
      </section>
    );
  }

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    if (errors[key]) setErrors((e) => ({ ...e, [key]: undefined }));
  };

  const validate = (which: 0 | 1 | 2): Errors => {
    const e: Errors = {};
    if (which === 0) {
      if (!draft.name.trim()) e.name = '请输入姓名';
      else if ([...draft.name.trim()].length > 32) e.name = '姓名最多 32 个字';
      const id = normaliseIdNumber(draft.idNumber);
      if (!id) e.idNumber = '请输入身份证号';
      else {
        const problem = idNumberProblem(id);
        if (problem) e.idNumber = ID_PROBLEMS[problem];
        else if (tooYoung) e.idNumber = messageFor('volunteer.too_young');
      }
      if (!draft.phone.trim()) e.phone = '请输入手机号';
      else if (!PHONE_PATTERN.test(draft.phone.trim())) e.phone = PHONE_MESSAGE;
    }
    if (which === 1) {
      if (!draft.stationId) e.stationId = '请选择所在的实践站';
      if (!draft.category) e.category = '请选择志愿者类别';
      if (draft.serviceCategories.length === 0) e.serviceCategories = '至少选择一个服务类别';
      const skills = splitSkills(draft.skills);
      if (skills.length > 10) e.skills = '特长最多填写 10 项';
      else if (skills.some((s) => [...s].length > 20)) e.skills = '每项特长最多 20 个字';
    }
    if (which === 2) {
      if (minor) {
        if (!draft.guardianName.trim()) e.guardianName = '请输入监护人姓名';
        if (!draft.guardianRelation.trim()) e.guardianRelation = '请输入与监护人的关系';
        if (!PHONE_PATTERN.test(draft.guardianPhone.trim())) e.guardianPhone = '请输入监护人的 11 位手机号';
      }
      if (!draft.agree) e.agree = '请阅读并勾选同意后再提交';
      if (!me) {
        const problem = draft.password ? passwordProblemText(draft.password, draft.phone.trim()) : '请设置登录密码';
        if (problem) e.password = problem;
      }
    }
    return e;
  };

  const focusFirstError = (e: Errors) => {
    const first = (Object.keys(STEP_OF) as (keyof Draft)[]).find((k) => e[k]);
    if (first) window.setTimeout(() => document.getElementById(`reg-${first}`)?.focus(), 0);
  };

  const next = (event: FormEvent) => {
    event.preventDefault();
    const e = validate(step);
    setErrors(e);
    if (Object.keys(e).length) {
      focusFirstError(e);
      return;
    }
    if (step < 2) setStep((step + 1) as 1 | 2);
    else submit();
  };

  const showServerError = (error: unknown) => {
    setDuplicatePhone(false);
    if (!(error instanceof ApiError)) {
      setErrors({ form: errorMessage(error) });
      return;
    }
    const e: Errors = {};
    const codeField = CODE_FIELD[error.code] ?? (error.code.startsWith('password.') ? 'password' : undefined);
    if (codeField) e[codeField] = error.message;
    for (const f of error.fields ?? []) {
      const field = fieldOfPath(f.path);
      if (field && !e[field]) e[field] = f.message;
    }
    if (error.code === 'volunteer.duplicate') {
      setDuplicatePhone(!me);
      e.form = error.message;
    }
    const placed = (Object.keys(STEP_OF) as (keyof Draft)[]).filter((k) => e[k]);
    if (!placed.length && !e.form) e.form = error.message;
    setErrors(e);
    if (placed.length) {
      setStep(Math.min(...placed.map((k) => STEP_OF[k])) as 0 | 1 | 2);
      focusFirstError(e);
    }
  };

  const submit = () => {
    const input: SelfRegistration = {
      name: draft.name.trim(),
      idType: '01',
      idNumber: normaliseIdNumber(draft.idNumber),
      phone: draft.phone.trim(),
      stationId: draft.stationId,
      category: draft.category as SelfRegistration['category'],
      skills: splitSkills(draft.skills),
      serviceCategories: draft.serviceCategories as SelfRegistration['serviceCategories'],
      availability: draft.availability,
      ...(minor
        ? {
            guardian: {
              name: draft.guardianName.trim(),
              relation: draft.guardianRelation.trim(),
              phone: draft.guardianPhone.trim(),
              consentMethod: draft.guardianMethod,
            },
          }
        : {}),
      agree: true,
    };
    const done = { onSuccess: () => navigate('/m/volunteer', { replace: true }), onError: showServerError };
    if (me) registerSelf.mutate(input, done);
    else signUp.mutate({ ...input, password: draft.password }, done);
  };

  const fieldError = (key: keyof Draft) =>
    errors[key] ? (
      <span id={`reg-${key}-error`} className={styles.fieldError}>
        {errors[key]}
      </span>
    ) : null;

  const describedBy = (key: keyof Draft, hint?: boolean) => (errors[key] ? `reg-${key}-error` : hint ? `reg-${key}-hint` : undefined);

  return (
    <>
      <ol className={v.steps} aria-label="注册步骤">
        {STEPS.map((label, i) => (
          <li
            key={label}
            className={`${v.step} ${i === step ? v.stepCurrent : i < step ? v.stepDone : ''}`}
            aria-current={i === step ? 'step' : undefined}
          >
            <span className={v.stepDot} aria-hidden="true">
              {i < step ? '✓' : i + 1}
            </span>
            <span>
              {label}
              <span className="sr-only">{i < step ? '（已完成）' : i === step ? '（当前步骤）' : ''}</span>
            </span>
          </li>
        ))}
      </ol>

      {!me && step === 0 ? (
        <p className={`${styles.text} ${styles.muted}`} style={{ margin: '0 0 12px' }}>
          已有账号？<Link to="/login?next=/m/register">先登录</Link>再注册，信息会关联到您的账号。
        </p>
      ) : null}

      <section className={styles.card} aria-labelledby="reg-step-title">
        <form className={styles.form} onSubmit={next} noValidate>
          <h2 id="reg-step-title" className={v.stepTitle} tabIndex={-1} ref={headingRef}>
            第 {step + 1} 步（共 3 步）：{STEPS[step]}
          </h2>

          {step === 0 ? (
            <>
              <TextField id="name" label="姓名" value={draft.name} onChange={(x) => set('name', x)} autoComplete="name" maxLength={32} error={fieldError('name')} describedBy={describedBy('name')} />
              <div className={styles.field}>
                <label className={styles.label} htmlFor="reg-idNumber">
                  身份证号
                </label>
                <input
                  id="reg-idNumber"
                  className={`${styles.input} ${v.mono}`}
                  value={draft.idNumber}
                  onChange={(e) => set('idNumber', e.target.value)}
                  onBlur={() => {
                    const id = normaliseIdNumber(draft.idNumber);
                    if (id && idNumberProblem(id)) setErrors((e) => ({ ...e, idNumber: ID_PROBLEMS[idNumberProblem(id) ?? 'format'] }));
                  }}
                  inputMode="text"
                  autoComplete="off"
                  maxLength={22}
                  aria-invalid={!!errors.idNumber}
                  aria-describedby={describedBy('idNumber', true)}
                />
                <span id="reg-idNumber-hint" className={styles.hint}>
                  出生日期和性别从身份证号自动读取，不用再填
                </span>
                {fieldError('idNumber')}
              </div>
              {identity ? (
                <dl className={v.facts} aria-label="从身份证号读取的信息" aria-live="polite">
                  <div>
                    <dt>出生日期</dt>
                    <dd>{formatBirth(identity.birthDate)}</dd>
                  </div>
                  <div>
                    <dt>年龄</dt>
                    <dd>{identity.age} 岁</dd>
                  </div>
                  <div>
                    <dt>性别</dt>
                    <dd>{identity.gender === 'male' ? '男' : '女'}</dd>
                  </div>
                </dl>
              ) : null}
              {tooYoung ? (
                <div className={v.stop} role="alert">
                  <strong>暂时不能注册</strong>
                  {messageFor('volunteer.too_young')}。
                </div>
              ) : minor ? (
                <p className={styles.notice} role="status">
                  未满 18 周岁需要监护人同意，第 3 步请填写监护人信息。
                </p>
              ) : null}
              <TextField
                id="phone"
                label="手机号"
                value={draft.phone}
                onChange={(x) => set('phone', x.replace(/\D/g, ''))}
                autoComplete="tel"
                inputMode="tel"
                maxLength={11}
                hint={me ? '工作人员联系您时使用' : '注册后用这个手机号登录'}
                error={fieldError('phone')}
                describedBy={describedBy('phone', true)}
              />
            </>
          ) : null}

          {step === 1 ? (
            <>
              <div className={styles.field}>
                <label className={styles.label} htmlFor="reg-stationId">
                  所在实践站
                </label>
                {units.error ? (
                  <div className={styles.errorBox} role="alert">
                    实践站列表加载失败：{units.error.message}
                    <button type="button" className={`${styles.btn} ${styles.btnGhost} ${styles.btnBlock}`} onClick={() => void units.refetch()}>
                      重新加载
                    </button>
                  </div>
                ) : (
                  <select
                    id="reg-stationId"
                    className={styles.input}
                    value={draft.stationId}
                    onChange={(e) => set('stationId', e.target.value)}
                    aria-invalid={!!errors.stationId}
                    aria-describedby={describedBy('stationId', true)}
                    disabled={units.isPending}
                  >
                    <option value="">{units.isPending ? '正在加载…' : '请选择您居住的社区'}</option>
                    {stations.map((s) => (
                      <option key={s.id} value={s.id}>
                        {s.name}
                      </option>
                    ))}
                  </select>
                )}
                <span id="reg-stationId-hint" className={styles.hint}>
                  由这个实践站审核您的注册
                </span>
                {fieldError('stationId')}
              </div>

              <fieldset className={v.fieldset} aria-describedby={describedBy('category')}>
                <legend className={v.legend}>志愿者类别</legend>
                <div className={v.chips} id="reg-category" tabIndex={-1}>
                  {VOLUNTEER_CATEGORIES.map((c) => (
                    <label key={c} className={`${v.chip} ${draft.category === c ? v.chipOn : ''}`}>
                      <input type="radio" name="category" value={c} className="sr-only" checked={draft.category === c} onChange={() => set('category', c)} />
                      {c}
                    </label>
                  ))}
                </div>
                {fieldError('category')}
              </fieldset>

              <fieldset className={v.fieldset} aria-describedby={describedBy('serviceCategories')}>
                <legend className={v.legend}>
                  服务类别 <small>（最多选 {MAX_SERVICE_CATEGORIES} 个，已选 {draft.serviceCategories.length} 个）</small>
                </legend>
                <div className={v.chips} id="reg-serviceCategories" tabIndex={-1}>
                  {SERVICE_CATEGORIES.map((c) => {
                    const on = draft.serviceCategories.includes(c);
                    const full = !on && draft.serviceCategories.length >= MAX_SERVICE_CATEGORIES;
                    return (
                      <label key={c} className={`${v.chip} ${on ? v.chipOn : ''} ${full ? v.chipOff : ''}`}>
                        <input
                          type="checkbox"
                          className="sr-only"
                          checked={on}
                          disabled={full}
                          onChange={() => set('serviceCategories', on ? draft.serviceCategories.filter((x) => x !== c) : [...draft.serviceCategories, c])}
                        />
                        {c}
                      </label>
                    );
                  })}
                </div>
                {fieldError('serviceCategories')}
              </fieldset>

              <TextField
                id="skills"
                label="特长（可不填）"
                value={draft.skills}
                onChange={(x) => set('skills', x)}
                maxLength={200}
                hint="如：理发、书法、急救，多项用顿号或空格分开"
                error={fieldError('skills')}
                describedBy={describedBy('skills', true)}
              />

              <fieldset className={v.fieldset}>
                <legend className={v.legend}>
                  空闲时间（可不选） <small>点一下选中，再点取消</small>
                </legend>
                <table className={v.slots}>
                  <thead>
                    <tr>
                      <td />
                      {DAY_PARTS.map((p) => (
                        <th key={p} scope="col">
                          {DAY_PART_LABELS[p]}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {WEEKDAYS.map((d) => (
                      <tr key={d}>
                        <th scope="row">{WEEKDAY_LABELS[d]}</th>
                        {DAY_PARTS.map((p) => {
                          const slot = `${d}-${p}`;
                          const on = draft.availability.includes(slot);
                          return (
                            <td key={p}>
                              <button
                                type="button"
                                className={v.slot}
                                aria-pressed={on}
                                aria-label={`${WEEKDAY_LABELS[d]}${DAY_PART_LABELS[p]}`}
                                onClick={() => set('availability', on ? draft.availability.filter((x) => x !== slot) : [...draft.availability, slot])}
                              >
                                {on ? '有空' : '—'}
                              </button>
                            </td>
                          );
                        })}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </fieldset>
            </>
          ) : null}

          {step === 2 ? (
            <>
              <div className={v.consent} id="reg-consent">
                <h3>我们收集哪些信息、为什么</h3>
                <ul>
                  <li>姓名、身份证号、手机号：核实身份、联系您，出具志愿服务记录证明；性别和出生日期从身份证号读取。</li>
                  <li>所在实践站、类别、服务类别、特长、空闲时间：为您推荐合适的志愿服务活动。</li>
                  <li>服务记录（时间、地点、内容、时长）：按《志愿服务记录与证明出具办法（试行）》记录，您可以随时查看和申请更正。</li>
                </ul>
                <h3>谁能看到</h3>
                <p>只有您所在实践站和实践所的工作人员。身份证号加密保存，页面上只显示部分号码。</p>
                <h3>我们的承诺</h3>
                <p>依照《志愿服务条例》第二十一条，未经您本人同意，不公开、不泄露您的个人信息。您可以随时申请退出。</p>
              </div>

              {minor ? (
                <fieldset className={v.fieldset}>
                  <legend className={v.legend}>监护人同意（未满 18 周岁必填）</legend>
                  <div className={styles.form}>
                    <TextField id="guardianName" label="监护人姓名" value={draft.guardianName} onChange={(x) => set('guardianName', x)} maxLength={32} error={fieldError('guardianName')} describedBy={describedBy('guardianName')} />
                    <TextField
                      id="guardianRelation"
                      label="与您的关系"
                      value={draft.guardianRelation}
                      onChange={(x) => set('guardianRelation', x)}
                      maxLength={16}
                      hint="如：父亲、母亲"
                      error={fieldError('guardianRelation')}
                      describedBy={describedBy('guardianRelation', true)}
                    />
                    <TextField
                      id="guardianPhone"
                      label="监护人手机号"
                      value={draft.guardianPhone}
                      onChange={(x) => set('guardianPhone', x.replace(/\D/g, ''))}
                      inputMode="tel"
                      maxLength={11}
                      error={fieldError('guardianPhone')}
                      describedBy={describedBy('guardianPhone')}
                    />
                    <div className={v.chips} role="radiogroup" aria-label="监护人如何同意">
                      {(Object.keys(GUARDIAN_CONSENT_METHODS) as GuardianMethod[]).map((m) => (
                        <label key={m} className={`${v.chip} ${draft.guardianMethod === m ? v.chipOn : ''}`}>
                          <input type="radio" name="guardianMethod" className="sr-only" checked={draft.guardianMethod === m} onChange={() => set('guardianMethod', m)} />
                          {GUARDIAN_CONSENT_METHODS[m]}
                        </label>
                      ))}
                    </div>
                  </div>
                </fieldset>
              ) : null}

              <div className={styles.field}>
                <label className={`${v.agree} ${draft.agree ? v.agreeOn : ''}`}>
                  <input
                    id="reg-agree"
                    type="checkbox"
                    checked={draft.agree}
                    onChange={(e) => set('agree', e.target.checked)}
                    aria-invalid={!!errors.agree}
                    aria-describedby={errors.agree ? 'reg-agree-error' : undefined}
                  />
                  <span>我已阅读以上说明，同意登记为志愿者并按上述方式使用我的信息</span>
                </label>
                {fieldError('agree')}
              </div>

              {!me ? (
                <div className={styles.field}>
                  <label className={styles.label} htmlFor="reg-password">
                    设置登录密码
                  </label>
                  <input type="text" name="username" autoComplete="username" value={draft.phone} readOnly hidden />
                  <input
                    id="reg-password"
                    type={showPassword ? 'text' : 'password'}
                    className={styles.input}
                    value={draft.password}
                    onChange={(e) => set('password', e.target.value)}
                    autoComplete="new-password"
                    maxLength={128}
                    aria-invalid={!!errors.password}
                    aria-describedby={errors.password ? 'reg-password-error reg-password-hint' : 'reg-password-hint'}
                  />
                  <button type="button" className={v.linkButton} aria-pressed={showPassword} onClick={() => setShowPassword(!showPassword)}>
                    {showPassword ? '隐藏密码' : '显示密码'}
                  </button>
                  <div id="reg-password-hint">
                    <span className={styles.hint}>以后用手机号 {draft.phone || '（第 1 步填写的号码）'} 和这个密码登录。</span>
                    <ul className={styles.checks} aria-label="密码要求">
                      {passwordChecks(draft.password, draft.phone).map((c) => (
                        <li key={c.label} className={c.ok ? `${styles.check} ${styles.checkOk}` : styles.check}>
                          <span aria-hidden="true">{c.ok ? '✓' : '·'}</span>
                          <span>
                            {c.label.replace('账号名', '手机号')}
                            <span className="sr-only">{c.ok ? '（已满足）' : '（未满足）'}</span>
                          </span>
                        </li>
                      ))}
                    </ul>
                  </div>
                  {fieldError('password')}
                </div>
              ) : null}
            </>
          ) : null}

          {errors.form ? (
            <div className={styles.errorBox} role="alert">
              {errors.form}
              {duplicatePhone ? (
                <>
                  {' '}
                  <Link to="/login?next=/m/register">去登录</Link>
                </>
              ) : null}
            </div>
          ) : null}

          <div className={v.navRow}>
            {step > 0 ? (
              <button type="button" className={`${styles.btn} ${styles.btnGhost}`} onClick={() => setStep((step - 1) as 0 | 1)} disabled={pending}>
                上一步
              </button>
            ) : null}
            <button type="submit" className={styles.btn} disabled={pending || (step === 0 && tooYoung)}>
              {step < 2 ? '下一步' : pending ? '正在提交…' : '提交注册'}
            </button>
          </div>
        </form>
      </section>
    </>
  );
}

function TextField({
  id,
  label,
  value,
  onChange,
  error,
  describedBy,
  hint,
  ...rest
}: {
  id: keyof Draft;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: ReactNode;
  describedBy?: string;
  hint?: string;
  autoComplete?: string;
  inputMode?: 'tel' | 'text';
  maxLength?: number;
}) {
  return (
    <div className={styles.field}>
      <label className={styles.label} htmlFor={`reg-${id}`}>
        {label}
      </label>
      <input
        id={`reg-${id}`}
        className={styles.input}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={!!error}
        aria-describedby={describedBy}
        {...rest}
      />
      {hint ? (
        <span id={`reg-${id}-hint`} className={styles.hint}>
          {hint}
        </span>
      ) : null}
      {error}
    </div>
  );
}
