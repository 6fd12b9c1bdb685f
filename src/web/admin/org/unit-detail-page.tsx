import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Breadcrumb, Button, Card, Flex, Form, Input, InputNumber, Modal, Popconfirm, Result, Select, Skeleton, Space, Table, Tabs, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import {
  LEADING_GROUP_ROLES,
  type LeadingGroupMemberInput,
  type LeadingGroupMemberView,
  POSTS,
  type PostInput,
  type PostKind,
  type PostView,
  postFitsUnit,
  UNIT_KINDS,
  type UnitView,
} from '../../../shared/org';
import { ApiError } from '../../lib/api';
import {
  useCreateLeadingGroupMember,
  useCreatePost,
  useDeleteLeadingGroupMember,
  useDeletePost,
  useLeadingGroup,
  usePosts,
  useStaffing,
  useUnit,
  useUpdateLeadingGroupMember,
  useUpdatePost,
  useUpdateUnit,
} from '../../lib/queries/org';
import { useTitle } from '../../lib/title';
import { KindTag, requiredText, StaffingTag } from '../components/tags';
import { applyServerErrors } from '../form-errors';
import { useAdminSession } from '../session-context';
import { canEditUnit } from './helpers';
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
      {!editable ? (
        <Alert type="info" showIcon title="您可以查看该单位的信息，修改需由实践所管理员或本站管理员进行。" style={{ marginBottom: 16 }} />
      ) : null}
      <Card variant="borderless">
        <Tabs items={tabs} />
      </Card>
    </>
  );
}

function StaffingLine({ unitId }: { unitId: string }) {
  const staffing = useStaffing();
  const s = staffing.data?.find((x) => x.unitId === unitId);
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
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    form.setFieldsValue(unitToValues(unit));
  }, [form, unit]);

  const save = async (values: UnitFormValues) => {
    setError(null);
    try {
      await update.mutateAsync({ id: unit.id, input: valuesToInput(values) });
      message.success('基本信息已保存');
    } catch (err) {
      setError(applyServerErrors(form, err, { 'org.duplicate_name': 'name' }));
    }
  };

  return (
    <Form name="unit-basic" form={form} layout="vertical" initialValues={unitToValues(unit)} onFinish={save} style={{ maxWidth: 880 }} requiredMark="optional">
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
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

// ---------------------------------------------------------------- posts

const POST_ORDER = Object.keys(POSTS) as PostKind[];

interface PostFormValues {
  post: PostKind;
  holderName: string;
  title?: string;
  phone?: string;
  sort?: number;
}

function Posts({ unit, editable }: { unit: UnitView; editable: boolean }) {
  const { message } = App.useApp();
  const posts = usePosts(unit.id);
  const remove = useDeletePost();
  const [editing, setEditing] = useState<PostView | 'new' | null>(null);
  const rows = useMemo(
    () => [...(posts.data ?? [])].sort((a, b) => POST_ORDER.indexOf(a.post) - POST_ORDER.indexOf(b.post) || a.sort - b.sort),
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
                      () => message.success('已删除'),
                      (err: Error) => message.error(err.message),
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

function PostModal({ unit, post, onClose }: { unit: UnitView; post: PostView | null; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<PostFormValues>();
  const create = useCreatePost();
  const update = useUpdatePost();
  const [error, setError] = useState<string | null>(null);
  const options = POST_ORDER.filter((p) => postFitsUnit(p, unit.kind)).map((p) => ({ value: p, label: POSTS[p].label }));

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setError(null);
    const input: PostInput = {
      post: values.post,
      holderName: values.holderName.trim(),
      title: values.title?.trim() || null,
      ...(values.phone?.trim() ? { phone: values.phone.trim() } : {}),
      ...(values.sort !== undefined && values.sort !== null ? { sort: values.sort } : {}),
    };
    try {
      if (post) await update.mutateAsync({ id: post.id, input });
      else await create.mutateAsync({ unitId: unit.id, input });
      message.success(post ? '任职已保存' : '已新增任职');
      onClose();
    } catch (err) {
      setError(applyServerErrors(form, err));
    }
  };

  return (
    <Modal
      open
      title={post ? '编辑任职' : '新增任职'}
      okText={post ? '保存' : '新增'}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
    >
      <Form
        name="post"
        form={form}
        layout="vertical"
        requiredMark="optional"
        initialValues={post ? { post: post.post, holderName: post.holderName, title: post.title ?? undefined, sort: post.sort } : { post: 'staff' }}
      >
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
        <Form.Item name="post" label="岗位" rules={[{ required: true, message: '请选择岗位' }]}>
          <Select options={options} />
        </Form.Item>
        <Form.Item name="holderName" label="姓名" rules={[{ required: true, whitespace: true, message: '请输入任职人姓名' }, { max: 32, message: '最多 32 个字' }]}>
          <Input maxLength={32} />
        </Form.Item>
        <Form.Item name="title" label="职务" rules={[{ max: 60, message: '最多 60 个字' }]}>
          <Input placeholder="如：社区党委书记" maxLength={60} />
        </Form.Item>
        <Form.Item
          name="phone"
          label="手机号"
          extra={post?.phoneMasked ? `当前：${post.phoneMasked}，留空则不修改` : '仅工作人员可见，列表中只显示部分号码'}
          rules={[{ pattern: /^1[3-9]\d{9}$/, message: '请输入 11 位手机号' }]}
        >
          <Input inputMode="tel" maxLength={11} autoComplete="off" />
        </Form.Item>
        <Form.Item name="sort" label="排序" extra="数字越小越靠前">
          <InputNumber min={0} max={9999} precision={0} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

// ---------------------------------------------------------------- leading group

const GROUP_ORDER = Object.keys(LEADING_GROUP_ROLES) as (keyof typeof LEADING_GROUP_ROLES)[];

function LeadingGroup({ unit, editable }: { unit: UnitView; editable: boolean }) {
  const { message } = App.useApp();
  const members = useLeadingGroup(unit.id);
  const remove = useDeleteLeadingGroupMember();
  const [editing, setEditing] = useState<LeadingGroupMemberView | 'new' | null>(null);
  const rows = useMemo(
    () => [...(members.data ?? [])].sort((a, b) => GROUP_ORDER.indexOf(a.groupRole) - GROUP_ORDER.indexOf(b.groupRole) || a.sort - b.sort),
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
                      () => message.success('已移出领导小组'),
                      (err: Error) => message.error(err.message),
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

interface MemberFormValues {
  name: string;
  groupRole: LeadingGroupMemberInput['groupRole'];
  title?: string;
  duty?: string;
  sort?: number;
}

function MemberModal({ unit, member, onClose }: { unit: UnitView; member: LeadingGroupMemberView | null; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<MemberFormValues>();
  const create = useCreateLeadingGroupMember();
  const update = useUpdateLeadingGroupMember();
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setError(null);
    const input: LeadingGroupMemberInput = {
      name: values.name.trim(),
      groupRole: values.groupRole,
      title: values.title?.trim() || null,
      duty: values.duty?.trim() || null,
      ...(values.sort !== undefined && values.sort !== null ? { sort: values.sort } : {}),
    };
    try {
      if (member) await update.mutateAsync({ id: member.id, input });
      else await create.mutateAsync({ unitId: unit.id, input });
      message.success(member ? '已保存' : '已新增成员');
      onClose();
    } catch (err) {
      setError(applyServerErrors(form, err));
    }
  };

  return (
    <Modal
      open
      title={member ? '编辑领导小组成员' : '新增领导小组成员'}
      okText={member ? '保存' : '新增'}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
    >
      <Form
        name="leading-group-member"
        form={form}
        layout="vertical"
        requiredMark="optional"
        initialValues={
          member
            ? { name: member.name, groupRole: member.groupRole, title: member.title ?? undefined, duty: member.duty ?? undefined, sort: member.sort }
            : { groupRole: 'member' }
        }
      >
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
        <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请输入姓名' }, { max: 32, message: '最多 32 个字' }]}>
          <Input maxLength={32} />
        </Form.Item>
        <Form.Item name="groupRole" label="组内职务" rules={[{ required: true, message: '请选择组内职务' }]}>
          <Select options={GROUP_ORDER.map((r) => ({ value: r, label: LEADING_GROUP_ROLES[r] }))} />
        </Form.Item>
        <Form.Item name="title" label="单位职务" rules={[{ max: 60, message: '最多 60 个字' }]}>
          <Input placeholder="如：街道党工委书记" maxLength={60} />
        </Form.Item>
        <Form.Item name="duty" label="分工" rules={[{ max: 200, message: '最多 200 个字' }]}>
          <Input.TextArea rows={3} maxLength={200} showCount />
        </Form.Item>
        <Form.Item name="sort" label="排序" extra="数字越小越靠前">
          <InputNumber min={0} max={9999} precision={0} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
