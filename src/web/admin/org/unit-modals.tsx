import { App, Form, Input, InputNumber, Select } from 'antd';
import {
  LEADING_GROUP_ROLES,
  LeadingGroupMemberInput,
  type LeadingGroupMemberView,
  POSTS,
  PostInput,
  type PostKind,
  type PostView,
  postFitsUnit,
  type UnitView,
} from '../../../shared/org';
import { FormModal, limitsOf, rulesFrom, useSubmit } from '../../lib/form';
import { useCreateLeadingGroupMember, useCreatePost, useUpdateLeadingGroupMember, useUpdatePost } from '../../lib/queries/org';

export const POST_ORDER = Object.keys(POSTS) as PostKind[];
export const GROUP_ORDER = Object.keys(LEADING_GROUP_ROLES) as (keyof typeof LEADING_GROUP_ROLES)[];

interface PostFormValues {
  post: PostKind;
  holderName: string;
  title?: string;
  phone?: string;
  sort?: number;
}

const p = PostInput.shape;

export function PostModal({ unit, post, onClose }: { unit: UnitView; post: PostView | null; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<PostFormValues>();
  const create = useCreatePost();
  const update = useUpdatePost();
  const options = POST_ORDER.filter((k) => postFitsUnit(k, unit.kind)).map((k) => ({ value: k, label: POSTS[k].label }));
  const save = {
    mutateAsync: (input: PostInput) => (post ? update.mutateAsync({ id: post.id, input }) : create.mutateAsync({ unitId: unit.id, input })),
    isPending: create.isPending || update.isPending,
  };
  const submit = useSubmit(form, save, {
    input: (values): PostInput => ({
      post: values.post,
      holderName: values.holderName.trim(),
      title: values.title?.trim() || null,
      ...(values.phone?.trim() ? { phone: values.phone.trim() } : {}),
      ...(values.sort !== undefined && values.sort !== null ? { sort: values.sort } : {}),
    }),
    onDone: () => {
      message.success(post ? '任职已保存' : '已新增任职');
      onClose();
    },
  });
  const sort = limitsOf(p.sort);

  return (
    <FormModal
      name="post"
      form={form}
      submit={submit}
      title={post ? '编辑任职' : '新增任职'}
      okText={post ? '保存' : '新增'}
      onClose={onClose}
      requiredMark="optional"
      initialValues={post ? { post: post.post, holderName: post.holderName, title: post.title ?? undefined, sort: post.sort } : { post: 'staff' }}
    >
      <Form.Item name="post" label="岗位" rules={rulesFrom(p.post, { required: '请选择岗位' })}>
        <Select options={options} />
      </Form.Item>
      <Form.Item name="holderName" label="姓名" rules={rulesFrom(p.holderName, { required: '请输入任职人姓名' })}>
        <Input maxLength={limitsOf(p.holderName).maxLength} />
      </Form.Item>
      <Form.Item name="title" label="职务" rules={rulesFrom(p.title)}>
        <Input placeholder="如：社区党委书记" maxLength={limitsOf(p.title).maxLength} />
      </Form.Item>
      <Form.Item
        name="phone"
        label="手机号"
        extra={post?.phoneMasked ? `当前：${post.phoneMasked}，留空则不修改` : '仅工作人员可见，列表中只显示部分号码'}
        rules={rulesFrom(p.phone)}
      >
        <Input inputMode="tel" maxLength={11} autoComplete="off" />
      </Form.Item>
      <Form.Item name="sort" label="排序" extra="数字越小越靠前">
        <InputNumber min={sort.min} max={sort.max} precision={0} style={{ width: 160 }} />
      </Form.Item>
    </FormModal>
  );
}

interface MemberFormValues {
  name: string;
  groupRole: LeadingGroupMemberInput['groupRole'];
  title?: string;
  duty?: string;
  sort?: number;
}

const m = LeadingGroupMemberInput.shape;

export function MemberModal({ unit, member, onClose }: { unit: UnitView; member: LeadingGroupMemberView | null; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<MemberFormValues>();
  const create = useCreateLeadingGroupMember();
  const update = useUpdateLeadingGroupMember();
  const save = {
    mutateAsync: (input: LeadingGroupMemberInput) => (member ? update.mutateAsync({ id: member.id, input }) : create.mutateAsync({ unitId: unit.id, input })),
    isPending: create.isPending || update.isPending,
  };
  const submit = useSubmit(form, save, {
    input: (values): LeadingGroupMemberInput => ({
      name: values.name.trim(),
      groupRole: values.groupRole,
      title: values.title?.trim() || null,
      duty: values.duty?.trim() || null,
      ...(values.sort !== undefined && values.sort !== null ? { sort: values.sort } : {}),
    }),
    onDone: () => {
      message.success(member ? '已保存' : '已新增成员');
      onClose();
    },
  });
  const sort = limitsOf(m.sort);

  return (
    <FormModal
      name="leading-group-member"
      form={form}
      submit={submit}
      title={member ? '编辑领导小组成员' : '新增领导小组成员'}
      okText={member ? '保存' : '新增'}
      onClose={onClose}
      requiredMark="optional"
      initialValues={
        member
          ? { name: member.name, groupRole: member.groupRole, title: member.title ?? undefined, duty: member.duty ?? undefined, sort: member.sort }
          : { groupRole: 'member' }
      }
    >
      <Form.Item name="name" label="姓名" rules={rulesFrom(m.name, { required: '请输入姓名' })}>
        <Input maxLength={limitsOf(m.name).maxLength} />
      </Form.Item>
      <Form.Item name="groupRole" label="组内职务" rules={rulesFrom(m.groupRole, { required: '请选择组内职务' })}>
        <Select options={GROUP_ORDER.map((r) => ({ value: r, label: LEADING_GROUP_ROLES[r] }))} />
      </Form.Item>
      <Form.Item name="title" label="单位职务" rules={rulesFrom(m.title)}>
        <Input placeholder="如：街道党工委书记" maxLength={limitsOf(m.title).maxLength} />
      </Form.Item>
      <Form.Item name="duty" label="分工" rules={rulesFrom(m.duty)}>
        <Input.TextArea rows={3} maxLength={limitsOf(m.duty).maxLength} showCount />
      </Form.Item>
      <Form.Item name="sort" label="排序" extra="数字越小越靠前">
        <InputNumber min={sort.min} max={sort.max} precision={0} style={{ width: 160 }} />
      </Form.Item>
    </FormModal>
  );
}
