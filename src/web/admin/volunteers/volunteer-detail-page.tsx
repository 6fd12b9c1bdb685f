import { EditOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Card, Col, Flex, Result, Row, Skeleton, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { VOLUNTEER_TRANSITIONS, type VolunteerAction } from '../../../shared/volunteers';
import { ApiError } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useVolunteer } from '../../lib/queries/volunteers';
import { useTitle } from '../../lib/title';
import { ToneTag } from '../components/tags';
import { CertificatesTab } from './certificates-tab';
import { AwardsTab, RecordsTab, TrainingTab } from './detail-tabs';
import { EditVolunteerModal } from './edit-volunteer-modal';
import { TransitionDialog } from './transition-dialog';
import { StarTag, VolunteerStatusTag } from './volunteer-tags';
import { History, InfoCard } from './volunteer-info';
import { HoursCard } from './volunteer-hours-card';

export default function VolunteerDetailPage() {
  const { id = '' } = useParams();
  const detail = useVolunteer(id);
  const [acting, setActing] = useState<VolunteerAction | null>(null);
  const [editing, setEditing] = useState(false);
  useTitle(detail.data?.volunteer.name ?? '志愿者详情');

  if (detail.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (detail.error) {
    const missing = detail.error instanceof ApiError && (detail.error.status === 404 || detail.error.status === 403);
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={<h1 style={{ fontSize: 24, margin: 0 }}>{missing ? '志愿者不存在或无权查看' : '志愿者信息加载失败'}</h1>}
        subTitle={detail.error.message}
        extra={<Link to="/admin/volunteers">返回志愿者列表</Link>}
      />
    );
  }

  const { volunteer: v, history } = detail.data;
  return (
    <>
      <Breadcrumb aria-label="当前位置" style={{ marginBottom: 12 }} items={[{ title: <Link to="/admin/volunteers">志愿者</Link> }, { title: v.name }]} />
      <Flex justify="space-between" align="flex-start" gap={16} wrap style={{ marginBottom: 16 }}>
        <div>
          <Flex align="center" gap={8} wrap>
            <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
              {v.name}
            </Typography.Title>
            <VolunteerStatusTag status={v.status} />
            <StarTag level={v.starLevel} />
            {v.isMinor ? <ToneTag tone="red">未成年</ToneTag> : null}
          </Flex>
          <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0' }}>
            {v.volunteerNo ? `志愿者编号 ${v.volunteerNo}` : '审核通过后生成志愿者编号'} · {v.stationName} · 登记于 {formatDateTime(v.createdAt).slice(0, 10)}
            {v.statusReason ? ` · 原因：${v.statusReason}` : ''}
          </Typography.Paragraph>
        </div>
        <Space wrap>
          {v.allowedActions.map((a) => (
            <Button
              key={a}
              type={a === 'certify' || a === 'reinstate' ? 'primary' : 'default'}
              danger={a === 'reject' || a === 'suspend' || a === 'exit'}
              onClick={() => setActing(a)}
            >
              {VOLUNTEER_TRANSITIONS[a].label}
            </Button>
          ))}
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
            编辑资料
          </Button>
        </Space>
      </Flex>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <InfoCard volunteer={v} />
        </Col>
        <Col xs={24} xl={8}>
          <Card variant="borderless" title="状态记录">
            <History history={history} />
          </Card>
        </Col>
        <Col xs={24}>
          <HoursCard volunteerId={v.id} />
        </Col>
        <Col xs={24}>
          <Card variant="borderless">
            <Tabs
              items={[
                { key: 'records', label: '服务记录', children: <RecordsTab volunteer={v} /> },
                { key: 'training', label: '培训', children: <TrainingTab volunteer={v} /> },
                { key: 'awards', label: '表彰', children: <AwardsTab volunteer={v} /> },
                { key: 'certificates', label: '志愿服务证明', children: <CertificatesTab volunteer={v} /> },
              ]}
            />
          </Card>
        </Col>
      </Row>
      {acting ? <TransitionDialog volunteer={v} action={acting} onClose={() => setActing(null)} /> : null}
      {editing ? <EditVolunteerModal volunteer={v} onClose={() => setEditing(false)} /> : null}
    </>
  );
}
