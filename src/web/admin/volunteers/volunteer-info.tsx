import { App, Button, Card, DatePicker, Descriptions, Empty, Space, Timeline, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { CONSENT_METHODS, VOLUNTEER_STATUSES, type VolunteerView } from '../../../shared/volunteers';
import { errorMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useUpdateVolunteer, type StatusChange } from '../../lib/queries/volunteers';
import { GUARDIAN_CONSENT_METHODS, slotLabel } from '../../lib/volunteer-labels';
import { ToneTag } from '../components/tags';

export const dash = (value: string | null | undefined) => (value ? value : '—');

export function InfoCard({ volunteer: v }: { volunteer: VolunteerView }) {
  return (
    <Card variant="borderless" title="基本信息">
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'no', label: '志愿者编号', children: dash(v.volunteerNo) },
          { key: 'station', label: '所属实践站', children: v.stationName },
          { key: 'gender', label: '性别', children: v.gender === 'male' ? '男' : v.gender === 'female' ? '女' : '—' },
          {
            key: 'age',
            label: '年龄',
            children: (
              <span>
                {v.age !== null ? `${v.age} 岁` : '—'}（{dash(v.birthDate)}）{v.isMinor ? <ToneTag tone="red">未成年</ToneTag> : null}
              </span>
            ),
          },
          { key: 'id', label: '身份证号', children: <span style={{ fontFamily: 'monospace' }}>{dash(v.idNumberMasked)}</span> },
          { key: 'phone', label: '手机号', children: dash(v.phone) },
          { key: 'category', label: '志愿者类别', children: v.category },
          { key: 'service', label: '服务类别', children: v.serviceCategories.join('、') || '—' },
          { key: 'skills', label: '特长', children: v.skills.join('、') || '—' },
          { key: 'availability', label: '空闲时间', children: v.availability.map(slotLabel).join('、') || '—' },
          { key: 'political', label: '政治面貌', children: dash(v.politicalStatus) },
          { key: 'education', label: '最高学历', children: dash(v.education) },
          { key: 'ethnicity', label: '民族', children: dash(v.ethnicity) },
          { key: 'employment', label: '从业状况', children: dash(v.employment) },
          { key: 'residence', label: '居住区域', children: dash(v.residenceArea) },
          { key: 'email', label: '邮箱', children: dash(v.email) },
          { key: 'emergency', label: '紧急联系人', children: v.emergencyContact ? `${v.emergencyContact.name} ${v.emergencyContact.phone}` : '—' },
          {
            key: 'guardian',
            label: '监护人',
            children: v.guardian
              ? `${v.guardian.name}（${v.guardian.relation}）· ${(GUARDIAN_CONSENT_METHODS as Record<string, string>)[v.guardian.consentMethod] ?? v.guardian.consentMethod} · ${formatDateTime(v.guardian.consentAt).slice(0, 10)}`
              : v.isMinor
                ? '未登记'
                : '—',
          },
          {
            key: 'consent',
            label: '本人同意',
            span: 2,
            children: (
              <span>
                {CONSENT_METHODS[v.consent.method]} · {formatDateTime(v.consent.at)}
                {v.consent.byName ? ` · 经办：${v.consent.byName}` : ''}
                {v.consent.hasEvidence ? <ToneTag tone="green">已留存登记表照片</ToneTag> : null}
              </span>
            ),
          },
          { key: 'insured', label: '保险有效期至', span: 2, children: <InsuranceEditor volunteer={v} /> },
          { key: 'certified', label: '认证时间', children: v.certifiedAt ? formatDateTime(v.certifiedAt) : '—' },
        ]}
      />
    </Card>
  );
}

/** 志愿服务条例 第十七条: insurance for risky services; staff record until when it runs. */
export function InsuranceEditor({ volunteer }: { volunteer: VolunteerView }) {
  const { message } = App.useApp();
  const update = useUpdateVolunteer();
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState<Dayjs | null>(volunteer.insuredUntil ? dayjs(volunteer.insuredUntil) : null);
  const expired = volunteer.insuredUntil !== null && volunteer.insuredUntil < dayjs().format('YYYY-MM-DD');

  const save = (next: string | null) =>
    update.mutate(
      { id: volunteer.id, input: { insuredUntil: next } },
      {
        onSuccess: () => {
          message.success(next ? `保险有效期已记录至 ${next}` : '已清除保险有效期');
          setEditing(false);
        },
        onError: (err) => void message.error(errorMessage(err)),
      },
    );

  if (!editing) {
    return (
      <Space wrap>
        <span>{volunteer.insuredUntil ?? '未登记'}</span>
        {expired ? <ToneTag tone="red">已过期</ToneTag> : null}
        <Button size="small" type="link" onClick={() => setEditing(true)} aria-label="修改保险有效期">
          修改
        </Button>
      </Space>
    );
  }
  return (
    <Space wrap>
      <DatePicker value={value} onChange={setValue} aria-label="保险有效期至" />
      <Button size="small" type="primary" loading={update.isPending} disabled={!value} onClick={() => value && save(value.format('YYYY-MM-DD'))}>
        保存
      </Button>
      {volunteer.insuredUntil ? (
        <Button size="small" onClick={() => save(null)} disabled={update.isPending}>
          清除
        </Button>
      ) : null}
      <Button size="small" type="text" onClick={() => setEditing(false)}>
        取消
      </Button>
    </Space>
  );
}

export function History({ history }: { history: StatusChange[] }) {
  if (!history.length) return <Empty description="暂无状态记录" image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  const items = [...history].reverse();
  return (
    <Timeline
      items={items.map((h, i) => ({
        key: `${h.at}-${i}`,
        color: h.to === 'certified' ? 'green' : h.to === 'rejected' ? 'red' : h.to === 'reviewing' ? 'blue' : 'gray',
        title: formatDateTime(h.at),
        content: (
          <div>
            <strong>
              {h.from ? `${VOLUNTEER_STATUSES[h.from as keyof typeof VOLUNTEER_STATUSES] ?? h.from} → ` : '登记 → '}
              {h.toLabel}
            </strong>
            <div>
              <Typography.Text type="secondary">{h.actorName ? `经办：${h.actorName}` : '本人操作'}</Typography.Text>
            </div>
            {h.reason ? <div>原因：{h.reason}</div> : null}
          </div>
        ),
      }))}
    />
  );
}
