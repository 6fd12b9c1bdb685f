import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ApiError, errorMessage } from '../lib/api';
import { usePublicUnits } from '../lib/queries/public';
import { useMyVolunteer, useRegisterSelf, useSignUp } from '../lib/queries/volunteers';
import { useSession } from '../lib/session';
import { useTitle } from '../lib/title';
import { ADULT_AGE, MIN_VOLUNTEER_AGE } from '../lib/volunteer-labels';
import styles from './mobile.module.css';
import {
  CODE_FIELD,
  type Draft,
  EMPTY,
  type Errors,
  fieldOfPath,
  focusFirstError,
  readId,
  registrationOf,
  STEP_OF,
  STEPS,
  type Standing,
  type Step,
  validateStep,
} from './register/draft';
import { ConsentStep } from './register/step-consent';
import { IdentityStep } from './register/step-identity';
import { IntentStep } from './register/step-intent';
import v from './volunteer.module.css';

export default function RegisterPage() {
  useTitle('志愿者注册');
  const session = useSession();
  const me = session.data;
  const mine = useMyVolunteer(!!me);
  const units = usePublicUnits();
  const navigate = useNavigate();
  const registerSelf = useRegisterSelf();
  const signUp = useSignUp();
  const [step, setStep] = useState<Step>(0);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [errors, setErrors] = useState<Errors>({});
  const [duplicatePhone, setDuplicatePhone] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const shownStep = useRef(step);

  const stations = useMemo(() => (units.data ?? []).filter((u) => u.kind === 'station'), [units.data]);
  const identity = readId(draft.idNumber);
  const standing: Standing = {
    identity,
    tooYoung: identity !== null && identity.age < MIN_VOLUNTEER_AGE,
    minor: identity !== null && identity.age >= MIN_VOLUNTEER_AGE && identity.age < ADULT_AGE,
    signedIn: !!me,
  };
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
  const flag = (key: keyof Draft, message: string) => setErrors((e) => ({ ...e, [key]: message }));

  const next = (event: FormEvent) => {
    event.preventDefault();
    const e = validateStep(step, draft, standing);
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
      setStep(Math.min(...placed.map((k) => STEP_OF[k])) as Step);
      focusFirstError(e);
    }
  };

  const submit = () => {
    const input = registrationOf(draft, standing.minor);
    const done = { onSuccess: () => navigate('/m/volunteer', { replace: true }), onError: showServerError };
    if (me) registerSelf.mutate(input, done);
    else signUp.mutate({ ...input, password: draft.password }, done);
  };

  const stepProps = { draft, set, errors };

  return (
    <>
      <ol className={v.steps} aria-label="注册步骤">
        {STEPS.map((label, i) => (
          <li key={label} className={`${v.step} ${i === step ? v.stepCurrent : i < step ? v.stepDone : ''}`} aria-current={i === step ? 'step' : undefined}>
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

          {step === 0 ? <IdentityStep {...stepProps} standing={standing} flag={flag} /> : null}
          {step === 1 ? <IntentStep {...stepProps} units={units} stations={stations} /> : null}
          {step === 2 ? <ConsentStep {...stepProps} minor={standing.minor} signedIn={!!me} /> : null}

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
            <button type="submit" className={styles.btn} disabled={pending || (step === 0 && standing.tooYoung)}>
              {step < 2 ? '下一步' : pending ? '正在提交…' : '提交注册'}
            </button>
          </div>
        </form>
      </section>
    </>
  );
}
