import { App, Checkbox, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { AGE_BANDS, GENDERS } from '../../../shared/campaigns';
import { FormModal, useSubmit } from '../../lib/form';
import {
  type Campaign,
  type Nomination,
  type Objection,
  useDecide,
  useNominate,
  useResolveObjection,
  useWithdrawNomination,
} from '../../lib/queries/campaigns';
import type { UploadedFile } from '../../lib/queries/volunteers';
import { FileUpload } from '../components/file-upload';

interface NominateValues {
  stationId: string;
  nomineeName: string;
  address?: string;
  members?: number;
  gender?: 'male' | 'female';
  ageBand?: (typeof AGE_BANDS)[number];
  deeds: string;
  evidence: string;
  photos?: UploadedFile[];
  consent?: boolean;
  consentRecordedBy: string;
  consentOn: Dayjs;
}

/** 推荐对象: a household (head, address, members) or a person (gender, age band), with deeds, evidence, photos and consent. */
export function NominateModal({ campaign, onClose }: { campaign: Campaign; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<NominateValues>();
  const household = campaign.subject === 'household';
  const submit = useSubmit(form, useNominate(campaign.id), {
    input: (v) => ({
      stationId: v.stationId,
      nomineeName: v.nomineeName.trim(),
      ...(household ? { address: v.address?.trim(), members: v.members } : { gender: v.gender, ageBand: v.ageBand }),
      deeds: v.deeds.trim(),
      evidence: v.evidence.trim(),
      photoFileIds: (v.photos ?? []).map((p) => p.id),
      consent: true as const,
      consentRecordedBy: v.consentRecordedBy.trim(),
      consentOn: v.consentOn.format('YYYY-MM-DD'),
    }),
    onDone: (n) => {
      message.success(`已推荐：${n.nomineeName}`);
      onClose();
    },
    byCode: { 'campaigns.bad_photo': 'photos', 'campaigns.quota_full': 'stationId', 'campaigns.bad_station': 'stationId' },
    aliases: { photoFileIds: 'photos' },
  });
  const stations = campaign.nominateStations.map((s) => ({ value: s.id, label: s.name }));
  return (
    <FormModal
      name="nominate"
      form={form}
      submit={submit}
      title={`推荐：${campaign.title}`}
      okText="提交推荐"
      cancelText="取消"
      onClose={onClose}
      width={680}
      mask={{ closable: false }}
      initialValues={{ stationId: stations.length === 1 ? stations[0].value : undefined, consentOn: dayjs() }}
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="stationId" label="推荐实践站" rules={[{ required: true, message: '请选择实践站' }]}>
            <Select options={stations} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="nomineeName" label={household ? '户主姓名' : '姓名'} rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
            <Input maxLength={40} />
          </Form.Item>
        </Col>
        {household ? (
          <>
            <Col xs={24} md={16}>
              <Form.Item name="address" label="家庭住址" rules={[{ required: true, whitespace: true, message: '请填写住址' }]}>
                <Input maxLength={120} placeholder="如：幸福小区 3 栋 2 单元" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="members" label="家庭人数" rules={[{ required: true, message: '请填写家庭人数' }]}>
                <InputNumber min={1} max={30} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </>
        ) : (
          <>
            <Col xs={24} md={12}>
              <Form.Item name="gender" label="性别" rules={[{ required: true, message: '请选择性别' }]}>
                <Radio.Group options={Object.entries(GENDERS).map(([value, label]) => ({ value, label }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="ageBand" label="年龄段" rules={[{ required: true, message: '请选择年龄段' }]}>
                <Select options={AGE_BANDS.map((a) => ({ value: a, label: a }))} />
              </Form.Item>
            </Col>
          </>
        )}
        <Col xs={24}>
          <Form.Item name="deeds" label="主要事迹" rules={[{ required: true, whitespace: true, message: '请填写主要事迹' }]} extra="公示时与姓名一并公开">
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="evidence" label="证明材料说明" rules={[{ required: true, whitespace: true, message: '请填写证明材料' }]} extra="只供评审，不公开">
            <Input.TextArea rows={2} maxLength={2000} placeholder="如：社区走访记录、邻里评议意见" />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="photos" label="照片" extra="只供评审，不公开；每张不超过 10 MB">
            <FileUpload purpose="evidence" max={9} buttonText="上传照片" />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item
            name="consent"
            valuePropName="checked"
            rules={[{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error('须确认被推荐人同意公示'))) }]}
          >
            <Checkbox>被推荐人已同意公示其姓名、所属实践站和事迹</Checkbox>
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="consentRecordedBy" label="同意由谁记录" rules={[{ required: true, whitespace: true, message: '请填写记录人' }]}>
            <Input maxLength={40} placeholder="如：网格员 张三" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="consentOn" label="同意日期" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker style={{ width: '100%' }} inputReadOnly />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}

/** 撤回推荐 with a reason: the record stays. */
export function WithdrawNominationModal({ nomination, onClose }: { nomination: Nomination; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const submit = useSubmit(form, useWithdrawNomination(), {
    input: (v) => ({ id: nomination.id, reason: v.reason.trim() }),
    onDone: () => {
      message.success('已撤回');
      onClose();
    },
  });
  return (
    <FormModal
      name="withdraw"
      form={form}
      submit={submit}
      title={`撤回推荐：${nomination.nomineeName}`}
      okText="撤回"
      cancelText="取消"
      onClose={onClose}
      okButtonProps={{ danger: true }}
    >
      <Form.Item name="reason" label="撤回原因" rules={[{ required: true, whitespace: true, min: 2, message: '请填写撤回原因（至少 2 个字）' }]}>
        <Input.TextArea rows={2} maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}

/** 评审: select or not, with a reason; final once given. */
export function DecideModal({ nomination, onClose }: { nomination: Nomination; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ selected: boolean; reason: string }>();
  const submit = useSubmit(form, useDecide(), {
    input: (v) => ({ id: nomination.id, selected: v.selected, reason: v.reason.trim() }),
    onDone: (n) => {
      message.success(n.decision?.selected ? `${n.nomineeName}：入选` : `${n.nomineeName}：不入选`);
      onClose();
    },
  });
  return (
    <FormModal
      name="decide"
      form={form}
      submit={submit}
      title={`评审：${nomination.nomineeName}`}
      okText="提交结论"
      cancelText="取消"
      onClose={onClose}
      before={<Typography.Paragraph type="secondary">结论提交后不能修改。</Typography.Paragraph>}
    >
      <Form.Item name="selected" label="结论" rules={[{ required: true, message: '请选择结论' }]}>
        <Radio.Group
          options={[
            { value: true, label: '入选' },
            { value: false, label: '不入选' },
          ]}
        />
      </Form.Item>
      <Form.Item name="reason" label="理由" rules={[{ required: true, whitespace: true, min: 2, message: '请填写理由（至少 2 个字）' }]}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}

/** 处理异议: upheld removes the nominee from the result; dismissed answers the objector. */
export function ResolveObjectionModal({ objection, onClose }: { objection: Objection; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ upheld: boolean; reply: string }>();
  const submit = useSubmit(form, useResolveObjection(), {
    input: (v) => ({ id: objection.id, upheld: v.upheld, reply: v.reply.trim() }),
    onDone: (o) => {
      message.success(o.resolution?.upheld ? '异议成立，已从结果中移除' : '已答复，异议不成立');
      onClose();
    },
  });
  return (
    <FormModal
      name="objection"
      form={form}
      submit={submit}
      title={`处理异议：${objection.nomineeName}`}
      okText="提交"
      cancelText="取消"
      onClose={onClose}
      before={
        <Typography.Paragraph>
          {objection.content}
          <br />
          <Typography.Text type="secondary">
            {objection.name ?? '匿名'}，联系方式：{objection.contact}
          </Typography.Text>
        </Typography.Paragraph>
      }
    >
      <Form.Item name="upheld" label="处理结果" rules={[{ required: true, message: '请选择处理结果' }]}>
        <Radio.Group
          options={[
            { value: true, label: '异议成立（从结果中移除）' },
            { value: false, label: '异议不成立' },
          ]}
        />
      </Form.Item>
      <Form.Item name="reply" label="理由 / 答复" rules={[{ required: true, whitespace: true, min: 2, message: '请填写理由或答复' }]}>
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}
