import { PhoneOutlined } from '@ant-design/icons';
import { App, Breadcrumb, Button, Card, Col, Descriptions, Empty, Popconfirm, Result, Row, Skeleton, Space, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { LEGAL_BASES } from '../../../shared/care';
import { ApiError, errorMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { type CareDetail, CONSENT_METHODS, useCareRecipient, useUpdateCareRecipient, VISIT_KINDS } from '../../lib/queries/care';
import { PageHeader } from '../components/page-header';
import { ToneTag } from '../components/tags';
import { EditModal } from './care-edit-modal';
import { VisitForm } from './care-visit-form';
import { PlaceOrderModal } from '../orders/place-order-modal';
import { GENDERS, lastContactText, SensitiveBanner } from './care-parts';

export default function CareDetailPage() {
  const { id = '' } = useParams();
  const detail = useCareRecipient(id);
  if (detail.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (detail.error) {
    const missing = detail.error instanceof ApiError && detail.error.status === 404;
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={<h1 style={{ fontSize: 20 }}>{missing ? '关爱对象不存在，或不由您所在的实践站服务' : '关爱对象加载失败'}</h1>}
        subTitle={missing ? '关爱对象的信息只对服务站点的工作人员和实践所管理员开放。' : detail.error.message}
        extra={
          <Link to="/admin/care">
            <Button type="primary">返回关爱对象</Button>
          </Link>
        }
      />
    );
  }
  return <Detail detail={detail.data} />;
}

function Detail({ detail }: { detail: CareDetail }) {
  const { message } = App.useApp();
  const r = detail.recipient;
  const [ordering, setOrdering] = useState(false);
  const [editing, setEditing] = useState(false);
  const update = useUpdateCareRecipient();
  const orders = detail.visits.filter((v) => v.orderId);

  const archive = () =>
    update.mutateAsync({ id: r.id, input: { archived: !r.archived } }).then(
      () => void message.success(r.archived ? '已恢复' : '已归档'),
      (err: unknown) => void message.error(errorMessage(err)),
    );

  return (
    <>
      <Breadcrumb style={{ marginBottom: 12 }} items={[{ title: <Link to="/admin/care">关爱对象</Link> }, { title: r.name }]} />
      <PageHeader
        title={r.name}
        description={
          <Space size={4} wrap>
            {r.categories.map((c) => (
              <ToneTag key={c} tone="blue">
                {c}
              </ToneTag>
            ))}
            {r.noContactFlag ? <ToneTag tone="red">久未联系</ToneTag> : null}
            {r.archived ? <ToneTag tone="grey">已归档</ToneTag> : null}
            <span>{r.stationName}</span>
          </Space>
        }
        extra={
          <>
            {!r.archived ? (
              <Button type="primary" icon={<PhoneOutlined />} onClick={() => setOrdering(true)}>
                为TA代为点单
              </Button>
            ) : null}
            <Button onClick={() => setEditing(true)}>修改</Button>
            <Popconfirm
              title={r.archived ? '恢复这位关爱对象？' : '归档这位关爱对象？'}
              description={r.archived ? undefined : '不再需要关爱帮扶时归档（如已迁出、已成年）。归档后不再提醒联系。'}
              onConfirm={archive}
              okText={r.archived ? '恢复' : '归档'}
            >
              <Button>{r.archived ? '恢复' : '归档'}</Button>
            </Popconfirm>
          </>
        }
      />
      <SensitiveBanner />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card variant="borderless" title={<h2 style={{ fontSize: 16, margin: 0 }}>基本情况</h2>} style={{ marginBottom: 16 }}>
            <Descriptions
              column={{ xs: 1, md: 2 }}
              items={[
                { key: 'gender', label: '性别', children: r.gender ? GENDERS[r.gender] : '—' },
                { key: 'age', label: '年龄', children: r.age !== null ? `${r.age} 岁` : '—' },
                { key: 'id', label: '身份证号', children: r.idNumberMasked ?? '未登记' },
                { key: 'phone', label: '联系电话', children: r.phone ? <a href={`tel:${r.phone}`}>{r.phone}</a> : '—' },
                { key: 'address', label: '住址', children: r.address ?? '—', span: { xs: 1, md: 2 } },
                { key: 'needs', label: '主要需求', children: <span style={{ whiteSpace: 'pre-wrap' }}>{r.needs ?? '—'}</span>, span: { xs: 1, md: 2 } },
                {
                  key: 'guardian',
                  label: '监护人 / 紧急联系人',
                  span: { xs: 1, md: 2 },
                  children: r.guardian ? (
                    <>
                      {r.guardian.name}（{r.guardian.relation}） <a href={`tel:${r.guardian.phone}`}>{r.guardian.phone}</a>
                    </>
                  ) : (
                    '—'
                  ),
                },
                { key: 'last', label: '最近联系', children: lastContactText(r.lastContactAt) },
                { key: 'station', label: '服务实践站', children: r.stationName },
                {
                  key: 'basis',
                  label: '处理依据',
                  span: { xs: 1, md: 2 },
                  children: (
                    <>
                      {LEGAL_BASES[r.legalBasis]}
                      {r.consentMethod ? `（${CONSENT_METHODS[r.consentMethod as keyof typeof CONSENT_METHODS] ?? r.consentMethod}）` : ''}
                    </>
                  ),
                },
              ]}
            />
          </Card>
          <Card variant="borderless" title={<h2 style={{ fontSize: 16, margin: 0 }}>关联的需求单</h2>}>
            {orders.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有为TA结项的点单服务" />
            ) : (
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {orders.map((v) => (
                  <li key={v.id}>
                    <Link to={`/admin/orders/${v.orderId}`}>{formatDateTime(v.at).slice(0, 10)} 点单服务</Link>
                    {v.note ? <Typography.Text type="secondary">：{v.note}</Typography.Text> : null}
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          {!r.archived ? (
            <Card variant="borderless" title={<h2 style={{ fontSize: 16, margin: 0 }}>记录走访 / 电话</h2>} style={{ marginBottom: 16 }}>
              <VisitForm id={r.id} stationId={r.stationId} />
            </Card>
          ) : null}
          <Card variant="borderless" title={<h2 style={{ fontSize: 16, margin: 0 }}>联系记录</h2>}>
            {detail.visits.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无联系记录" />
            ) : (
              <Timeline
                items={detail.visits.map((v) => ({
                  key: v.id,
                  color: v.kind === 'visit' ? 'green' : v.kind === 'order' ? 'red' : 'blue',
                  title: formatDateTime(v.at).slice(0, 16),
                  content: (
                    <div>
                      <strong>{VISIT_KINDS[v.kind] ?? v.kind}</strong>
                      {v.byName ? <Typography.Text type="secondary"> · {v.byName}</Typography.Text> : null}
                      {v.note ? <div style={{ whiteSpace: 'pre-wrap' }}>{v.note}</div> : null}
                      {v.orderId ? <Link to={`/admin/orders/${v.orderId}`}>查看需求单</Link> : null}
                      {v.activityId ? <Link to={`/admin/activities/${v.activityId}`}>查看活动</Link> : null}
                    </div>
                  ),
                }))}
              />
            )}
          </Card>
        </Col>
      </Row>
      {ordering ? <PlaceOrderModal recipient={r} onClose={() => setOrdering(false)} /> : null}
      {editing ? <EditModal recipient={r} onClose={() => setEditing(false)} /> : null}
    </>
  );
}
