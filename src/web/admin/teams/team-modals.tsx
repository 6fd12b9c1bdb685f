import { App, Form, Input, Select } from 'antd';
import { CreateTeamInput, TEAM_ROLES, type TeamView } from '../../../shared/teams';
import { FormModal, limitsOf, rulesFrom, useSubmit } from '../../lib/form';
import { type TeamRole, useAddMember, useUpdateTeam } from '../../lib/queries/teams';
import { VolunteerPicker } from '../components/volunteer-picker';

export const ROLE_ORDER: TeamRole[] = ['leader', 'deputy', 'member'];

// The update schema makes every field optional (a PATCH); the limits are the create schema's.
const f = CreateTeamInput.shape;

export function EditTeamModal({ team, onClose }: { team: TeamView; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string; intro?: string }>();
  const submit = useSubmit(form, useUpdateTeam(), {
    input: (values) => ({ id: team.id, input: { name: values.name.trim(), intro: values.intro?.trim() || null } }),
    onDone: () => {
      message.success('已保存');
      onClose();
    },
    byCode: { 'teams.duplicate_name': 'name' },
  });

  return (
    <FormModal
      name="team-edit"
      form={form}
      submit={submit}
      title="编辑队伍"
      onClose={onClose}
      initialValues={{ name: team.name, intro: team.intro ?? undefined }}
    >
      <Form.Item name="name" label="队伍名称" rules={rulesFrom(f.name, { required: '请输入队伍名称' })}>
        <Input maxLength={limitsOf(f.name).maxLength} />
      </Form.Item>
      <Form.Item name="intro" label="简介" rules={rulesFrom(f.intro)}>
        <Input.TextArea rows={5} maxLength={limitsOf(f.intro).maxLength} showCount />
      </Form.Item>
    </FormModal>
  );
}

export function AddMemberModal({ team, existing, onClose }: { team: TeamView; existing: Set<string>; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ volunteerId: string; role: TeamRole }>();
  const submit = useSubmit(form, useAddMember(), {
    input: (values) => ({ teamId: team.id, volunteerId: values.volunteerId, role: values.role }),
    onDone: () => {
      message.success('已添加队员');
      onClose();
    },
    byCode: { 'teams.already_member': 'volunteerId', 'teams.volunteer_not_certified': 'volunteerId' },
  });

  return (
    <FormModal
      name="team-add-member"
      form={form}
      submit={submit}
      title={`添加队员：${team.name}`}
      okText="添加"
      onClose={onClose}
      initialValues={{ role: 'member' }}
    >
      <Form.Item name="volunteerId" label="志愿者" rules={[{ required: true, message: '请选择志愿者' }]} extra="只能添加已认证的志愿者">
        <VolunteerPicker exclude={existing} />
      </Form.Item>
      <Form.Item name="role" label="队内职务" rules={[{ required: true }]}>
        <Select options={ROLE_ORDER.map((r) => ({ value: r, label: TEAM_ROLES[r] }))} />
      </Form.Item>
    </FormModal>
  );
}
