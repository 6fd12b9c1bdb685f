import { Alert, App, Col, DatePicker, Descriptions, Form, Input, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { BudgetAdjustmentInput, BudgetLineInput, FUND_KINDS, FundCorrectionInput, FundEntryInput, type FundKind, type FundSource } from '../../../shared/funds';
import { formatYuan } from '../../../shared/rules/money';
import { FormModal, limitsOf, rulesFrom, useSubmit } from '../../lib/form';
import {
  type BudgetLine,
  type FundEntry,
  useAdjustBudgetLine,
  useBudgetLines,
  useCorrectFundEntry,
  useCreateBudgetLine,
  useCreateFundEntry,
} from '../../lib/queries/funds';
import type { UploadedFile } from '../../lib/queries/volunteers';
import { FileUpload } from '../components/file-upload';
import { KIND_OPTIONS, SOURCE_OPTIONS, sourceLabel } from './labels';
import { fenOf, YuanInput, yuanRules } from './money';

const E = FundEntryInput.shape;
const L = BudgetLineInput.shape;

export interface Option {
  value: string;
  label: string;
}

/** Programmes a unit may spend on: its own and its institute's (the server checks the same). */
export type ProgrammeOptions = (unitId: string | undefined) => Option[];

// ------------------------------------------------------------------ a spending entry

interface EntryValues {
  unitId: string;
  spentOn: Dayjs;
  amount: string;
  kind: FundKind;
  source: FundSource;
  department?: string;
  programmeId?: string;
  budgetLineId?: string;
  purpose: string;
  payee: string;
  receipts?: UploadedFile[];
}

export function EntryModal({ year, units, programmes, onClose }: { year: number; units: Option[]; programmes: ProgrammeOptions; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<EntryValues>();
  const create = useCreateFundEntry();
  const unitId = Form.useWatch('unitId', form);
  const source = Form.useWatch('source', form);
  const kind = Form.useWatch('kind', form);
  const programmeId = Form.useWatch('programmeId', form);
  const spentOn = Form.useWatch('spentOn', form);
  const lineYear = spentOn ? spentOn.year() : year;
  const lines = useBudgetLines({ year: lineYear, unitId, pageSize: 200 });
  // Only the lines this entry may be booked against: same year, unit, source and kind (and programme, when the line has one).
  const lineOptions = (unitId ? (lines.data?.items ?? []) : [])
    .filter((l) => l.source === source && l.kind === kind && (!l.programmeId || l.programmeId === programmeId))
    .map((l) => ({
      value: l.id,
      label: `${sourceLabel(l.source, l.department)} · ${FUND_KINDS[l.kind]}${l.programmeName ? ` · ${l.programmeName}` : ''} · 预算 ${formatYuan(l.netFen)} 元`,
    }));

  const submit = useSubmit(form, create, {
    input: (v) => ({
      spentOn: v.spentOn.format('YYYY-MM-DD'),
      unitId: v.unitId,
      kind: v.kind,
      source: v.source,
      department: v.source === 'coordinated' ? v.department?.trim() : undefined,
      programmeId: v.programmeId ?? null,
      budgetLineId: v.budgetLineId ?? null,
      amountFen: fenOf(v.amount),
      purpose: v.purpose.trim(),
      payee: v.payee.trim(),
      receiptFileIds: (v.receipts ?? []).map((f) => f.id),
    }),
    onDone: (entry) => {
      message.success(`已登记支出 ${formatYuan(entry.amountFen)} 元`);
      onClose();
    },
    byCode: {
      'funds.department_required': 'department',
      'funds.programme_not_found': 'programmeId',
      'funds.line_mismatch': 'budgetLineId',
      'funds.receipt_missing': 'receipts',
    },
    aliases: { amountFen: 'amount', receiptFileIds: 'receipts' },
  });

  const defaultDate = dayjs().year() === year ? dayjs() : dayjs(`${year}-12-31`);
  return (
    <FormModal
      name="fund_entry"
      form={form}
      submit={submit}
      title="登记支出"
      okText="登记"
      cancelText="取消"
      onClose={onClose}
      width={720}
      requiredMark="optional"
      mask={{ closable: false }}
      before={<Alert type="info" showIcon style={{ marginBottom: 16 }} title="台账只增不改：登记后不能修改或删除，登记错了请用“冲减”更正。" />}
      initialValues={{ unitId: units[0]?.value, spentOn: defaultDate, kind: 'operation', source: 'fiscal', receipts: [] }}
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="unitId" label="单位" rules={[{ required: true, message: '请选择单位' }]}>
            <Select
              options={units}
              showSearch
              optionFilterProp="label"
              onChange={() => form.setFieldsValue({ programmeId: undefined, budgetLineId: undefined })}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="spentOn" label="支出日期" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker style={{ width: '100%' }} needConfirm={false} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="amount" label="金额" rules={yuanRules('请输入金额')} extra="以元为单位，最多两位小数">
            <YuanInput />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="kind" label="经费性质" rules={[{ required: true, message: '请选择' }]}>
            <Select options={KIND_OPTIONS} onChange={() => form.setFieldsValue({ budgetLineId: undefined })} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="source" label="经费来源" rules={[{ required: true, message: '请选择' }]}>
            <Select options={SOURCE_OPTIONS} onChange={() => form.setFieldsValue({ budgetLineId: undefined })} />
          </Form.Item>
        </Col>
        {source === 'coordinated' ? (
          <Col xs={24} md={12}>
            <Form.Item name="department" label="出资部门" rules={rulesFrom(E.department, { required: '请填写出资部门' })}>
              <Input maxLength={limitsOf(E.department).maxLength} placeholder="如：区民政局" />
            </Form.Item>
          </Col>
        ) : null}
        <Col xs={24} md={12}>
          <Form.Item name="programmeId" label="实践项目">
            <Select
              allowClear
              options={programmes(unitId)}
              placeholder="不属于某个项目可不选"
              onChange={() => form.setFieldsValue({ budgetLineId: undefined })}
            />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="budgetLineId" label="对应预算" extra={lineOptions.length === 0 ? '该单位本年度没有来源、性质相同的预算，可不选' : undefined}>
            <Select allowClear options={lineOptions} placeholder="可不选" loading={lines.isFetching} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="purpose" label="用途" rules={rulesFrom(E.purpose, { required: '请填写用途', message: '用途为 2–200 个字' })}>
            <Input maxLength={limitsOf(E.purpose).maxLength} placeholder="如：四点半课堂文具" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="payee" label="收款方" rules={rulesFrom(E.payee, { required: '请填写收款方' })}>
            <Input maxLength={limitsOf(E.payee).maxLength} placeholder="单位或个人名称" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="receipts" label="票据" extra="发票、收据的照片或 PDF，每个不超过 10 MB">
        <FileUpload purpose="evidence" max={20} buttonText="上传票据" />
      </Form.Item>
    </FormModal>
  );
}

// ------------------------------------------------------------------ a counter-entry

interface CorrectionValues {
  amount: string;
  reason: string;
}

export function CorrectionModal({ entry, onClose }: { entry: FundEntry; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<CorrectionValues>();
  const correct = useCorrectFundEntry();
  const submit = useSubmit(form, correct, {
    input: (v) => ({ id: entry.id, input: { amountFen: -fenOf(v.amount, { maxFen: entry.netFen }), reason: v.reason.trim() } }),
    onDone: (c) => {
      message.success(`已冲减 ${formatYuan(-c.amountFen)} 元`);
      onClose();
    },
    aliases: { 'input.amountFen': 'amount', amountFen: 'amount', 'input.reason': 'reason' },
  });
  return (
    <FormModal
      name="fund_correction"
      form={form}
      submit={submit}
      title="冲减更正"
      okText="冲减"
      cancelText="取消"
      onClose={onClose}
      width={560}
      okButtonProps={{ danger: true }}
      before={
        <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
          <Descriptions.Item label="原支出">
            {entry.spentOn} · {entry.unitName}
          </Descriptions.Item>
          <Descriptions.Item label="用途">
            {entry.purpose}（{entry.payee}）
          </Descriptions.Item>
          <Descriptions.Item label="原金额 / 尚可冲减">
            {formatYuan(entry.amountFen)} 元 / {formatYuan(entry.netFen)} 元
          </Descriptions.Item>
        </Descriptions>
      }
      initialValues={{ amount: formatYuan(entry.netFen, { grouping: false }) }}
    >
      <Form.Item
        name="amount"
        label="冲减金额"
        rules={yuanRules('请输入冲减金额', { maxFen: entry.netFen })}
        extra="填写要冲减的金额（正数），系统记为一笔负数的冲减记录；全额冲减即作废原支出"
      >
        <YuanInput />
      </Form.Item>
      <Form.Item
        name="reason"
        label="冲减原因"
        rules={rulesFrom(FundCorrectionInput.shape.reason, { required: '请填写冲减原因', message: '原因为 2–200 个字' })}
      >
        <Input.TextArea rows={3} maxLength={limitsOf(FundCorrectionInput.shape.reason).maxLength} showCount placeholder="如：发票金额录错，应为 1,200.00 元" />
      </Form.Item>
    </FormModal>
  );
}

// ------------------------------------------------------------------ a budget line

interface LineValues {
  year: number;
  unitId: string;
  amount: string;
  kind: FundKind;
  source: FundSource;
  department?: string;
  programmeId?: string;
  note?: string;
}

export function BudgetLineModal({
  year,
  years,
  units,
  programmes,
  onClose,
}: {
  year: number;
  years: number[];
  units: Option[];
  programmes: ProgrammeOptions;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<LineValues>();
  const create = useCreateBudgetLine();
  const source = Form.useWatch('source', form);
  const unitId = Form.useWatch('unitId', form);
  const submit = useSubmit(form, create, {
    input: (v) => ({
      year: v.year,
      unitId: v.unitId,
      kind: v.kind,
      source: v.source,
      department: v.source === 'coordinated' ? v.department?.trim() : undefined,
      programmeId: v.programmeId ?? null,
      amountFen: fenOf(v.amount),
      note: v.note?.trim() || undefined,
    }),
    onDone: (line) => {
      message.success(`已新增 ${line.year} 年预算 ${formatYuan(line.amountFen)} 元`);
      onClose();
    },
    byCode: { 'funds.department_required': 'department', 'funds.programme_not_found': 'programmeId' },
    aliases: { amountFen: 'amount' },
  });
  return (
    <FormModal
      name="fund_line"
      form={form}
      submit={submit}
      title="新增预算"
      okText="新增"
      cancelText="取消"
      onClose={onClose}
      width={640}
      requiredMark="optional"
      before={<Alert type="info" showIcon style={{ marginBottom: 16 }} title="预算录入后不能修改或删除；需要变动时用“调整”追加或调减，并写明原因。" />}
      initialValues={{ year, unitId: units[0]?.value, kind: 'operation', source: 'fiscal' }}
    >
      <Row gutter={16}>
        <Col xs={12} md={8}>
          <Form.Item name="year" label="年度" rules={[{ required: true, message: '请选择年度' }]}>
            <Select options={years.map((y) => ({ value: y, label: `${y} 年` }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item name="unitId" label="单位" rules={[{ required: true, message: '请选择单位' }]}>
            <Select options={units} showSearch optionFilterProp="label" onChange={() => form.setFieldsValue({ programmeId: undefined })} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="kind" label="经费性质" rules={[{ required: true, message: '请选择' }]}>
            <Select options={KIND_OPTIONS} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="source" label="经费来源" rules={[{ required: true, message: '请选择' }]}>
            <Select options={SOURCE_OPTIONS} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="amount" label="预算金额" rules={yuanRules('请输入预算金额')}>
            <YuanInput />
          </Form.Item>
        </Col>
        {source === 'coordinated' ? (
          <Col xs={24} md={12}>
            <Form.Item name="department" label="出资部门" rules={rulesFrom(L.department, { required: '请填写出资部门' })} extra="协调整合：其他部门的资金">
              <Input maxLength={limitsOf(L.department).maxLength} placeholder="如：区文化和旅游委员会" />
            </Form.Item>
          </Col>
        ) : null}
        <Col xs={24} md={12}>
          <Form.Item name="programmeId" label="实践项目">
            <Select allowClear options={programmes(unitId)} placeholder="不专属某个项目可不选" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="note" label="说明" rules={rulesFrom(L.note)}>
        <Input.TextArea rows={2} maxLength={limitsOf(L.note).maxLength} showCount placeholder="如：年度运行经费、阵地改造" />
      </Form.Item>
    </FormModal>
  );
}

// ------------------------------------------------------------------ a budget adjustment

interface AdjustValues {
  direction: 'up' | 'down';
  amount: string;
  reason: string;
}

export function AdjustModal({ line, onClose }: { line: BudgetLine; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<AdjustValues>();
  const adjust = useAdjustBudgetLine();
  const direction = Form.useWatch('direction', form);
  const submit = useSubmit(form, adjust, {
    input: (v) => {
      const fen = fenOf(v.amount);
      return { id: line.id, input: { amountFen: v.direction === 'down' ? -fen : fen, reason: v.reason.trim() } };
    },
    onDone: (l) => {
      message.success(`已调整，预算现为 ${formatYuan(l.netFen)} 元`);
      onClose();
    },
    aliases: { amountFen: 'amount', 'input.amountFen': 'amount' },
  });
  return (
    <FormModal
      name="fund_adjust"
      form={form}
      submit={submit}
      title="调整预算"
      okText="调整"
      cancelText="取消"
      onClose={onClose}
      width={520}
      before={
        <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
          <Descriptions.Item label="预算">
            {line.year} 年 · {line.unitName} · {sourceLabel(line.source, line.department)} · {FUND_KINDS[line.kind]}
          </Descriptions.Item>
          <Descriptions.Item label="当前金额">{formatYuan(line.netFen)} 元</Descriptions.Item>
        </Descriptions>
      }
      initialValues={{ direction: 'up' }}
    >
      <Form.Item name="direction" label="调整方向" rules={[{ required: true }]}>
        <Select
          options={[
            { value: 'up', label: '追加' },
            { value: 'down', label: '调减' },
          ]}
          style={{ maxWidth: 200 }}
        />
      </Form.Item>
      <Form.Item
        name="amount"
        label={direction === 'down' ? '调减金额' : '追加金额'}
        rules={yuanRules('请输入金额', direction === 'down' ? { maxFen: line.netFen } : {})}
      >
        <YuanInput />
      </Form.Item>
      <Form.Item name="reason" label="原因" rules={rulesFrom(BudgetAdjustmentInput.shape.reason, { required: '请填写调整原因', message: '原因为 2–200 个字' })}>
        <Input.TextArea rows={2} maxLength={limitsOf(BudgetAdjustmentInput.shape.reason).maxLength} showCount />
      </Form.Item>
    </FormModal>
  );
}
