import { useState } from 'react';
import { LIMITS } from '../../../shared/patterns';
import { passwordChecks } from '../../lib/password-checks';
import { GUARDIAN_CONSENT_METHODS } from '../../lib/volunteer-labels';
import styles from '../mobile.module.css';
import v from '../volunteer.module.css';
import type { GuardianMethod } from './draft';
import { describedBy, fieldError, type StepProps, TextField } from './fields';

/** Step 3: what we collect and why, the guardian of a minor, the consent box and (signed out) a password. */
export function ConsentStep({ draft, set, errors, minor, signedIn }: StepProps & { minor: boolean; signedIn: boolean }) {
  return (
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

      {minor ? <GuardianFields draft={draft} set={set} errors={errors} /> : null}

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
        {fieldError(errors, 'agree')}
      </div>

      {!signedIn ? <PasswordField draft={draft} set={set} errors={errors} /> : null}
    </>
  );
}

function GuardianFields({ draft, set, errors }: StepProps) {
  return (
    <fieldset className={v.fieldset}>
      <legend className={v.legend}>监护人同意（未满 18 周岁必填）</legend>
      <div className={styles.form}>
        <TextField
          id="guardianName"
          label="监护人姓名"
          value={draft.guardianName}
          onChange={(x) => set('guardianName', x)}
          maxLength={LIMITS.personName}
          error={fieldError(errors, 'guardianName')}
          describedBy={describedBy(errors, 'guardianName')}
        />
        <TextField
          id="guardianRelation"
          label="与您的关系"
          value={draft.guardianRelation}
          onChange={(x) => set('guardianRelation', x)}
          maxLength={16}
          hint="如：父亲、母亲"
          error={fieldError(errors, 'guardianRelation')}
          describedBy={describedBy(errors, 'guardianRelation', true)}
        />
        <TextField
          id="guardianPhone"
          label="监护人手机号"
          value={draft.guardianPhone}
          onChange={(x) => set('guardianPhone', x.replace(/\D/g, ''))}
          inputMode="tel"
          maxLength={11}
          error={fieldError(errors, 'guardianPhone')}
          describedBy={describedBy(errors, 'guardianPhone')}
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
  );
}

function PasswordField({ draft, set, errors }: StepProps) {
  const [showPassword, setShowPassword] = useState(false);
  return (
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
      {fieldError(errors, 'password')}
    </div>
  );
}
