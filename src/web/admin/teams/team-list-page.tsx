import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Badge, Card, Empty, Flex, Form, Input, Radio, Select, Skeleton, Space, Table, Typography, Button } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { UnitView } from '../../../shared/org';
import { CreateTeamInput, TEAM_KINDS, type TeamView } from '../../../shared/teams';
import { type TeamKind, useCreateTeam, useTeams } from '../../lib/queries/teams';
import { hasRole } from '../../lib/session';
import { PageHeader } from '../components/page-header';
import { ToneTag } from '../components/tags';
import { FormModal, limitsOf, rulesFrom, useSubmit } from '../../lib/form';
import { useAdminSession } from '../session-context';
import { hoursText } from '../volunteers/volunteer-tags';
import { useUnitOptions } from '../components/use-unit-options';

const KIND_ORDER: TeamKind[] = ['street_corps', 'community_squad', 'specialised'];
const KIND_HINT: Record<TeamKind, string> = {
  street_corps: '由实践所组建，街道党工委书记任队长，负责志愿者注册、认定、权益保障和供需对接。',
  community_squad: '每个实践站一支，就近招募志愿者，承接分队的活动安排。',
  specialised: '医疗、法律、文艺等专业志愿服务队伍，可设在实践所或实践站。',
};

/** Which kinds a team on this unit may be (分队 on the institute, 小队 on a station). */
function kindsFor(unit: UnitView | undefined): TeamKind[] {
  if (!unit) return [];
  return unit.kind === 'institute' ? ['street_corps', 'specialised'] : unit.kind === 'station' ? ['community_squad', 'specialised'] : [];
}

export default function TeamListPage() {
  const session = useAdminSession();
  const teams = useTeams();
  const [creating, setCreating] = useState(false);
  const canCreate = hasRole(session, 'institute_admin', 'station_admin');
  const groups = useMemo(() => {
    const list = [...(teams.data ?? [])].sort((a, b) => Number(a.archived) - Number(b.archived) || a.unitName.localeCompare(b.unitName, 'zh-CN'));
    return KIND_ORDER.map((kind) => ({ kind, teams: list.filter((t) => t.kind === kind) }));
  }, [teams.data]);

  const columns: ColumnsType<TeamView> = [
    {
      title: '队伍名称',
      dataIndex: 'name',
      render: (name: string, t) => (
        <Space size={4} wrap>
          <Link to={`/admin/teams/${t.id}`} style={{ fontWeight: 600 }}>
            {name}
          </Link>
          {t.archived ? <ToneTag tone="grey">已停用</ToneTag> : null}
        </Space>
      ),
    },
    { title: '所属单位', dataIndex: 'unitName', width: 220 },
    { title: '队长', key: 'leader', width: 110, render: (_, t) => t.leader?.name ?? <Typography.Text type="secondary">未设</Typography.Text> },
    { title: '副队长', key: 'deputies', width: 150, render: (_, t) => (t.deputies.length ? t.deputies.map((d) => d.name).join('、') : '—') },
    { title: '队员', dataIndex: 'memberCount', width: 80, align: 'right', render: (n: number) => `${n} 人` },
    {
      title: '入队申请',
      dataIndex: 'pendingCount',
      width: 100,
      render: (n: number, t) => (n > 0 && t.canManage ? <Badge count={n} title={`${n} 个待审批`} /> : n > 0 ? `${n} 个` : '—'),
    },
    { title: '累计认定时长', dataIndex: 'approvedHours', width: 130, align: 'right', render: (h: number) => hoursText(h) },
  ];

  return (
    <>
      <PageHeader
        title="队伍"
        description="街道志愿服务分队、社区志愿服务小队和专业志愿服务队。点击队伍名称管理队员和入队申请。"
        extra={
          canCreate ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              新建队伍
            </Button>
          ) : null
        }
      />
      {teams.error ? <Alert type="error" showIcon title="队伍加载失败" description={teams.error.message} style={{ marginBottom: 16 }} /> : null}
      {teams.isPending ? (
        <Card variant="borderless">
          <Skeleton active />
        </Card>
      ) : (
        <Flex vertical gap={16}>
          {groups.map((g) => (
            <Card
              key={g.kind}
              variant="borderless"
              title={
                <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
                  {TEAM_KINDS[g.kind]}
                  <Typography.Text type="secondary" style={{ fontSize: 14, fontWeight: 400, marginInlineStart: 8 }}>
                    {g.teams.length} 支
                  </Typography.Text>
                </Typography.Title>
              }
            >
              <Typography.Paragraph type="secondary">{KIND_HINT[g.kind]}</Typography.Paragraph>
              {g.teams.length ? (
                <Table<TeamView>
                  rowKey="id"
                  size="middle"
                  columns={columns}
                  dataSource={g.teams}
                  pagination={g.teams.length > 20 ? { pageSize: 20 } : false}
                  scroll={{ x: 960 }}
                />
              ) : (
                <Empty description={`还没有${TEAM_KINDS[g.kind]}`} image={Empty.PRESENTED_IMAGE_SIMPLE} />
              )}
            </Card>
          ))}
        </Flex>
      )}
      {creating ? <CreateTeamModal teams={teams.data ?? []} onClose={() => setCreating(false)} /> : null}
    </>
  );
}

const F = CreateTeamInput.shape;

interface CreateValues {
  unitId: string;
  kind: TeamKind;
  name: string;
  parentTeamId?: string;
  intro?: string;
}

function CreateTeamModal({ teams, onClose }: { teams: TeamView[]; onClose: () => void }) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { units: options, isPending: unitsPending } = useUnitOptions({ kinds: ['institute', 'station'] });
  const [form] = Form.useForm<CreateValues>();
  const unitId = Form.useWatch('unitId', form);
  const kind = Form.useWatch('kind', form);
  const unit = options.find((u) => u.id === unitId);
  const kinds = kindsFor(unit);
  const corps = teams.filter((t) => t.kind === 'street_corps' && !t.archived);

  const submit = useSubmit(form, useCreateTeam(), {
    input: (values): CreateTeamInput => ({
      unitId: values.unitId,
      kind: values.kind,
      name: values.name.trim(),
      ...(values.parentTeamId ? { parentTeamId: values.parentTeamId } : {}),
      ...(values.intro?.trim() ? { intro: values.intro.trim() } : {}),
    }),
    onDone: (team) => {
      message.success(`已新建「${team.name}」`);
      navigate(`/admin/teams/${team.id}`);
    },
    byCode: { 'teams.duplicate_name': 'name', 'teams.bad_kind': 'kind' },
  });

  return (
    <FormModal name="team-create" form={form} submit={submit} title="新建队伍" okText="新建" onClose={onClose} requiredMark="optional">
      <Form.Item name="unitId" label="所属单位" rules={[{ required: true, message: '请选择所属单位' }]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={unitsPending}
          options={options.map((u) => ({ value: u.id, label: u.name }))}
          onChange={(id: string) => form.setFieldValue('kind', kindsFor(options.find((u) => u.id === id))[0])}
        />
      </Form.Item>
      <Form.Item
        name="kind"
        label="队伍类型"
        rules={[{ required: true, message: '请选择队伍类型' }]}
        extra={kind ? KIND_HINT[kind] : '分队设在实践所，小队设在实践站，专业队两者均可。'}
      >
        <Radio.Group disabled={!unit} options={kinds.map((k) => ({ value: k, label: TEAM_KINDS[k] }))} />
      </Form.Item>
      <Form.Item name="name" label="队伍名称" rules={rulesFrom(F.name, { required: '请输入队伍名称' })}>
        <Input maxLength={limitsOf(F.name).maxLength} placeholder="如：金银社区志愿服务小队" />
      </Form.Item>
      {kind === 'community_squad' && corps.length ? (
        <Form.Item name="parentTeamId" label="隶属分队">
          <Select allowClear options={corps.map((t) => ({ value: t.id, label: t.name }))} placeholder="承接哪个街道分队的活动安排" />
        </Form.Item>
      ) : null}
      <Form.Item name="intro" label="简介" rules={rulesFrom(F.intro)}>
        <Input.TextArea rows={4} maxLength={limitsOf(F.intro).maxLength} showCount />
      </Form.Item>
    </FormModal>
  );
}
