import { Alert, Form, Input, Radio, Select, Space, Spin, Typography } from 'antd';
import { useMemo } from 'react';
import { limitsOf, rulesFrom } from '../../lib/form';
import { type OrderTargetType, type OrderView, TARGET_LABELS, useSuggestions } from '../../lib/queries/orders';
import { usePublicUnits } from '../../lib/queries/public';
import { useTeams } from '../../lib/queries/teams';
import { ToneTag } from '../components/tags';
import { VolunteerPicker } from '../components/volunteer-picker';
import { A, type Values, VerifiedField } from './action-fields';

const TARGET_ORDER: OrderTargetType[] = ['pool', 'volunteer', 'team', 'station', 'institute'];
const TARGET_HELP: Record<OrderTargetType, string> = {
  pool: '全街道已认证的志愿者都能在手机上看到并接单，先到先得',
  volunteer: '派给一位志愿者；按技能、距离、空闲时间和评价推荐',
  team: '派给一支志愿服务队，队员都能接单',
  station: '派给一个实践站，该站志愿者都能接单',
  institute: '上报实践所统筹',
};

export function DispatchFields({ order }: { order: OrderView }) {
  const form = Form.useFormInstance<Values>();
  const type = (Form.useWatch('targetType', form) ?? 'pool') as OrderTargetType;

  return (
    <>
      <VerifiedField order={order} required />
      <Form.Item name="targetType" label="派给" rules={[{ required: true }]} extra={TARGET_HELP[type]}>
        <Radio.Group
          optionType="button"
          options={TARGET_ORDER.map((t) => ({ value: t, label: TARGET_LABELS[t] }))}
          onChange={() => form.setFieldValue('targetId', undefined)}
        />
      </Form.Item>
      {type === 'volunteer' ? <VolunteerTarget order={order} /> : null}
      {type === 'team' ? <TeamTarget /> : null}
      {type === 'station' || type === 'institute' ? <UnitTarget kind={type} order={order} /> : null}
      <Form.Item name="note" label="派单说明" rules={rulesFrom(A.note)}>
        <Input.TextArea rows={2} maxLength={limitsOf(A.note).maxLength} placeholder="如：居民行动不便，请提前电话联系" />
      </Form.Item>
    </>
  );
}

/** Ranked suggestions with the reasons behind each score (PIPL 第二十四条: automated choices are explained). */
function VolunteerTarget({ order }: { order: OrderView }) {
  const form = Form.useFormInstance<Values>();
  const suggestions = useSuggestions(order.id, true);
  const picked = Form.useWatch('targetId', form);
  const suggested = useMemo(() => new Set((suggestions.data ?? []).map((s) => s.volunteerId)), [suggestions.data]);

  return (
    <Form.Item label="志愿者" required>
      <Form.Item name="targetId" noStyle rules={[{ required: true, message: '请选择一位志愿者' }]}>
        <Radio.Group style={{ width: '100%' }} aria-label="推荐的志愿者">
          {suggestions.isPending ? (
            <Spin description="正在计算推荐…" />
          ) : suggestions.error ? (
            <Alert type="error" showIcon title="推荐加载失败" description={suggestions.error.message} />
          ) : (suggestions.data ?? []).length === 0 ? (
            <Typography.Text type="secondary">没有合适的推荐，请在下方查找志愿者。</Typography.Text>
          ) : (
            <ol
              style={{ listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: 8, maxHeight: 360, overflowY: 'auto' }}
              data-testid="suggestions"
            >
              {(suggestions.data ?? []).map((s) => (
                <li
                  key={s.volunteerId}
                  style={{ border: `1px solid ${picked === s.volunteerId ? '#c7000b' : '#dcdfe4'}`, borderRadius: 8, padding: '8px 12px' }}
                >
                  <Radio value={s.volunteerId}>
                    <strong>{s.name}</strong>
                    <Typography.Text style={{ marginInlineStart: 8 }}>匹配度 {Math.round(s.score)}</Typography.Text>
                  </Radio>
                  <div style={{ marginTop: 4, paddingInlineStart: 24 }}>
                    {s.reasons.map((r) => (
                      <ToneTag key={r} tone="grey">
                        {r}
                      </ToneTag>
                    ))}
                  </div>
                </li>
              ))}
            </ol>
          )}
        </Radio.Group>
      </Form.Item>
      <Space orientation="vertical" style={{ width: '100%', marginTop: 12 }}>
        <Typography.Text type="secondary">或查找其他志愿者：</Typography.Text>
        <VolunteerPicker
          value={picked && !suggested.has(picked) ? picked : undefined}
          onChange={(id) => form.setFieldValue('targetId', id)}
          placeholder="输入姓名、志愿者编号或手机号"
        />
      </Space>
    </Form.Item>
  );
}

function TeamTarget() {
  const teams = useTeams();
  return (
    <Form.Item name="targetId" label="志愿服务队" rules={[{ required: true, message: '请选择队伍' }]}>
      <Select
        showSearch={{ optionFilterProp: 'label' }}
        loading={teams.isPending}
        options={(teams.data ?? []).filter((t) => !t.archived).map((t) => ({ value: t.id, label: `${t.name}（${t.unitName}，${t.memberCount} 人）` }))}
        placeholder="选择队伍"
      />
    </Form.Item>
  );
}

/**
 * Any station of the same street, or its institute. The public directory is used because a
 * station admin's own unit list holds only their station, yet they may pass an order to a
 * neighbouring station or up to the institute (the server checks it is the same street).
 */
function UnitTarget({ kind, order }: { kind: 'station' | 'institute'; order: OrderView }) {
  const units = usePublicUnits();
  const all = units.data ?? [];
  const home = all.find((u) => u.id === order.unitId);
  const instituteId = home?.kind === 'institute' ? home.id : home?.parentId;
  const options = all
    .filter((u) => u.kind === kind && (kind === 'institute' ? u.id === instituteId : u.parentId === instituteId))
    .map((u) => ({ value: u.id, label: u.id === order.unitId ? `${u.name}（本站）` : u.name }));
  return (
    <Form.Item name="targetId" label={kind === 'station' ? '实践站' : '实践所'} rules={[{ required: true, message: '请选择' }]}>
      <Select showSearch={{ optionFilterProp: 'label' }} loading={units.isPending} options={options} />
    </Form.Item>
  );
}
