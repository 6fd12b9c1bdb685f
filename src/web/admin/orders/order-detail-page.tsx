import { Alert, Breadcrumb, Button, Card, Col, Descriptions, Empty, Rate, Result, Row, Skeleton, Space, Timeline, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { eventLabel, eventNote, type OrderEventView, type OrderView, statusLabel, targetText, useOrder } from '../../lib/queries/orders';
import { PageHeader } from '../components/page-header';
import { ToneTag } from '../components/tags';
import { ActionPanel } from './action-panel';
import { ChannelText, OrderPhotos, OrderStatusTag, SlaTags, useNow } from './order-parts';

export default function OrderDetailPage() {
  const { id = '' } = useParams();
  const order = useOrder(id);

  if (order.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (order.error) {
    const missing = order.error instanceof ApiError && order.error.status === 404;
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={<h1 style={{ fontSize: 20 }}>{missing ? '需求单不存在，或不在您的管辖范围内' : '需求单加载失败'}</h1>}
        subTitle={missing ? undefined : order.error.message}
        extra={
          <Link to="/admin/orders">
            <Button type="primary">返回群众点单</Button>
          </Link>
        }
      />
    );
  }
  return <Detail order={order.data} />;
}

function Detail({ order: o }: { order: OrderView }) {
  const now = useNow();
  return (
    <>
      <Breadcrumb style={{ marginBottom: 12 }} items={[{ title: <Link to="/admin/orders">群众点单</Link> }, { title: o.number }]} />
      <PageHeader
        title={`需求单 ${o.number}`}
        description={
          <Space size={4} wrap>
            <OrderStatusTag status={o.status} />
            <SlaTags order={o} now={now} />
            <span>
              {o.unitName} · 点单于 {formatDateTime(o.createdAt).slice(0, 16)}
            </span>
          </Space>
        }
      />
      {o.duplicateOf ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={
            <>
              该居民近期已点过同类服务：单号 <Link to={`/admin/orders?tab=all&q=${encodeURIComponent(o.duplicateOf)}`}>{o.duplicateOf}</Link>
              。请核实是否重复提交。
            </>
          }
        />
      ) : null}
      {o.status === 'rejected' && o.rejectReason ? <Alert type="info" showIcon style={{ marginBottom: 16 }} title={`不予受理：${o.rejectReason}`} /> : null}
      {o.status === 'cancelled' && o.cancelReason ? <Alert type="info" showIcon style={{ marginBottom: 16 }} title={`已取消：${o.cancelReason}`} /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card variant="borderless" title={<h2 style={{ fontSize: 16, margin: 0 }}>需求</h2>} style={{ marginBottom: 16 }}>
            <Descriptions
              column={{ xs: 1, md: 2 }}
              items={[
                {
                  key: 'requester',
                  label: '点单人',
                  children: (
                    <Space size={4} wrap>
                      <span>{o.requesterName}</span>
                      {o.requesterVerified ? <ToneTag tone="green">已核实</ToneTag> : <ToneTag tone="gold">待核实</ToneTag>}
                    </Space>
                  ),
                },
                {
                  key: 'phone',
                  label: '联系电话',
                  children: o.requesterPhone ? (
                    <a href={`tel:${o.requesterPhone}`}>{o.requesterPhone}</a>
                  ) : (
                    <Typography.Text type="secondary">未留</Typography.Text>
                  ),
                },
                { key: 'channel', label: '点单方式', children: <ChannelText channel={o.channel} /> },
                { key: 'item', label: '服务项目', children: o.itemName ?? '其他需求（不在清单中）' },
                { key: 'title', label: '需求名称', children: o.title, span: { xs: 1, md: 2 } },
                { key: 'description', label: '需求描述', children: <span style={{ whiteSpace: 'pre-wrap' }}>{o.description}</span>, span: { xs: 1, md: 2 } },
                { key: 'address', label: '服务地址', children: o.address ?? '—' },
                { key: 'preferred', label: '希望服务时间', children: o.preferredAt ? formatDateTime(o.preferredAt).slice(0, 16) : '尽快' },
                ...(o.careRecipientId
                  ? [{ key: 'care', label: '关爱对象', children: <Link to={`/admin/care/${o.careRecipientId}`}>查看关爱对象档案</Link> }]
                  : []),
                { key: 'photos', label: '居民上传的照片', children: <OrderPhotos ids={o.photoFileIds} label="居民上传的照片" />, span: { xs: 1, md: 2 } },
              ]}
            />
          </Card>
          <Card variant="borderless" title={<h2 style={{ fontSize: 16, margin: 0 }}>派单与服务</h2>} style={{ marginBottom: 16 }}>
            <Descriptions
              column={{ xs: 1, md: 2 }}
              items={[
                { key: 'target', label: '派给', children: targetText(o.target) },
                { key: 'dispatched', label: '派单时间', children: o.dispatchedAt ? formatDateTime(o.dispatchedAt).slice(0, 16) : '—' },
                { key: 'sla', label: '接单时限', children: o.slaDueAt ? formatDateTime(o.slaDueAt).slice(0, 16) : '—' },
                {
                  key: 'volunteer',
                  label: '接单志愿者',
                  children: o.volunteer ? <Link to={`/admin/volunteers/${o.volunteer.id}`}>{o.volunteer.name}</Link> : '—',
                },
                { key: 'accepted', label: '接单时间', children: o.acceptedAt ? formatDateTime(o.acceptedAt).slice(0, 16) : '—' },
                { key: 'completed', label: '结项时间', children: o.completedAt ? formatDateTime(o.completedAt).slice(0, 16) : '—' },
                ...(o.completionReport
                  ? [
                      {
                        key: 'report',
                        label: '服务情况',
                        children: <span style={{ whiteSpace: 'pre-wrap' }}>{o.completionReport}</span>,
                        span: { xs: 1, md: 2 },
                      },
                      { key: 'cphotos', label: '现场照片', children: <OrderPhotos ids={o.completionPhotoIds} label="现场照片" />, span: { xs: 1, md: 2 } },
                    ]
                  : []),
                ...(o.rating !== null
                  ? [
                      {
                        key: 'rating',
                        label: '居民评价',
                        span: { xs: 1, md: 2 },
                        children: (
                          <Space wrap>
                            <Rate disabled value={o.rating} aria-label={`${o.rating} 星`} />
                            <span>{o.rating} 星</span>
                            {o.ratedBy === 'staff' ? (
                              <ToneTag tone="grey">工作人员回访代评</ToneTag>
                            ) : o.ratedBy === 'system' ? (
                              <ToneTag tone="grey">默认好评</ToneTag>
                            ) : null}
                            {o.ratingComment ? <Typography.Text>“{o.ratingComment}”</Typography.Text> : null}
                          </Space>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
          <Card variant="borderless" title={<h2 style={{ fontSize: 16, margin: 0 }}>流转记录</h2>}>
            <History events={o.events} />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card variant="borderless" title={<h2 style={{ fontSize: 16, margin: 0 }}>办理</h2>} style={{ position: 'sticky', top: 16 }}>
            <ActionPanel order={o} />
          </Card>
        </Col>
      </Row>
    </>
  );
}

const EVENT_COLOURS: Record<string, string> = {
  reject: 'red',
  cancel: 'gray',
  decline: 'gray',
  escalate: 'red',
  complete: 'green',
  rate: 'green',
  close: 'green',
};

function History({ events }: { events: OrderEventView[] }) {
  if (!events.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无记录" />;
  return (
    <Timeline
      items={events.map((e, i) => ({
        key: `${e.at}-${i}`,
        color: EVENT_COLOURS[e.action] ?? 'blue',
        title: formatDateTime(e.at).slice(0, 16),
        content: (
          <div>
            <strong>{eventLabel(e.action)}</strong>
            <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
              {e.actorName ?? (e.actorKind === 'system' ? '系统' : '')}
              {e.toStatus && e.fromStatus !== e.toStatus ? ` · ${e.fromStatus ? `${statusLabel(e.fromStatus)} → ` : ''}${statusLabel(e.toStatus)}` : ''}
            </Typography.Text>
            {eventNote(e) ? <div style={{ whiteSpace: 'pre-wrap' }}>{eventNote(e)}</div> : null}
          </div>
        ),
      }))}
    />
  );
}
