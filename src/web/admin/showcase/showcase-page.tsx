import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Popconfirm, Select, Space, Table, Tabs } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { SHOWCASE_KINDS, type ShowcaseKind } from '../../../shared/showcase-kinds';
import { errorMessage } from '../../lib/api';
import { FormModal, useSubmit } from '../../lib/form';
import { type ShowcaseItem, usePublishShowcase, useShowcaseItems, useWithdrawShowcase } from '../../lib/queries/showcase';
import { hasRole } from '../../lib/session';
import { PageHeader } from '../components/page-header';
import { ToneTag } from '../components/tags';
import { useAdminSession } from '../session-context';
import { ShowcaseFormModal } from './showcase-form-modal';

const STATUS = {
  draft: { label: '草稿', tone: 'grey' },
  published: { label: '已发布', tone: 'green' },
  withdrawn: { label: '已撤下', tone: 'red' },
} as const;

/** 撤下 with a reason: the portal stops showing it and its files; the reason stays on record. */
function WithdrawModal({ item, onClose }: { item: ShowcaseItem; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const submit = useSubmit(form, useWithdrawShowcase(), {
    input: (v) => ({ id: item.id, reason: v.reason.trim() }),
    onDone: () => {
      message.success('已撤下');
      onClose();
    },
  });
  return (
    <FormModal
      name="withdraw"
      form={form}
      submit={submit}
      title={`撤下：${item.title}`}
      okText="撤下"
      cancelText="取消"
      onClose={onClose}
      okButtonProps={{ danger: true }}
    >
      <Form.Item name="reason" label="撤下原因" rules={[{ required: true, whitespace: true, min: 2, message: '请填写撤下原因（至少 2 个字）' }]}>
        <Input.TextArea rows={2} maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}

/** 成果展示: each unit's brands, featured activities, galleries, videos, culture wall and leaflets; publish to the portal. */
export default function ShowcasePage() {
  const session = useAdminSession();
  const { message } = App.useApp();
  const [kind, setKind] = useState<ShowcaseKind | 'all'>('all');
  const [status, setStatus] = useState<ShowcaseItem['status'] | undefined>();
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<ShowcaseItem | 'new' | null>(null);
  const [withdrawing, setWithdrawing] = useState<ShowcaseItem | null>(null);
  const list = useShowcaseItems({ page, pageSize: 20, ...(kind !== 'all' && { kind }), ...(status && { status }) });
  const publish = usePublishShowcase();
  const canManage = hasRole(session, 'institute_admin', 'station_admin');
  const defaultUnitId = session.roles.find((g) => g.role === 'institute_admin' || g.role === 'station_admin')?.unitId;

  const doPublish = async (item: ShowcaseItem) => {
    try {
      await publish.mutateAsync(item.id);
      message.success(`已发布：${item.title}`);
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  const columns: ColumnsType<ShowcaseItem> = [
    {
      title: '标题',
      dataIndex: 'title',
      render: (t: string, r) => (
        <Space size={4} wrap>
          <span>{t}</span>
          {r.featured ? <ToneTag tone="gold">精选</ToneTag> : null}
        </Space>
      ),
    },
    { title: '类别', dataIndex: 'kindLabel', width: 100, render: (k: string) => <ToneTag tone="blue">{k}</ToneTag> },
    { title: '单位', dataIndex: 'unitName', width: 200 },
    { title: '文件', key: 'media', width: 64, render: (_, r) => r.media.length },
    { title: '出现人员', key: 'people', width: 90, render: (_, r) => r.people.length },
    {
      title: '状态',
      key: 'status',
      width: 160,
      render: (_, r) => (
        <Space size={4} wrap>
          <ToneTag tone={STATUS[r.status].tone}>{STATUS[r.status].label}</ToneTag>
          {r.withdrawal ? <span>{r.withdrawal.reason}</span> : null}
        </Space>
      ),
    },
    ...(canManage
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 170,
            render: (_: unknown, r: ShowcaseItem) => (
              <Space size={0} wrap>
                {r.status !== 'published' ? (
                  <Button type="link" onClick={() => setEditing(r)} aria-label={`修改 ${r.title}`}>
                    修改
                  </Button>
                ) : null}
                {r.status !== 'published' ? (
                  <Popconfirm title="发布到门户？" okText="发布" cancelText="取消" onConfirm={() => doPublish(r)}>
                    <Button type="link" aria-label={`发布 ${r.title}`}>
                      发布
                    </Button>
                  </Popconfirm>
                ) : (
                  <Button type="link" danger onClick={() => setWithdrawing(r)} aria-label={`撤下 ${r.title}`}>
                    撤下
                  </Button>
                )}
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title="成果展示"
        description="品牌、精品活动、图片集、短视频、文化墙和宣传折页。发布后在门户“成果展示”公开；展示中出现的志愿者和居民须有本人同意记录，否则隐去姓名。"
        extra={
          canManage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              新建展示
            </Button>
          ) : null
        }
      />
      <Tabs
        activeKey={kind}
        onChange={(k) => {
          setKind(k as ShowcaseKind | 'all');
          setPage(1);
        }}
        items={[{ key: 'all', label: '全部' }, ...Object.entries(SHOWCASE_KINDS).map(([key, k]) => ({ key, label: k.label }))]}
      />
      <Space style={{ marginBottom: 16 }}>
        <Select
          aria-label="状态"
          placeholder="全部状态"
          allowClear
          style={{ width: 140 }}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          options={Object.entries(STATUS).map(([value, s]) => ({ value, label: s.label }))}
        />
      </Space>
      <Card variant="borderless">
        {list.error ? <Alert type="error" showIcon title="成果展示加载失败" description={list.error.message} style={{ marginBottom: 12 }} /> : null}
        <Table<ShowcaseItem>
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isPending}
          scroll={{ x: 900 }}
          locale={{ emptyText: canManage ? '还没有展示，点击“新建展示”开始' : '还没有展示' }}
          pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, showTotal: (t) => `共 ${t} 项`, onChange: setPage, showSizeChanger: false }}
        />
      </Card>
      {editing ? <ShowcaseFormModal item={editing === 'new' ? null : editing} defaultUnitId={defaultUnitId} onClose={() => setEditing(null)} /> : null}
      {withdrawing ? <WithdrawModal item={withdrawing} onClose={() => setWithdrawing(null)} /> : null}
    </>
  );
}
