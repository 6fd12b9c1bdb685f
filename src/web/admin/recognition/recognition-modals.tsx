import { App, DatePicker, Form, Input, Radio, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { AWARD_LEVELS, type AwardView, type BenefitView, CONSENT_STATUSES } from '../../../shared/recognition';
import { STAR_NAMES } from '../../../shared/rules/stars';
import { FormModal, useSubmit } from '../../lib/form';
import { useGiveAward, useRecordConsent, useRevokeAward, useSaveBenefit } from '../../lib/queries/recognition';
import { useTeams } from '../../lib/queries/teams';
import { VolunteerPicker } from '../components/volunteer-picker';

interface AwardValues {
  kind: 'volunteer' | 'team';
  volunteerId?: string;
  teamId?: string;
  title: string;
  level: string;
  grantedBy: string;
  awardedOn: Dayjs;
  reason: string;
}

/** 颁发表彰: to one volunteer or one team; a volunteer's also goes on their service record. */
export function GiveAwardModal({ onClose }: { onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<AwardValues>();
  const [kind, setKind] = useState<'volunteer' | 'team'>('volunteer');
  const teams = useTeams({}, kind === 'team');
  const give = useGiveAward();
  const submit = useSubmit(form, give, {
    input: (v) => ({
      ...(v.kind === 'volunteer' ? { volunteerId: v.volunteerId } : { teamId: v.teamId }),
      title: v.title.trim(),
      level: v.level as (typeof AWARD_LEVELS)[number],
      grantedBy: v.grantedBy.trim(),
      awardedOn: v.awardedOn.format('YYYY-MM-DD'),
      reason: v.reason.trim(),
    }),
    onDone: (a) => {
      message.success(`已向 ${a.recipientName} 颁发「${a.title}」`);
      onClose();
    },
  });
  return (
    <FormModal
      name="award"
      form={form}
      submit={submit}
      title="颁发表彰"
      okText="颁发"
      cancelText="取消"
      onClose={onClose}
      width={600}
      requiredMark="optional"
      mask={{ closable: false }}
      initialValues={{ kind: 'volunteer', level: '街道级', awardedOn: dayjs() }}
    >
      <Form.Item name="kind" label="表彰对象" rules={[{ required: true, message: '请选择表彰对象' }]}>
        <Radio.Group
          onChange={(e) => setKind(e.target.value)}
          options={[
            { value: 'volunteer', label: '志愿者' },
            { value: 'team', label: '志愿服务队伍' },
          ]}
        />
      </Form.Item>
      {kind === 'volunteer' ? (
        <Form.Item name="volunteerId" label="志愿者" rules={[{ required: true, message: '请选择志愿者' }]}>
          <VolunteerPicker id="award-volunteer" />
        </Form.Item>
      ) : (
        <Form.Item name="teamId" label="队伍" rules={[{ required: true, message: '请选择队伍' }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="选择队伍"
            loading={teams.isPending}
            options={(teams.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
          />
        </Form.Item>
      )}
      <Form.Item
        name="title"
        label="荣誉名称"
        rules={[
          { required: true, whitespace: true, message: '请输入荣誉名称' },
          { max: 60, message: '最多 60 个字' },
        ]}
      >
        <Input placeholder="如：优秀志愿者" />
      </Form.Item>
      <Form.Item name="level" label="级别" rules={[{ required: true, message: '请选择级别' }]}>
        <Select options={AWARD_LEVELS.map((l) => ({ value: l, label: l }))} />
      </Form.Item>
      <Form.Item
        name="grantedBy"
        label="授予单位"
        rules={[
          { required: true, whitespace: true, message: '请输入授予单位' },
          { max: 60, message: '最多 60 个字' },
        ]}
      >
        <Input placeholder="如：马鞍街道办事处" />
      </Form.Item>
      <Form.Item name="awardedOn" label="表彰日期" rules={[{ required: true, message: '请选择日期' }]}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name="reason"
        label="表彰事由"
        rules={[
          { required: true, whitespace: true, message: '请输入表彰事由' },
          { max: 500, message: '最多 500 个字' },
        ]}
      >
        <Input.TextArea rows={3} placeholder="写入荣誉证书，如：长期参与助老服务，表现突出。" />
      </Form.Item>
    </FormModal>
  );
}

export function RevokeAwardModal({ award, onClose }: { award: AwardView; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const revoke = useRevokeAward();
  const submit = useSubmit(form, revoke, {
    input: (v) => ({ id: award.id, reason: v.reason.trim() }),
    onDone: () => {
      message.success('已撤销表彰');
      onClose();
    },
  });
  return (
    <FormModal
      name="revoke-award"
      form={form}
      submit={submit}
      title={`撤销表彰：${award.recipientName}「${award.title}」`}
      okText="撤销"
      cancelText="取消"
      onClose={onClose}
    >
      <p>撤销后证书不能再下载，光荣榜不再显示；原记录保留并注明撤销原因。</p>
      <Form.Item
        name="reason"
        label="撤销原因"
        rules={[
          { required: true, whitespace: true, message: '请输入撤销原因' },
          { max: 200, message: '最多 200 个字' },
        ]}
      >
        <Input.TextArea rows={2} />
      </Form.Item>
    </FormModal>
  );
}

interface BenefitValues {
  title: string;
  description: string;
  provider: string;
  minLevel: number;
  validFrom?: Dayjs | null;
  validTo?: Dayjs | null;
  active: boolean;
}

export function BenefitModal({ benefit, onClose }: { benefit: BenefitView | null; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<BenefitValues>();
  const save = useSaveBenefit();
  const submit = useSubmit(form, save, {
    input: (v) => ({
      id: benefit?.id,
      body: {
        title: v.title.trim(),
        description: v.description.trim(),
        provider: v.provider.trim(),
        minLevel: v.minLevel,
        validFrom: v.validFrom ? v.validFrom.format('YYYY-MM-DD') : null,
        validTo: v.validTo ? v.validTo.format('YYYY-MM-DD') : null,
        active: v.active,
      },
    }),
    onDone: (b) => {
      message.success(`已保存礼遇「${b.title}」`);
      onClose();
    },
  });
  const initial = benefit
    ? { ...benefit, validFrom: benefit.validFrom ? dayjs(benefit.validFrom) : null, validTo: benefit.validTo ? dayjs(benefit.validTo) : null }
    : { minLevel: 1, active: true };
  return (
    <FormModal
      name="benefit"
      form={form}
      submit={submit}
      title={benefit ? '修改礼遇' : '新增礼遇'}
      okText="保存"
      cancelText="取消"
      onClose={onClose}
      width={560}
      requiredMark="optional"
      initialValues={initial}
    >
      <Form.Item
        name="title"
        label="礼遇名称"
        rules={[
          { required: true, whitespace: true, message: '请输入礼遇名称' },
          { max: 60, message: '最多 60 个字' },
        ]}
      >
        <Input placeholder="如：爱心商家九折" />
      </Form.Item>
      <Form.Item
        name="description"
        label="说明"
        rules={[
          { required: true, whitespace: true, message: '请输入说明' },
          { max: 300, message: '最多 300 个字' },
        ]}
      >
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item
        name="provider"
        label="提供方"
        rules={[
          { required: true, whitespace: true, message: '请输入提供方' },
          { max: 60, message: '最多 60 个字' },
        ]}
      >
        <Input placeholder="如：马鞍爱心超市" />
      </Form.Item>
      <Form.Item name="minLevel" label="最低星级" rules={[{ required: true, message: '请选择最低星级' }]}>
        <Select options={STAR_NAMES.slice(0, 6).map((n, i) => ({ value: i, label: i === 0 ? '不限星级' : `${n}及以上` }))} />
      </Form.Item>
      <Form.Item name="validFrom" label="有效期自">
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="validTo" label="有效期至">
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="active" label="启用" valuePropName="checked">
        <Switch />
      </Form.Item>
    </FormModal>
  );
}

interface ConsentValues {
  volunteerId: string;
  status: keyof typeof CONSENT_STATUSES;
  note: string;
}

/** 登记公开意愿: what a volunteer said in person or on paper, with the note saying so; appended, never overwritten. */
export function RecordConsentModal({ onClose }: { onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ConsentValues>();
  const record = useRecordConsent();
  const submit = useSubmit(form, record, {
    input: (v) => ({ id: v.volunteerId, body: { status: v.status, note: v.note.trim() } }),
    onDone: (c) => {
      message.success(`已登记：${c.status === 'none' ? '' : CONSENT_STATUSES[c.status]}`);
      onClose();
    },
  });
  return (
    <FormModal
      name="consent"
      form={form}
      submit={submit}
      title="登记光荣榜公开意愿"
      okText="登记"
      cancelText="取消"
      onClose={onClose}
      width={560}
      requiredMark="optional"
      initialValues={{ status: 'masked' }}
    >
      <p>志愿者也可以在手机“我的荣誉与礼遇”中自己设置。每次登记都会保留记录。</p>
      <Form.Item name="volunteerId" label="志愿者" rules={[{ required: true, message: '请选择志愿者' }]}>
        <VolunteerPicker id="consent-volunteer" />
      </Form.Item>
      <Form.Item name="status" label="公开意愿" rules={[{ required: true, message: '请选择公开意愿' }]}>
        <Radio.Group options={Object.entries(CONSENT_STATUSES).map(([value, label]) => ({ value, label }))} />
      </Form.Item>
      <Form.Item
        name="note"
        label="依据"
        rules={[
          { required: true, whitespace: true, message: '请写明依据，如：本人签署书面同意书' },
          { max: 200, message: '最多 200 个字' },
        ]}
      >
        <Input placeholder="如：本人签署书面同意书" />
      </Form.Item>
    </FormModal>
  );
}
