import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  AutoComplete,
  Breadcrumb,
  Button,
  Card,
  Col,
  Flex,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Row,
  Select,
  Space,
  Switch,
  Table,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import type { UnitView } from '../../../shared/org';
import { errorMessage } from '../../lib/api';
import { useProgrammes } from '../../lib/queries/programmes';
import { type ServiceItemInput, type ServiceItemView, useArchiveServiceItem, useCreateServiceItem, useServiceItems } from '../../lib/queries/orders';
import { hasRole } from '../../lib/session';
import { PageHeader } from '../components/page-header';
import { ToneTag } from '../components/tags';
import { FormModal, limitsOf, rulesFrom, useSubmit } from '../../lib/form';
import { ServiceItemInput as ServiceItemSchema } from '../../../shared/orders';
import { useAdminSession } from '../session-context';
import { useUnitOptions } from '../components/use-unit-options';
import { NeedsBesideMenu } from '../needs/needs-beside-menu';

/** Units whose menu this person may change: every unit for an institute admin, their own station otherwise. */
function useManagedUnits(): UnitView[] {
  const session = useAdminSession();
  const isInstitute = hasRole(session, 'institute_admin');
  const own = useMemo(() => new Set(session.roles.filter((g) => g.role === 'station_admin' || g.role === 'institute_admin').map((g) => g.unitId)), [session]);
  return useUnitOptions({ kinds: ['institute', 'station'], within: isInstitute ? undefined : own }).units;
}

export default function MenuPage() {
  const { message } = App.useApp();
  const items = useServiceItems();
  const managed = useManagedUnits();
  const archive = useArchiveServiceItem();
  const [unitId, setUnitId] = useState<string | undefined>();
  const [showArchived, setShowArchived] = useState(false);
  const [adding, setAdding] = useState(false);
  const canManage = useMemo(() => new Set(managed.map((u) => u.id)), [managed]);
  const menuCategories = useMemo(
    () => new Set((items.data ?? []).filter((i) => !i.archived && i.serviceCategory).map((i) => i.serviceCategory as string)),
    [items.data],
  );

  const rows = (items.data ?? []).filter((i) => (!unitId || i.unitId === unitId) && (showArchived || !i.archived));
  const unitOptions = useMemo(() => {
    const seen = new Map<string, string>();
    for (const i of items.data ?? []) seen.set(i.unitId, i.unitName);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [items.data]);

  const toggle = (item: ServiceItemView) =>
    archive.mutateAsync({ id: item.id, archived: !item.archived }).then(
      () => void message.success(item.archived ? `已启用：${item.name}` : `已停用：${item.name}`),
      (err: unknown) => void message.error(errorMessage(err)),
    );

  const columns: ColumnsType<ServiceItemView> = [
    { title: '编号', dataIndex: 'code', width: 72 },
    {
      title: '服务项目',
      dataIndex: 'name',
      render: (_, i) => (
        <Space orientation="vertical" size={0} style={{ width: '100%' }}>
          <strong>{i.name}</strong>
          {i.description || i.whoMayAsk ? (
            <Typography.Paragraph
              type="secondary"
              ellipsis={{ rows: 2, tooltip: [i.description, i.whoMayAsk ? `服务对象：${i.whoMayAsk}` : null].filter(Boolean).join('；') }}
              style={{ margin: 0, fontSize: 13 }}
            >
              {[i.description, i.whoMayAsk ? `服务对象：${i.whoMayAsk}` : null].filter(Boolean).join('；')}
            </Typography.Paragraph>
          ) : null}
        </Space>
      ),
    },
    { title: '提供单位', dataIndex: 'unitName', width: 140 },
    { title: '类别', dataIndex: 'serviceCategory', width: 90, render: (v: string | null) => v ?? '—' },
    { title: '标准时长', dataIndex: 'typicalHours', width: 84, render: (v: number) => `${v} 小时` },
    { title: '接单时限', dataIndex: 'slaHours', width: 84, render: (v: number) => `${v} 小时` },
    {
      title: '要求',
      key: 'req',
      width: 130,
      render: (_, i) => (
        <Space size={0} wrap>
          {i.requiredSkills.map((s) => (
            <ToneTag key={s} tone="grey">
              {s}
            </ToneTag>
          ))}
          {i.insuranceRequired ? <ToneTag tone="gold">需保险</ToneTag> : null}
          {!i.requiredSkills.length && !i.insuranceRequired ? <Typography.Text type="secondary">—</Typography.Text> : null}
        </Space>
      ),
    },
    {
      title: '状态',
      dataIndex: 'archived',
      width: 76,
      render: (v: boolean) => (v ? <ToneTag tone="grey">已停用</ToneTag> : <ToneTag tone="green">在用</ToneTag>),
    },
    {
      title: '操作',
      key: 'op',
      width: 84,
      render: (_, i) =>
        canManage.has(i.unitId) ? (
          <Popconfirm
            title={i.archived ? `重新启用「${i.name}」？` : `停用「${i.name}」？`}
            description={i.archived ? undefined : '停用后居民不能再点这个项目，已有的需求单不受影响。'}
            okText={i.archived ? '启用' : '停用'}
            onConfirm={() => toggle(i)}
          >
            <Button size="small" aria-label={`${i.archived ? '启用' : '停用'} ${i.name}`}>
              {i.archived ? '启用' : '停用'}
            </Button>
          </Popconfirm>
        ) : (
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            上级设置
          </Typography.Text>
        ),
    },
  ];

  return (
    <>
      <Breadcrumb style={{ marginBottom: 12 }} items={[{ title: <Link to="/admin/orders">群众点单</Link> }, { title: '需求清单' }]} />
      <PageHeader
        title="需求清单"
        description="居民可以点的服务项目（“菜单”）。实践所的项目全街道可点，实践站的项目本社区可点；接单时限内无人接单的需求单会自动上报实践所。"
        extra={
          managed.length ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              新增服务项目
            </Button>
          ) : null
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={{ span: 24, order: 2 }} xxl={{ span: 17, order: 1 }}>
          <Card variant="borderless">
            <Flex gap={16} wrap align="center" style={{ marginBottom: 12 }}>
              <Select
                aria-label="提供单位"
                placeholder="全部单位"
                allowClear
                options={unitOptions}
                value={unitId}
                onChange={setUnitId}
                style={{ width: 240 }}
                showSearch={{ optionFilterProp: 'label' }}
              />
              <Space size={8}>
                <Switch id="menu-archived" checked={showArchived} onChange={setShowArchived} />
                <label htmlFor="menu-archived">显示已停用的项目</label>
              </Space>
            </Flex>
            {items.error ? <Alert type="error" showIcon title="需求清单加载失败" description={items.error.message} style={{ marginBottom: 12 }} /> : null}
            <Table<ServiceItemView>
              rowKey="id"
              columns={columns}
              dataSource={rows}
              loading={items.isPending}
              scroll={{ x: 940 }}
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
            />
          </Card>
        </Col>
        <Col xs={{ span: 24, order: 1 }} xxl={{ span: 7, order: 2 }}>
          <NeedsBesideMenu menuCategories={menuCategories} />
        </Col>
      </Row>
      {adding ? (
        <AddItemModal
          units={managed}
          categories={[...new Set((items.data ?? []).map((i) => i.serviceCategory).filter((c): c is string => !!c))]}
          onClose={() => setAdding(false)}
        />
      ) : null}
    </>
  );
}

const F = ServiceItemSchema.shape;

interface Values {
  unitId: string;
  name: string;
  description?: string;
  whoMayAsk?: string;
  serviceCategory?: string;
  typicalHours: number;
  slaHours: number;
  requiredSkills: string[];
  insuranceRequired: boolean;
  programmeId?: string;
}

function AddItemModal({ units, categories, onClose }: { units: UnitView[]; categories: string[]; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const programmes = useProgrammes();

  const t = (s?: string) => (s?.trim() ? s.trim() : undefined);
  const submit = useSubmit(form, useCreateServiceItem(), {
    input: (v): ServiceItemInput => ({
      unitId: v.unitId,
      programmeId: v.programmeId,
      name: v.name.trim(),
      description: t(v.description),
      whoMayAsk: t(v.whoMayAsk),
      serviceCategory: t(v.serviceCategory),
      typicalHours: v.typicalHours,
      slaHours: v.slaHours,
      requiredSkills: v.requiredSkills.map((s) => s.trim()).filter(Boolean),
      insuranceRequired: v.insuranceRequired,
    }),
    onDone: (item) => {
      message.success(`已新增服务项目：${item.name}（${item.code}）`);
      onClose();
    },
  });

  return (
    <FormModal
      name="service-item"
      form={form}
      submit={submit}
      title="新增服务项目"
      onClose={onClose}
      width={680}
      mask={{ closable: false }}
      requiredMark="optional"
      initialValues={{ unitId: units.length === 1 ? units[0].id : undefined, typicalHours: 1, slaHours: 48, requiredSkills: [], insuranceRequired: false }}
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="unitId" label="提供单位" rules={[{ required: true, message: '请选择单位' }]}>
            <Select options={units.map((u) => ({ value: u.id, label: u.name }))} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="name" label="项目名称" rules={rulesFrom(F.name, { required: '请输入项目名称' })}>
            <Input maxLength={limitsOf(F.name).maxLength} placeholder="如：上门理发" />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="programmeId" label="所属实践项目" extra="需求清单与实践项目挂钩，便于按项目统计服务">
            <Select
              allowClear
              loading={programmes.isLoading}
              placeholder="如：共享邻里情"
              options={(programmes.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="description" label="服务内容" rules={rulesFrom(F.description)}>
            <Input.TextArea rows={2} maxLength={limitsOf(F.description).maxLength} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="whoMayAsk" label="服务对象" rules={rulesFrom(F.whoMayAsk)}>
            <Input maxLength={limitsOf(F.whoMayAsk).maxLength} placeholder="如：辖区 70 岁以上老人" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="serviceCategory" label="服务类别" rules={rulesFrom(F.serviceCategory)}>
            <AutoComplete options={categories.map((c) => ({ value: c }))} placeholder="如：助老助残" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="typicalHours" label="标准时长（小时）" rules={rulesFrom(F.typicalHours)}>
            <InputNumber min={limitsOf(F.typicalHours).min} max={limitsOf(F.typicalHours).max} step={0.5} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="slaHours" label="接单时限（小时）" rules={rulesFrom(F.slaHours)} tooltip="派单后超过这个时限无人接单，自动上报实践所">
            <InputNumber min={limitsOf(F.slaHours).min} max={limitsOf(F.slaHours).max} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="requiredSkills" label="要求技能" extra="只有具备这些技能的志愿者能接单（《志愿服务条例》第十五条）">
            <Select mode="tags" tokenSeparators={[',', '，', '、']} placeholder="输入后回车，如：理发" />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item
            name="insuranceRequired"
            label="需要志愿者保险"
            valuePropName="checked"
            extra="有风险的服务（陪同就医、登高作业等）须志愿者在保险期内才能接单（《志愿服务条例》第十七条）"
          >
            <Switch />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
