import { App, Col, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { PROGRAMME_BLOCKS, ProgrammeInput } from '../../../shared/programmes';
import { FormModal, limitsOf, rulesFrom, useSubmit } from '../../lib/form';
import { useUnits } from '../../lib/queries/org';
import { type ProgrammeBlock, useCreateProgramme, useUpdateProgramme } from '../../lib/queries/programmes';
import { useAdminSession } from '../session-context';
import { BLOCKS, type Editing, manageableUnits } from './programmes-page';

const P = ProgrammeInput.shape;

interface ProgrammeValues {
  unitId: string;
  block: ProgrammeBlock;
  name: string;
  intro?: string;
  sort?: number;
  archived?: boolean;
}

export function ProgrammeModal({ editing, onClose }: { editing: Exclude<Editing, null>; onClose: () => void }) {
  const session = useAdminSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<ProgrammeValues>();
  const units = useUnits();
  const create = useCreateProgramme();
  const update = useUpdateProgramme();
  const p = editing.mode === 'edit' ? editing.programme : null;
  const unitOptions = manageableUnits(session, units.data).map((u) => ({ value: u.id, label: u.name }));

  // A new programme or an edit: one submit path.
  const save = {
    isPending: create.isPending || update.isPending,
    mutateAsync: async (v: ProgrammeValues) => {
      const intro = v.intro?.trim();
      if (p) {
        await update.mutateAsync({
          id: p.id,
          input: { block: v.block, name: v.name.trim(), intro: intro || null, sort: v.sort, archived: v.archived ?? false },
        });
        return '已保存';
      }
      await create.mutateAsync({ unitId: v.unitId, block: v.block, name: v.name.trim(), intro: intro || undefined, sort: v.sort });
      return `已新增实践项目「${v.name.trim()}」`;
    },
  };
  const submit = useSubmit(form, save, {
    input: (v) => v,
    onDone: (note) => {
      message.success(note);
      onClose();
    },
    byCode: { 'programmes.duplicate_name': 'name' },
  });

  return (
    <FormModal
      name="programme"
      form={form}
      submit={submit}
      title={p ? `编辑实践项目：${p.name}` : '新增实践项目'}
      okText={p ? '保存' : '新增'}
      cancelText="取消"
      onClose={onClose}
      width={640}
      requiredMark="optional"
      initialValues={
        p
          ? { unitId: p.unitId, block: p.block, name: p.name, intro: p.intro ?? undefined, sort: p.sort, archived: p.archived }
          : { unitId: unitOptions[0]?.value, block: editing.mode === 'create' ? editing.block : 'learn' }
      }
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="unitId" label="所属单位" rules={[{ required: true, message: '请选择所属单位' }]}>
            <Select options={unitOptions} disabled={!!p} loading={units.isPending} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="block" label="板块" rules={[{ required: true, message: '请选择板块' }]}>
            <Select options={BLOCKS.map((b) => ({ value: b, label: PROGRAMME_BLOCKS[b] }))} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="name" label="项目名称" rules={rulesFrom(P.name, { required: '请输入项目名称', message: '名称为 2–40 个字' })}>
        <Input maxLength={limitsOf(P.name).maxLength} placeholder="如：温暖润童心" />
      </Form.Item>
      <Form.Item name="intro" label="项目简介" rules={rulesFrom(P.intro)}>
        <Input.TextArea rows={4} maxLength={limitsOf(P.intro).maxLength} showCount placeholder="依托的阵地、面向的群众、主要活动形式" />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={12}>
          <Form.Item name="sort" label="排序" extra="数字小的排在前面">
            <InputNumber min={limitsOf(P.sort).min} max={limitsOf(P.sort).max} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        {p ? (
          <Col xs={12}>
            <Form.Item name="archived" label="停用" valuePropName="checked" extra="停用后新活动不能再选择">
              <Switch />
            </Form.Item>
          </Col>
        ) : null}
      </Row>
    </FormModal>
  );
}
