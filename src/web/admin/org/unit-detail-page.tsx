import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Breadcrumb, Button, Card, Flex, Form, Popconfirm, Result, Skeleton, Space, Table, Tabs, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { LEADING_GROUP_ROLES, type LeadingGroupMemberView, POSTS, type PostKind, type PostView, UNIT_KINDS, type UnitView } from '../../../shared/org';
import { ApiError } from '../../lib/api';
import { useDeleteLeadingGroupMember, useDeletePost, useLeadingGroup, usePosts, useUnit, useUnitStaffing, useUpdateUnit } from '../../lib/queries/org';
import { useSubmit } from '../../lib/form';
import { useTitle } from '../../lib/title';
import { KindTag, requiredText, StaffingTag } from '../components/tags';
import { useAdminSession } from '../session-context';
import { canEditUnit } from './helpers';
import { GROUP_ORDER, MemberModal, POST_ORDER, PostModal } from './unit-modals';
import { type UnitFormValues, UnitFormFields, unitToValues, valuesToInput } from './unit-form';

export default function UnitDetailPage() {
  const { unitId = '' } = useParams();
  const session = useAdminSession();
  const unit = useUnit(unitId);
  useTitle(unit.data?.name ?? '单位详情');

  if (unit.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (unit.error) {
    const missing = unit.error instanceof ApiError && (unit.error.status === 404 || unit.error.status === 403);
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={<h1 style={{ fontSize: 24, margin: 0 }}>{missing ? '单位不存在或无权查看' : '单位信息加载失败'}</h1>}
        subTitle={unit.error.message}
        extra={<Link to="/admin/org">返回组织架构</Link>}
      />
    );
  }

  const u = unit.data;
  const editable = canEditUnit(session, u);
  const tabs = [
    { key: 'basic', label: '基本信息', children: <BasicInfo unit={u} editable={editable} /> },
    { key: 'posts', label: '岗位任职', children: <Posts unit={u} editable={editable} /> },
    ...(u.kind === 'institute' ? [{ key: 'group', label: '领导小组', children: <LeadingGroup unit={u} editable={editable} /> }] : []),
  ];

  return (
    <>
      <Breadcrumb aria-label="当前位置" style={{ marginBottom: 12 }} items={[{ title: <Link to="/admin/org">组织架构</Link> }, { title: u.name }]} />
      <Flex align="center" gap={12} wrap style={{ marginBottom: 4 }}>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {u.name}
        </Typography.Title>
        <KindTag kind={u.kind} />
      </Flex>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {UNIT_KINDS[u.kind]}
        {u.address ? ` · ${u.address}` : ''}
        {u.phone ? ` · ${u.phone}` : ''}
      </Typography.Paragraph>
      <StaffingLine unitId={u.id} />
      {!editable ? <Alert type="info" showIcon title="您可以查看该单位的信息，修改需由实践所管理员或本站管理员进行。" style={{ marginBottom: 16 }} /> : null}
      <Card variant="borderless">
        <Tabs items={tabs} />
      </Card>
    </>
  );
}

function StaffingLine({ unitId }: { unitId: string }) {
  const staffing = useUnitStaffing(unitId);
  const s = staffing.data;
  if (!s) return null;
  return (
    <Flex align="center" gap={8} style={{ marginBottom: 16 }} role="group" aria-label="工作人员配备">
      <span>
        工作人员 实有 <strong>{s.actual}</strong> 人 / 应配 {requiredText(s.required)} 人
      </span>
      <StaffingTag status={s.status} />
      {s.status === 'short' ? <Typography.Text type="secondary">请在「岗位任职」中添加「工作人员」岗位</Typography.Text> : null}
    </Flex>
  );
}

function BasicInfo({ unit, editable }: { unit: UnitView; editable: boolean }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<UnitFormValues>();
  const update = useUpdateUnit();
  const submit = useSubmit(form, update, {
    input: (values) => ({ id: unit.id, input: valuesToInput(values) }),
    onDone: () => void message.success('基本信息已保存'),
    byCode: { 'org.duplicate_name': 'name' },
  });

  useEffect(() => {
    form.setFieldsValue(unitToValues(unit));
  }, [form, unit]);

  return (
    <Form
      name="unit-basic"
      form={form}
      layout="vertical"
      initialValues={unitToValues(unit)}
      onFinish={submit.submit}
      style={{ maxWidth: 880 }}
      requiredMark="optional"
    >
      {submit.error ? <Alert type="error" showIcon title={submit.error} style={{ marginBottom: 16 }} /> : null}
      <UnitFormFields disabled={!editable} />
      {editable ? (
        <Space>
          <Button type="primary" htmlType="submit" loading={update.isPending}>
            保存
          </Button>
          <Button onClick={() => form.setFieldsValue(unitToValues(unit))}>还原</Button>
        </Space>
      ) : null}
    </Form>
  );
}

/** A tab shows one page of the largest size; say so if the unit has more than that. */
function MoreThanShown({ shown, total }: { shown: number; total: number | undefined }) {
  if (total === undefined || total <= shown) return null;
  return <Alert type="warning" showIcon title={`共 ${total} 条，仅显示前 ${shown} 条。`} style={{ marginBottom: 12 }} />;
}

// ---------------------------------------------------------------- posts

function Posts({ unit, editable }: { unit: UnitView; editable: boolean }) {
  const { message } = App.useApp();
  const posts = usePosts(unit.id);
  const remove = useDeletePost();
  const [editing, setEditing] = useState<PostView | 'new' | null>(null);
  const rows = useMemo(
    () => [...(posts.data?.items ?? [])].sort((a, b) => POST_ORDER.indexOf(a.post) - POST_ORDER.indexOf(b.post) || a.sort - b.sort),
    [posts.data],
  );

  const columns: ColumnsType<PostView> = [
    { title: '岗位', dataIndex: 'post', width: 140, render: (p: PostKind) => POSTS[p]?.label ?? p },
    { title: '姓名', dataIndex: 'holderName', width: 140 },
    { title: '职务', dataIndex: 'title', render: (v: string | null) => v ?? '—' },
    { title: '联系电话', dataIndex: 'phoneMasked', width: 150, render: (v: string | null) => v ?? '—' },
    ...(editable
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 140,
            render: (_: unknown, row: PostView) => (
              <Space size={4}>
                <Button type="link" size="small" onClick={() => setEditing(row)} aria-label={`编辑 ${row.holderName} 的任职`}>
                  编辑
                </Button>
                <Popconfirm
                  title={`删除「${row.holderName}」的${POSTS[row.post]?.label ?? ''}任职？`}
                  description="删除后将不再计入工作人员配备。"
                  okText="删除"
                  okButtonProps={{ danger: true }}
                  onConfirm={() =>
                    remove.mutateAsync(row.id).then(
                      () => void message.success('已删除'),
                      (err: Error) => void message.error(err.message),
                    )
                  }
                >
                  <Button type="link" size="small" danger aria-label={`删除 ${row.holderName} 的任职`}>
                    删除
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">
          {unit.kind === 'institute' ? '所长、副所长、办公室主任等领导岗位和工作人员。' : '站长、副站长和工作人员。'}
          工作人员配备按「工作人员」岗位的任职人数计算。
        </Typography.Text>
        {editable ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            新增任职
          </Button>
        ) : null}
      </Flex>
      {posts.error ? <Alert type="error" showIcon title="岗位任职加载失败" description={posts.error.message} /> : null}
      <MoreThanShown shown={rows.length} total={posts.data?.total} />
      <Table<PostView>
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={posts.isPending}
        pagination={false}
        scroll={{ x: 640 }}
        locale={{ emptyText: '尚未登记岗位任职' }}
      />
      {editing ? <PostModal unit={unit} post={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}

// ---------------------------------------------------------------- leading group

function LeadingGroup({ unit, editable }: { unit: UnitView; editable: boolean }) {
  const { message } = App.useApp();
  const members = useLeadingGroup(unit.id);
  const remove = useDeleteLeadingGroupMember();
  const [editing, setEditing] = useState<LeadingGroupMemberView | 'new' | null>(null);
  const rows = useMemo(
    () => [...(members.data?.items ?? [])].sort((a, b) => GROUP_ORDER.indexOf(a.groupRole) - GROUP_ORDER.indexOf(b.groupRole) || a.sort - b.sort),
    [members.data],
  );

  const columns: ColumnsType<LeadingGroupMemberView> = [
    { title: '组内职务', dataIndex: 'groupRole', width: 110, render: (r: LeadingGroupMemberView['groupRole']) => LEADING_GROUP_ROLES[r] },
    { title: '姓名', dataIndex: 'name', width: 120 },
    { title: '单位职务', dataIndex: 'title', render: (v: string | null) => v ?? '—' },
    { title: '分工', dataIndex: 'duty', render: (v: string | null) => v ?? '—' },
    ...(editable
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 140,
            render: (_: unknown, row: LeadingGroupMemberView) => (
              <Space size={4}>
                <Button type="link" size="small" onClick={() => setEditing(row)} aria-label={`编辑 ${row.name}`}>
                  编辑
                </Button>
                <Popconfirm
                  title={`将「${row.name}」移出领导小组？`}
                  okText="移出"
                  okButtonProps={{ danger: true }}
                  onConfirm={() =>
                    remove.mutateAsync(row.id).then(
                      () => void message.success('已移出领导小组'),
                      (err: Error) => void message.error(err.message),
                    )
                  }
                >
                  <Button type="link" size="small" danger aria-label={`将 ${row.name} 移出领导小组`}>
                    移出
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">新时代文明实践所建设工作领导小组的组长、副组长和成员（工作方案附件 1）。</Typography.Text>
        {editable ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            新增成员
          </Button>
        ) : null}
      </Flex>
      {members.error ? <Alert type="error" showIcon title="领导小组加载失败" description={members.error.message} /> : null}
      <MoreThanShown shown={rows.length} total={members.data?.total} />
      <Table<LeadingGroupMemberView>
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={members.isPending}
        pagination={false}
        scroll={{ x: 640 }}
        locale={{ emptyText: '尚未登记领导小组成员' }}
      />
      {editing ? <MemberModal unit={unit} member={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}
