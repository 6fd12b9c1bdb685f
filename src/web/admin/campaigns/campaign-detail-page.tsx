import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Empty, Image, Result, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { CAMPAIGN_STATUS_LABELS, GENDERS } from '../../../shared/campaigns';
import { errorMessage } from '../../lib/api';
import { type Campaign, type Nomination, type Objection, useCampaign, useFinalise, usePublish } from '../../lib/queries/campaigns';
import { fileUrl } from '../components/file-upload';
import { PageHeader } from '../components/page-header';
import { ToneTag } from '../components/tags';
import { DecideModal, NominateModal, ResolveObjectionModal, WithdrawNominationModal } from './campaign-modals';

function outcome(n: Nomination) {
  if (n.withdrawn) return <ToneTag tone="grey">已撤回：{n.withdrawn.reason}</ToneTag>;
  if (n.removed) return <ToneTag tone="red" wrap>{`异议成立，已移除：${n.removed}`}</ToneTag>;
  if (!n.decision) return <ToneTag tone="blue">待评审</ToneTag>;
  return (
    <Space orientation="vertical" size={0}>
      <ToneTag tone={n.decision.selected ? 'green' : 'grey'}>{n.decision.selected ? '入选' : '不入选'}</ToneTag>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {n.decision.reason}（{n.decision.byName}）
      </Typography.Text>
    </Space>
  );
}

function nominationColumns(c: Campaign, act: { decide(n: Nomination): void; withdraw(n: Nomination): void }): ColumnsType<Nomination> {
  const household = c.subject === 'household';
  // A station reads its own nominations only: its name in every row would only push the deeds off a phone's screen.
  const oneStation = !c.canManage && new Set(c.nominationList.map((n) => n.stationId)).size <= 1;
  const station: ColumnsType<Nomination> = oneStation ? [] : [{ title: '实践站', dataIndex: 'stationName', width: 130 }];
  return [
    ...station,
    {
      title: household ? '户主 / 住址' : '姓名',
      key: 'who',
      width: 170,
      render: (_, n) => (
        <Space orientation="vertical" size={0}>
          <strong>{n.nomineeName}</strong>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {household ? `${n.address ?? ''}，${n.members ?? '-'} 人` : `${GENDERS[n.gender as keyof typeof GENDERS] ?? ''}，${n.ageBand ?? ''}`}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: '事迹与材料',
      key: 'deeds',
      render: (_, n) => (
        <Space orientation="vertical" size={4}>
          <Typography.Paragraph ellipsis={{ rows: 3, expandable: true, symbol: '展开' }} style={{ margin: 0 }}>
            {n.deeds}
          </Typography.Paragraph>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            材料：{n.evidence}；同意公示：{n.consentRecordedBy} 记录于 {n.consentOn}
          </Typography.Text>
          {n.photoFileIds.length > 0 ? (
            <Image.PreviewGroup>
              <Space size={4} wrap>
                {n.photoFileIds.map((f, i) => (
                  <Image key={f} src={fileUrl(f)} width={56} height={56} style={{ objectFit: 'cover' }} alt={`${n.nomineeName} 照片 ${i + 1}`} />
                ))}
              </Space>
            </Image.PreviewGroup>
          ) : null}
        </Space>
      ),
    },
    { title: '结论', key: 'outcome', width: 180, render: (_, n) => outcome(n) },
    {
      title: '操作',
      key: 'op',
      width: 120,
      render: (_, n) =>
        c.status !== 'open' || n.withdrawn ? null : (
          <Space size={4} wrap>
            {c.canManage && !n.decision ? (
              <Button size="small" type="primary" onClick={() => act.decide(n)} aria-label={`评审 ${n.nomineeName}`}>
                评审
              </Button>
            ) : null}
            {c.canManage || c.nominateStations.some((s) => s.id === n.stationId) ? (
              <Button size="small" onClick={() => act.withdraw(n)} aria-label={`撤回 ${n.nomineeName}`}>
                撤回
              </Button>
            ) : null}
          </Space>
        ),
    },
  ];
}

function objectionColumns(open: (o: Objection) => void): ColumnsType<Objection> {
  return [
    { title: '对象', dataIndex: 'nomineeName', width: 110 },
    { title: '异议内容', dataIndex: 'content' },
    { title: '提出人', key: 'who', width: 170, render: (_, o) => `${o.name ?? '匿名'}（${o.contact}）` },
    { title: '时间', dataIndex: 'createdAt', width: 110, render: (t: string) => t.slice(0, 10) },
    {
      title: '处理',
      key: 'res',
      width: 220,
      render: (_, o) =>
        o.resolution ? (
          <Space orientation="vertical" size={0}>
            <ToneTag tone={o.resolution.upheld ? 'red' : 'green'}>{o.resolution.upheld ? '异议成立' : '异议不成立'}</ToneTag>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {o.resolution.reply}
            </Typography.Text>
          </Space>
        ) : (
          <Button size="small" type="primary" onClick={() => open(o)} aria-label={`处理 ${o.nomineeName} 的异议`}>
            处理
          </Button>
        ),
    },
  ];
}

function oneStationWidth(c: Campaign) {
  return c.canManage ? 900 : 760;
}

/** One campaign: criteria, nominations by station (with photos), review, 公示, objections, finalise. */
export default function CampaignDetailPage() {
  const { id = '' } = useParams();
  const { message, modal } = App.useApp();
  const q = useCampaign(id);
  const publish = usePublish();
  const finalise = useFinalise();
  const [nominating, setNominating] = useState(false);
  const [deciding, setDeciding] = useState<Nomination | null>(null);
  const [withdrawing, setWithdrawing] = useState<Nomination | null>(null);
  const [resolving, setResolving] = useState<Objection | null>(null);

  if (q.error) return <Result status="warning" title="评选不存在或无权查看" extra={<Link to="/admin/campaigns">返回评选列表</Link>} />;
  const c = q.data;
  if (!c) return <Card loading variant="borderless" />;

  const confirm = (title: string, content: string, run: () => Promise<unknown>, done: string) =>
    modal.confirm({
      title,
      content,
      okText: '确定',
      cancelText: '取消',
      onOk: async () => {
        try {
          await run();
          message.success(done);
        } catch (err) {
          message.error(errorMessage(err));
        }
      },
    });
  const openObjections = c.objections.filter((o) => !o.resolution).length;

  return (
    <>
      <PageHeader
        title={c.title}
        description={<Link to="/admin/campaigns">← 评选列表</Link>}
        extra={
          <>
            {c.nominateStations.length > 0 ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setNominating(true)}>
                推荐对象
              </Button>
            ) : null}
            {c.canManage && c.status === 'open' ? (
              <Button
                type="primary"
                onClick={() =>
                  confirm('发布公示', '发布后不能再推荐或修改评审结论，公示期内任何人可在门户提出异议。', () => publish.mutateAsync(c.id), '已发布公示')
                }
              >
                发布公示
              </Button>
            ) : null}
            {c.canManage && c.status === 'notice' ? (
              <Button
                type="primary"
                onClick={() => confirm('确定评选结果', '确定后结果在门户公布并按年度保存。', () => finalise.mutateAsync(c.id), '评选结果已确定')}
              >
                确定结果
              </Button>
            ) : null}
          </>
        }
      />
      <Card variant="borderless" style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 3 }} size="small">
          <Descriptions.Item label="类别">{c.kindLabel}</Descriptions.Item>
          <Descriptions.Item label="状态">{CAMPAIGN_STATUS_LABELS[c.status]}</Descriptions.Item>
          <Descriptions.Item label="推荐时间">
            {c.nominateFrom} 至 {c.nominateUntil}
          </Descriptions.Item>
          <Descriptions.Item label="每站名额">{c.quotaPerStation ?? '不限'}</Descriptions.Item>
          {c.noticeEndsOn ? <Descriptions.Item label="公示截止">{c.noticeEndsOn}</Descriptions.Item> : null}
          <Descriptions.Item label="有效推荐">{c.nominations}</Descriptions.Item>
          <Descriptions.Item label="评选条件" span={{ xs: 1, md: 3 }}>
            {c.criteria}
            {c.criteriaItems.length > 0 ? `（${c.criteriaItems.join('、')}）` : ''}
          </Descriptions.Item>
        </Descriptions>
        {c.status === 'notice' && openObjections > 0 ? <Alert type="warning" showIcon title={`有 ${openObjections} 条异议待处理，处理完才能确定结果`} /> : null}
      </Card>
      <Card variant="borderless" title="推荐名单" style={{ marginBottom: 16 }}>
        <Table<Nomination>
          rowKey="id"
          columns={nominationColumns(c, { decide: setDeciding, withdraw: setWithdrawing })}
          dataSource={c.nominationList}
          pagination={false}
          scroll={{ x: oneStationWidth(c) }}
          locale={{ emptyText: <Empty description={c.nominateStations.length > 0 ? '还没有推荐，点击“推荐对象”添加' : '还没有推荐'} /> }}
        />
      </Card>
      {c.canManage && c.status !== 'open' ? (
        <Card variant="borderless" title="公示异议">
          <Table<Objection>
            rowKey="id"
            columns={objectionColumns(setResolving)}
            dataSource={c.objections}
            pagination={false}
            scroll={{ x: 800 }}
            locale={{ emptyText: '公示期内没有收到异议' }}
          />
        </Card>
      ) : null}
      {nominating ? <NominateModal campaign={c} onClose={() => setNominating(false)} /> : null}
      {deciding ? <DecideModal nomination={deciding} onClose={() => setDeciding(null)} /> : null}
      {withdrawing ? <WithdrawNominationModal nomination={withdrawing} onClose={() => setWithdrawing(null)} /> : null}
      {resolving ? <ResolveObjectionModal objection={resolving} onClose={() => setResolving(null)} /> : null}
    </>
  );
}
