import { messageFor } from '../../../shared/errors';
import { LIMITS } from '../../../shared/patterns';
import { idNumberProblem, normaliseIdNumber } from '../../../shared/rules/id-number';
import styles from '../mobile.module.css';
import v from '../volunteer.module.css';
import { type Draft, formatBirth, ID_PROBLEMS, type Standing } from './draft';
import { describedBy, fieldError, type StepProps, TextField } from './fields';

/** Step 1: name, ID number (birth date, age and gender read from it) and phone. */
export function IdentityStep({
  draft,
  set,
  errors,
  standing: { identity, tooYoung, minor, signedIn },
  flag,
}: StepProps & { standing: Standing; flag: (key: keyof Draft, message: string) => void }) {
  return (
    <>
      <TextField
        id="name"
        label="姓名"
        value={draft.name}
        onChange={(x) => set('name', x)}
        autoComplete="name"
        maxLength={LIMITS.personName}
        error={fieldError(errors, 'name')}
        describedBy={describedBy(errors, 'name')}
      />
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
            if (id && idNumberProblem(id)) flag('idNumber', ID_PROBLEMS[idNumberProblem(id) ?? 'format']);
          }}
          inputMode="text"
          autoComplete="off"
          maxLength={22}
          aria-invalid={!!errors.idNumber}
          aria-describedby={describedBy(errors, 'idNumber', true)}
        />
        <span id="reg-idNumber-hint" className={styles.hint}>
          出生日期和性别从身份证号自动读取，不用再填
        </span>
        {fieldError(errors, 'idNumber')}
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
        hint={signedIn ? '工作人员联系您时使用' : '注册后用这个手机号登录'}
        error={fieldError(errors, 'phone')}
        describedBy={describedBy(errors, 'phone', true)}
      />
    </>
  );
}
