import type { usePublicUnits } from '../../lib/queries/public';
import { DAY_PART_LABELS, DAY_PARTS, SERVICE_CATEGORIES, VOLUNTEER_CATEGORIES, WEEKDAY_LABELS, WEEKDAYS } from '../../lib/volunteer-labels';
import styles from '../mobile.module.css';
import v from '../volunteer.module.css';
import { MAX_SERVICE_CATEGORIES } from './draft';
import { describedBy, fieldError, type StepProps, TextField } from './fields';

type Station = { id: string; name: string };

/** Step 2: station, category, service categories, skills and free time. */
export function IntentStep({ draft, set, errors, units, stations }: StepProps & { units: ReturnType<typeof usePublicUnits>; stations: Station[] }) {
  return (
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
            aria-describedby={describedBy(errors, 'stationId', true)}
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
        {fieldError(errors, 'stationId')}
      </div>

      <fieldset className={v.fieldset} aria-describedby={describedBy(errors, 'category')}>
        <legend className={v.legend}>志愿者类别</legend>
        <div className={v.chips} id="reg-category" tabIndex={-1}>
          {VOLUNTEER_CATEGORIES.map((c) => (
            <label key={c} className={`${v.chip} ${draft.category === c ? v.chipOn : ''}`}>
              <input type="radio" name="category" value={c} className="sr-only" checked={draft.category === c} onChange={() => set('category', c)} />
              {c}
            </label>
          ))}
        </div>
        {fieldError(errors, 'category')}
      </fieldset>

      <fieldset className={v.fieldset} aria-describedby={describedBy(errors, 'serviceCategories')}>
        <legend className={v.legend}>
          服务类别{' '}
          <small>
            （最多选 {MAX_SERVICE_CATEGORIES} 个，已选 {draft.serviceCategories.length} 个）
          </small>
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
        {fieldError(errors, 'serviceCategories')}
      </fieldset>

      <TextField
        id="skills"
        label="特长（可不填）"
        value={draft.skills}
        onChange={(x) => set('skills', x)}
        maxLength={200}
        hint="如：理发、书法、急救，多项用顿号或空格分开"
        error={fieldError(errors, 'skills')}
        describedBy={describedBy(errors, 'skills', true)}
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
  );
}
