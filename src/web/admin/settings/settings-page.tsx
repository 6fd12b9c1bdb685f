import { CloseOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, DatePicker, Empty, Flex, InputNumber, Popconfirm, Skeleton, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useId, useState } from 'react';
import { ROLES } from '../../../shared/labels';
import { type RuleView, type SettingsView, TOTP_ROLE_CHOICES } from '../../../shared/settings';
import { formatDateTime } from '../../lib/format';
import { useResetRule, useSaveRule, useSettings } from '../../lib/queries/settings';
import { PageHeader } from '../components/page-header';
import { ToneTag } from '../components/tags';
import { Open311KeysSection } from '../orders/open311-keys-section';

const STAR_LABELS = ['一星', '二星', '三星', '四星', '五星', '六星', '七星', '八星', '九星', '十星'];

type Range = { min: number; max: number };

function isRange(v: unknown): v is Range {
  return !!v && typeof v === 'object' && typeof (v as Range).min === 'number' && typeof (v as Range).max === 'number';
}
const asNumbers = (v: unknown): number[] => (Array.isArray(v) ? v.filter((x): x is number => typeof x === 'number') : []);
const asDates = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** A rule's value as a person reads it. */
export function describeValue(rule: Pick<RuleView, 'editor' | 'unit'>, value: unknown): string {
  const unit = rule.unit ? ` ${rule.unit}` : '';
  switch (rule.editor) {
    case 'integer':
      return typeof value === 'number' ? `${value}${unit}` : '—';
    case 'range':
      if (!isRange(value)) return '—';
      return value.min === value.max ? `${value.min}${unit}` : `${value.min}–${value.max}${unit}`;
    case 'thresholds':
      return (
        asNumbers(value)
          .map((n, i) => `${STAR_LABELS[i] ?? `${i + 1} 级`} ${n}`)
          .join('，') + unit
      );
    case 'dates': {
      const dates = asDates(value);
      return dates.length ? `共 ${dates.length} 天（${dates[0]} 至 ${dates[dates.length - 1]}）` : '未设置';
    }
    case 'roles': {
      const roles = asDates(value).map((r) => ROLES[r as keyof typeof ROLES]?.label ?? r);
      return roles.length ? roles.join('、') : '不要求';
    }
  }
}

/** What is wrong with a draft before it is sent; the server checks again with the shared schema. */
function draftProblem(rule: RuleView, value: unknown): string | null {
  switch (rule.editor) {
    case 'integer':
      return typeof value === 'number' ? null : '请输入数值';
    case 'range':
      if (!isRange(value)) return '请输入下限和上限';
      return value.min <= value.max ? null : '下限不能大于上限';
    case 'thresholds': {
      const list = value as (number | null)[];
      if (list.some((v) => typeof v !== 'number')) return '请填写每一级的门槛';
      return asNumbers(list).every((v, i, a) => i === 0 || v > a[i - 1]) ? null : '各级门槛必须逐级递增';
    }
    case 'dates':
    case 'roles':
      return null;
  }
}

export default function SettingsPage() {
  const settings = useSettings();

  return (
    <>
      <PageHeader
        title="规则设置"
        description="工作方案中的各项数字都是可调整的规则：街道未调整时使用区里设定的默认值（区里也未设定时，使用工作方案的默认值），调整后全街道按新值执行。每次修改都记入审计日志。"
      />
      {settings.isPending ? <Skeleton active paragraph={{ rows: 10 }} /> : null}
      {settings.error ? <Alert type="error" showIcon title="规则加载失败" description={settings.error.message} /> : null}
      {settings.data?.length === 0 ? <Empty description="没有可查看的规则" /> : null}
      {settings.data?.map((view) => (
        <UnitRules key={view.unitId} view={view} showUnitName={(settings.data?.length ?? 0) > 1} />
      ))}
      <Open311KeysSection />
    </>
  );
}

function UnitRules({ view, showUnitName }: { view: SettingsView; showUnitName: boolean }) {
  return (
    <section aria-label={`${view.unitName}的规则`} style={{ marginBottom: 24 }}>
      {showUnitName ? (
        <Typography.Title level={2} style={{ fontSize: 18 }}>
          {view.unitName}
        </Typography.Title>
      ) : null}
      {view.level === 'district' ? (
        <Alert
          type="info"
          showIcon
          title="区级默认规则"
          description="这里设置的取值是全区各街道的默认值：街道未自行调整的规则按区级默认执行，街道自行调整的以街道为准。"
          style={{ marginBottom: 16 }}
        />
      ) : view.districtName && view.rules.some((r) => r.origin === 'district') ? (
        <Alert type="info" showIcon title={`标有“区级默认”的规则采用${view.districtName}设定的默认值；本所调整后以本所为准。`} style={{ marginBottom: 16 }} />
      ) : null}
      {!view.canEdit ? (
        <Alert
          type="info"
          showIcon
          title={`您可以查看${view.unitName}的规则，修改需由${view.level === 'district' ? '区级管理员' : '实践所管理员'}进行。`}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 480px), 1fr))', gridAutoFlow: 'dense', gap: 16 }}>
        {view.rules.map((rule) => (
          <RuleCard key={rule.key} unitId={view.unitId} rule={rule} canEdit={view.canEdit} />
        ))}
      </div>
    </section>
  );
}

function RuleCard({ unitId, rule, canEdit }: { unitId: string; rule: RuleView; canEdit: boolean }) {
  const { message } = App.useApp();
  const save = useSaveRule();
  const reset = useResetRule();
  const [draft, setDraft] = useState<unknown>(rule.value);
  const [error, setError] = useState<string | null>(null);
  const headingId = useId();

  useEffect(() => {
    setDraft(rule.value);
    setError(null);
  }, [rule.value]);

  const changed = JSON.stringify(draft) !== JSON.stringify(rule.value);
  const problem = changed ? draftProblem(rule, draft) : null;

  const onSave = () => {
    setError(null);
    save.mutate(
      { unitId, key: rule.key, value: draft },
      { onSuccess: () => void message.success(`已保存：${rule.label}`), onError: (err) => setError(err.message) },
    );
  };
  const onReset = () =>
    reset.mutateAsync({ unitId, key: rule.key }).then(
      () => void message.success(`已恢复默认值：${rule.label}`),
      (err: Error) => setError(err.message),
    );

  return (
    <Card
      variant="borderless"
      aria-labelledby={headingId}
      style={rule.editor === 'dates' || (canEdit && rule.editor === 'thresholds') ? { gridColumn: '1 / -1' } : undefined}
    >
      <Flex justify="space-between" align="flex-start" gap={16} wrap>
        <div style={{ minWidth: 0, flex: '1 1 420px' }}>
          <Flex align="center" gap={8} wrap>
            <Typography.Title level={2} id={headingId} style={{ fontSize: 16, margin: 0 }}>
              {rule.label}
            </Typography.Title>
            {rule.origin === 'district' ? (
              <ToneTag tone="blue">区级默认</ToneTag>
            ) : rule.isDefault ? (
              <ToneTag tone="green">默认值</ToneTag>
            ) : (
              <ToneTag tone="gold">已调整</ToneTag>
            )}
          </Flex>
          <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0' }}>
            出处：{rule.source}
          </Typography.Paragraph>
          <Typography.Paragraph style={{ margin: '6px 0 0' }}>
            当前值：<strong>{describeValue(rule, rule.value)}</strong>
            {!rule.isDefault ? <Typography.Text type="secondary">（默认值：{describeValue(rule, rule.inheritedValue)}）</Typography.Text> : null}
            {rule.origin === 'district' ? <Typography.Text type="secondary">（方案默认值：{describeValue(rule, rule.defaultValue)}）</Typography.Text> : null}
          </Typography.Paragraph>
          {!rule.isDefault && rule.updatedAt ? (
            <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', fontSize: 13 }}>
              {rule.updatedBy ? `${rule.updatedBy} ` : ''}修改于 {formatDateTime(rule.updatedAt)}
            </Typography.Paragraph>
          ) : null}
        </div>
      </Flex>
      {canEdit ? (
        <div style={{ marginTop: 16 }}>
          <RuleEditor rule={rule} value={draft} onChange={setDraft} />
          {problem || error ? <Alert type="error" showIcon title={problem ?? error} style={{ marginTop: 12 }} role="alert" /> : null}
          <Space style={{ marginTop: 12 }} wrap>
            <Button type="primary" onClick={onSave} disabled={!changed || !!problem} loading={save.isPending}>
              保存
            </Button>
            {changed ? <Button onClick={() => setDraft(rule.value)}>取消修改</Button> : null}
            <Popconfirm
              title="恢复为默认值？"
              description={`将改回：${describeValue(rule, rule.inheritedValue)}`}
              okText="恢复默认"
              onConfirm={onReset}
              disabled={rule.isDefault}
            >
              <Button disabled={rule.isDefault} loading={reset.isPending}>
                恢复默认
              </Button>
            </Popconfirm>
          </Space>
        </div>
      ) : rule.editor === 'dates' ? (
        <DateChips dates={asDates(rule.value)} />
      ) : null}
    </Card>
  );
}

function DateChips({ dates, onRemove }: { dates: string[]; onRemove?: (d: string) => void }) {
  return (
    <ul style={{ listStyle: 'none', margin: '12px 0 0', padding: 0, display: 'flex', flexWrap: 'wrap', gap: 8 }}>
      {[...dates].sort().map((d) => (
        <li
          key={d}
          style={{
            display: 'inline-flex',
            alignItems: 'center',
            border: '1px solid #dcdfe4',
            borderRadius: 6,
            padding: onRemove ? '0 0 0 10px' : '1px 10px',
            background: '#fafbfc',
          }}
        >
          <span>
            {d} {dayjs(d).format('ddd')}
          </span>
          {onRemove ? <Button type="text" size="small" icon={<CloseOutlined />} aria-label={`移除 ${d}`} onClick={() => onRemove(d)} /> : null}
        </li>
      ))}
    </ul>
  );
}

function RuleEditor({ rule, value, onChange }: { rule: RuleView; value: unknown; onChange: (v: unknown) => void }) {
  const id = useId();
  const unit = rule.unit ? <span style={{ marginInlineStart: 6 }}>{rule.unit}</span> : null;
  switch (rule.editor) {
    case 'integer':
      return (
        <Flex align="center" gap={4}>
          <InputNumber
            aria-label={rule.label}
            value={typeof value === 'number' ? value : null}
            min={0}
            precision={0}
            onChange={(v) => onChange(v ?? null)}
            style={{ width: 160 }}
          />
          {unit}
        </Flex>
      );
    case 'range': {
      const range = isRange(value) ? value : { min: 0, max: 0 };
      return (
        <Flex align="center" gap={8} wrap>
          <label htmlFor={`${id}-min`}>下限</label>
          <InputNumber
            id={`${id}-min`}
            value={range.min}
            min={0}
            max={100}
            precision={0}
            onChange={(v) => onChange({ ...range, min: v ?? 0 })}
            style={{ width: 110 }}
          />
          <span aria-hidden="true">—</span>
          <label htmlFor={`${id}-max`}>上限</label>
          <InputNumber
            id={`${id}-max`}
            value={range.max}
            min={0}
            max={100}
            precision={0}
            onChange={(v) => onChange({ ...range, max: v ?? 0 })}
            style={{ width: 110 }}
          />
          {unit}
        </Flex>
      );
    }
    case 'thresholds': {
      const list = Array.isArray(value) ? (value as (number | null)[]) : [];
      return (
        <Flex gap={12} wrap>
          {list.map((n, i) => (
            <Flex key={STAR_LABELS[i] ?? i} vertical gap={4}>
              <label htmlFor={`${id}-${i}`}>{STAR_LABELS[i] ?? `${i + 1} 级`}</label>
              <InputNumber
                id={`${id}-${i}`}
                value={n}
                min={1}
                max={100000}
                precision={0}
                onChange={(v) => onChange(list.map((x, j) => (j === i ? v : x)))}
                style={{ width: 120 }}
              />
            </Flex>
          ))}
          {unit ? <span style={{ alignSelf: 'flex-end', paddingBottom: 6 }}>{rule.unit}</span> : null}
        </Flex>
      );
    }
    case 'dates':
      return <DatesEditor label={rule.label} dates={asDates(value)} onChange={onChange} />;
    case 'roles':
      return (
        <Checkbox.Group
          aria-label={rule.label}
          value={asDates(value)}
          onChange={(v) => onChange(TOTP_ROLE_CHOICES.filter((r) => v.includes(r)))}
          options={TOTP_ROLE_CHOICES.map((r) => ({ value: r, label: ROLES[r].label }))}
        />
      );
  }
}

function DatesEditor({ label, dates, onChange }: { label: string; dates: string[]; onChange: (v: string[]) => void }) {
  const sorted = [...dates].sort();
  return (
    <div>
      <Flex align="center" gap={8} wrap>
        <DatePicker
          aria-label={`添加日期：${label}`}
          placeholder="添加日期"
          value={null}
          style={{ width: 180 }}
          onChange={(d: Dayjs | null) => {
            if (!d) return;
            const iso = d.format('YYYY-MM-DD');
            if (!sorted.includes(iso)) onChange([...sorted, iso].sort());
          }}
          disabledDate={(d: Dayjs) => sorted.includes(d.format('YYYY-MM-DD'))}
        />
        <Typography.Text type="secondary">共 {sorted.length} 天</Typography.Text>
      </Flex>
      {sorted.length === 0 ? (
        <Typography.Text type="secondary">尚未添加日期</Typography.Text>
      ) : (
        <DateChips dates={sorted} onRemove={(d) => onChange(sorted.filter((x) => x !== d))} />
      )}
    </div>
  );
}
