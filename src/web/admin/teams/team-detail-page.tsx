import { PlusOutlined } from '@ant-design/icons';
import { App, Breadcrumb, Button, Card, Col, Descriptions, Flex, Popconfirm, Result, Row, Select, Skeleton, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ACTIVITY_STATUSES } from '../../../shared/labels';
import { TEAM_KINDS, TEAM_ROLES, type TeamMemberView } from '../../../shared/teams';
import { ApiError, errorMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { type TeamRole, useDecideMember, useRemoveMember, useSetMemberRole, useTeam, useUpdateTeam } from '../../lib/queries/teams';
import { hasRole } from '../../lib/session';
import { useTitle } from '../../lib/title';
import { ToneTag } from '../components/tags';
import { useAdminSession } from '../session-context';
import { AddMemberModal, EditTeamModal, ROLE_ORDER } from './team-modals';
import { hoursText } from '../volunteers/volunteer-tags';

export default function TeamDetailPage() {
  const { id = '' } = useParams();
  const session = useAdminSession();
  const { message } = App.useApp();
  const page = useTeam(id);
  const decide = useDecideMember();
  const setRole = useSetMemberRole();
  const remove = useRemoveMember();
  const update = useUpdateTeam();
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const isAdmin = hasRole(session, 'institute_admin', 'station_admin');
  useTitle(page.data?.team.name ?? '队伍');

  const members = useMemo(
    () =>
      [...(page.data?.members ?? [])]
        .filter((m) => m.status === 'active')
        .sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || b.approvedHours - a.approvedHours),
    [page.data],
  );
  const pending = (page.data?.members ?? []).filter((m) => m.status === 'pending');

  if (page.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (page.error) {
    const missing = page.error instanceof ApiError && (page.error.status === 404 || page.error.status === 403);
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={<h1 style={{ fontSize: 24, margin: 0 }}>{missing ? '队伍不存在或无权查看' : '队伍信息加载失败'}</h1>}
        subTitle={page.error.message}
        extra={<Link to="/admin/teams">返回队伍列表</Link>}
      />
    );
  }

  const { team } = page.data;
  const manage = team.canManage;
  const done = (text: string) => () => void message.success(text);
  const fail = (err: unknown) => void message.error(errorMessage(err));

  const memberColumns: ColumnsType<TeamMemberView> = [
    {
      title: '姓名',
      dataIndex: 'name',
      width: 140,
      render: (name: string, m) => (
        <Space orientation="vertical" size={0}>
          {isAdmin ? (
            <Link to={`/admin/volunteers/${m.volunteerId}`} style={{ fontWeight: 600 }}>
              {name}
            </Link>
          ) : (
            <strong>{name}</strong>
          )}
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {m.volunteerNo ?? '未编号'}
          </Typography.Text>
        </Space>
      ),
    },
    { title: '所属实践站', dataIndex: 'stationName', width: 200 },
    {
      title: '队内职务',
      dataIndex: 'role',
      width: 150,
      render: (role: TeamRole, m) =>
        manage ? (
          <Select<TeamRole>
            size="small"
            value={role}
            style={{ width: 110 }}
            aria-label={`${m.name} 的队内职务`}
            options={ROLE_ORDER.map((r) => ({ value: r, label: TEAM_ROLES[r] }))}
            onChange={(next) =>
              setRole.mutate({ teamId: team.id, memberId: m.id, role: next }, { onSuccess: done(`${m.name} 已设为${TEAM_ROLES[next]}`), onError: fail })
            }
          />
        ) : (
          TEAM_ROLES[role]
        ),
    },
    { title: '认定时长', dataIndex: 'approvedHours', width: 110, align: 'right', render: (h: number) => hoursText(h) },
    { title: '入队时间', dataIndex: 'decidedAt', width: 130, render: (t: string | null, m) => formatDateTime(t ?? m.requestedAt).slice(0, 10) },
    ...(manage
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 90,
            render: (_: unknown, m: TeamMemberView) => (
              <Popconfirm
                title={`将「${m.name}」移出${team.name}？`}
                description="移出后其服务时长仍保留在个人记录中。"
                okText="移出"
                okButtonProps={{ danger: true }}
                onConfirm={() => remove.mutateAsync({ teamId: team.id, memberId: m.id }).then(done(`已将 ${m.name} 移出队伍`), fail)}
              >
                <Button type="link" size="small" danger aria-label={`将 ${m.name} 移出队伍`}>
                  移出
                </Button>
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];

  const pendingColumns: ColumnsType<TeamMemberView> = [
    { title: '姓名', dataIndex: 'name', width: 140 },
    { title: '所属实践站', dataIndex: 'stationName', width: 200 },
    { title: '申请说明', dataIndex: 'note', render: (n: string | null) => n ?? '—' },
    { title: '申请时间', dataIndex: 'requestedAt', width: 170, render: (t: string) => formatDateTime(t) },
    {
      title: '操作',
      key: 'actions',
      width: 150,
      render: (_, m) => (
        <Space size={0}>
          <Button
            type="link"
            size="small"
            onClick={() => decide.mutate({ teamId: team.id, memberId: m.id, decision: 'approve' }, { onSuccess: done(`已同意 ${m.name} 入队`), onError: fail })}
            aria-label={`同意 ${m.name} 入队`}
          >
            同意
          </Button>
          <Popconfirm
            title={`拒绝 ${m.name} 的入队申请？`}
            okText="拒绝"
            okButtonProps={{ danger: true }}
            onConfirm={() => decide.mutateAsync({ teamId: team.id, memberId: m.id, decision: 'decline' }).then(done(`已拒绝 ${m.name} 的申请`), fail)}
          >
            <Button type="link" size="small" danger aria-label={`拒绝 ${m.name} 入队`}>
              拒绝
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <>
      <Breadcrumb aria-label="当前位置" style={{ marginBottom: 12 }} items={[{ title: <Link to="/admin/teams">队伍</Link> }, { title: team.name }]} />
      <Flex justify="space-between" align="flex-start" gap={16} wrap style={{ marginBottom: 16 }}>
        <div>
          <Flex align="center" gap={8} wrap>
            <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
              {team.name}
            </Typography.Title>
            <ToneTag tone={team.kind === 'street_corps' ? 'red' : team.kind === 'community_squad' ? 'blue' : 'gold'}>{TEAM_KINDS[team.kind]}</ToneTag>
            {team.archived ? <ToneTag tone="grey">已停用</ToneTag> : null}
          </Flex>
          <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0' }}>
            {team.unitName} · 队员 {team.memberCount} 人 · 累计认定 {hoursText(team.approvedHours)}
          </Typography.Paragraph>
        </div>
        {manage ? (
          <Space wrap>
            <Button onClick={() => setEditing(true)}>编辑队伍</Button>
            <Popconfirm
              title={team.archived ? `重新启用「${team.name}」？` : `停用「${team.name}」？`}
              description={team.archived ? undefined : '停用后不再接受入队申请，队员和时长记录保留。'}
              okText={team.archived ? '启用' : '停用'}
              okButtonProps={{ danger: !team.archived }}
              onConfirm={() => update.mutateAsync({ id: team.id, input: { archived: !team.archived } }).then(done(team.archived ? '已启用' : '已停用'), fail)}
            >
              <Button danger={!team.archived}>{team.archived ? '启用' : '停用'}</Button>
            </Popconfirm>
          </Space>
        ) : null}
      </Flex>

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card variant="borderless" title="队伍简介" style={{ height: '100%' }}>
            {team.intro ? (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{team.intro}</Typography.Paragraph>
            ) : (
              <Typography.Text type="secondary">暂无简介</Typography.Text>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card variant="borderless" title="负责人" style={{ height: '100%' }}>
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'leader', label: '队长', children: team.leader?.name ?? '未设（在队员列表中设置）' },
                { key: 'deputies', label: '副队长', children: team.deputies.length ? team.deputies.map((d) => d.name).join('、') : '未设' },
              ]}
            />
          </Card>
        </Col>
        {manage && pending.length ? (
          <Col xs={24}>
            <Card variant="borderless" title={`入队申请（${pending.length}）`}>
              <Table<TeamMemberView> rowKey="id" size="middle" columns={pendingColumns} dataSource={pending} pagination={false} scroll={{ x: 760 }} />
            </Card>
          </Col>
        ) : null}
        <Col xs={24}>
          <Card
            variant="borderless"
            title={`队员（${members.length}）`}
            extra={
              manage && isAdmin && !team.archived ? (
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                  添加队员
                </Button>
              ) : null
            }
          >
            <Table<TeamMemberView>
              rowKey="id"
              size="middle"
              columns={memberColumns}
              dataSource={members}
              pagination={members.length > 20 ? { pageSize: 20 } : false}
              scroll={{ x: 820 }}
              locale={{ emptyText: '还没有队员' }}
            />
          </Card>
        </Col>
        <Col xs={24}>
          <Card variant="borderless" title="队员参加的活动（最近 20 场）">
            <Table
              rowKey="id"
              size="middle"
              dataSource={page.data.activities}
              pagination={false}
              locale={{ emptyText: '队员还没有参加过活动' }}
              columns={[
                { title: '时间', dataIndex: 'startsAt', width: 170, render: (v: string) => formatDateTime(v).slice(0, 16) },
                { title: '活动', dataIndex: 'title', render: (v: string, a) => <Link to={`/admin/activities/${a.id}`}>{v}</Link> },
                { title: '组织单位', dataIndex: 'unitName' },
                { title: '参加队员', dataIndex: 'members', width: 100, render: (n: number) => `${n} 人` },
                { title: '状态', dataIndex: 'status', width: 100, render: (v: string) => ACTIVITY_STATUSES[v as keyof typeof ACTIVITY_STATUSES] ?? v },
              ]}
            />
          </Card>
        </Col>
      </Row>
      {editing ? <EditTeamModal team={team} onClose={() => setEditing(false)} /> : null}
      {adding ? (
        <AddMemberModal
          team={team}
          existing={new Set((page.data.members ?? []).filter((m) => m.status === 'active' || m.status === 'pending').map((m) => m.volunteerId))}
          onClose={() => setAdding(false)}
        />
      ) : null}
    </>
  );
}
