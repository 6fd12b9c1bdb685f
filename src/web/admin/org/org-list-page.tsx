import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import type { UnitView } from '../../../shared/org';
import { useCreateUnit, useStaffing, useUnits, useUpdateUnit } from '../../lib/queries/org';
import { hasRole } from '../../lib/session';
import { PageHeader } from '../components/page-header';
import { KindTag } from '../components/tags';
import { FormModal, useSubmit } from '../../lib/form';
import { useAdminSession } from '../session-context';
import { canEditUnit, StaffingCell, sortUnits } from './helpers';
import { type UnitFormValues, UnitFormFields, unitToValues, valuesToInput } from './unit-form';

type Editing = { mode: 'create' } | { mode: 'edit'; unit: UnitView } | null;

export default function OrgListPage() {
  const session = useAdminSession();
  const units = useUnits();
  const staffing = useStaffing();
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<Editing>(null);
  const isInstituteAdmin = hasRole(session, 'institute_admin');

  const staffingById = useMemo(() => new Map((staffing.data ?? []).map((s) => [s.unitId, s])), [staffing.data]);
  const rows = useMemo(() => {
    const q = query.trim();
    const list = sortUnits((units.data ?? []).filter((u) => !u.archived));
    return q ? list.filter((u) => [u.name, u.shortName, u.address, u.phone].some((v) => v?.includes(q))) : list;
  }, [units.data, query]);
  const institutes = (units.data ?? []).filter((u) => u.kind === 'institute' && !u.archived);
  const stationCount = rows.filter((u) => u.kind === 'station').length;

  const columns: ColumnsType<UnitView> = [
    {
      title: '名称',
      dataIndex: 'name',
      width: 250,
      render: (_, unit) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/admin/org/${unit.id}`} style={{ fontWeight: 600 }}>
            {unit.name}
          </Link>
          {unit.shortName ? (
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              简称：{unit.shortName}
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    { title: '类型', dataIndex: 'kind', width: 84, render: (kind: UnitView['kind']) => <KindTag kind={kind} /> },
    {
      title: '地址',
      dataIndex: 'address',
      render: (v: string | null) => v ?? <Typography.Text type="secondary">未填写</Typography.Text>,
    },
    {
      title: '电话',
      dataIndex: 'phone',
      width: 130,
      render: (v: string | null) => v ?? <Typography.Text type="secondary">未填写</Typography.Text>,
    },
    { title: '工作人员配备', key: 'staffing', width: 200, render: (_, unit) => <StaffingCell staffing={staffingById.get(unit.id)} /> },
    {
      title: '操作',
      key: 'actions',
      width: 104,
      render: (_, unit) => (
        <Space size={4}>
          <Link to={`/admin/org/${unit.id}`}>查看</Link>
          {canEditUnit(session, unit) ? (
            <Button type="link" size="small" onClick={() => setEditing({ mode: 'edit', unit })} aria-label={`编辑 ${unit.name}`}>
              编辑
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="组织架构"
        description="实践所与各实践站的基本信息和工作人员配备情况。点击名称查看岗位任职与领导小组。"
        extra={
          isInstituteAdmin && institutes.length > 0 ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'create' })}>
              新增实践站
            </Button>
          ) : null
        }
      />
      {units.error ? <Alert type="error" showIcon title="组织架构加载失败" description={units.error.message} style={{ marginBottom: 16 }} /> : null}
      {staffing.error ? (
        <Alert type="warning" showIcon title="工作人员配备情况暂时无法获取" description={staffing.error.message} style={{ marginBottom: 16 }} />
      ) : null}
      <Card variant="borderless">
        <Space style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }} wrap>
          <Input
            allowClear
            prefix={<SearchOutlined aria-hidden="true" />}
            placeholder="按名称、地址或电话查找"
            aria-label="按名称、地址或电话查找"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            style={{ width: 300, maxWidth: '100%' }}
          />
          {units.data ? (
            <Typography.Text type="secondary" aria-live="polite">
              共 {rows.length} 个单位，其中实践站 {stationCount} 个
            </Typography.Text>
          ) : null}
        </Space>
        <Table<UnitView>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={units.isPending}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 个单位` }}
          scroll={{ x: 940 }}
          locale={{ emptyText: query ? '没有找到符合条件的单位' : '暂无单位' }}
        />
      </Card>
      {editing ? <UnitModal editing={editing} institutes={institutes} onClose={() => setEditing(null)} /> : null}
    </>
  );
}

function UnitModal({ editing, institutes, onClose }: { editing: Exclude<Editing, null>; institutes: UnitView[]; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<UnitFormValues & { parentId?: string }>();
  const create = useCreateUnit();
  const update = useUpdateUnit();
  const isCreate = editing.mode === 'create';
  // A new station or an edit, one submit path; no institute to put a station under: nothing to do.
  const save = {
    isPending: create.isPending || update.isPending,
    mutateAsync: async (values: UnitFormValues & { parentId?: string }): Promise<string | null> => {
      if (editing.mode === 'create') {
        const parentId = values.parentId ?? institutes[0]?.id;
        if (!parentId) return null;
        const { name, ...rest } = valuesToInput(values);
        await create.mutateAsync({ kind: 'station', parentId, name, ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== null)) });
        return `已新增实践站「${name}」`;
      }
      await update.mutateAsync({ id: editing.unit.id, input: valuesToInput(values) });
      return '已保存';
    },
  };
  const submit = useSubmit(form, save, {
    input: (values) => values,
    onDone: (note) => {
      if (!note) return;
      message.success(note);
      onClose();
    },
    byCode: { 'org.duplicate_name': 'name' },
  });

  return (
    <FormModal
      name="unit-edit"
      form={form}
      submit={submit}
      title={isCreate ? '新增实践站' : `编辑：${editing.unit.name}`}
      okText={isCreate ? '新增' : '保存'}
      onClose={onClose}
      width={720}
      requiredMark="optional"
      initialValues={editing.mode === 'edit' ? unitToValues(editing.unit) : { parentId: institutes[0]?.id }}
    >
      {isCreate && institutes.length > 1 ? (
        <Form.Item name="parentId" label="所属实践所" rules={[{ required: true, message: '请选择所属实践所' }]}>
          <Select options={institutes.map((i) => ({ value: i.id, label: i.name }))} />
        </Form.Item>
      ) : null}
      <UnitFormFields />
    </FormModal>
  );
}
