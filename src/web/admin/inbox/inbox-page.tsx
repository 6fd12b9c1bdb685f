import { BellOutlined, CheckOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, App, Badge, Button, Card, Col, Empty, Grid, List, Row, Skeleton, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { NotificationView } from '../../../shared/notifications';
import { formatDateTime } from '../../lib/format';
import { useMarkAllRead, useMarkRead, useMyTodo, useNotificationPage } from '../../lib/queries/notifications';
import { PageHeader } from '../components/page-header';

/** 消息待办: what waits for the staff member (counts in their units) and their notices, newest first. */
export default function InboxPage() {
  return (
    <>
      <PageHeader title="消息待办" description="等待您处理的事项，以及系统发给您的消息：点单超时升级、任务逾期、评选公示结束等。" />
      <TodoSection />
      <NoticeSection />
    </>
  );
}

function TodoSection() {
  const todo = useMyTodo();
  if (todo.isPending) return <Skeleton active paragraph={{ rows: 2 }} />;
  if (todo.error) return <Alert type="error" showIcon title="待办事项加载失败" description={todo.error.message} style={{ marginBottom: 16 }} />;
  if (todo.data.items.length === 0) return null;
  return (
    <section aria-labelledby="todo-title" style={{ marginBottom: 24 }}>
      <Typography.Title level={2} id="todo-title" style={{ fontSize: 16, margin: '0 0 12px' }}>
        待办事项 <Typography.Text type="secondary">共 {todo.data.total} 项</Typography.Text>
      </Typography.Title>
      <Row gutter={[16, 16]}>
        {todo.data.items.map((item) => (
          <Col key={item.key} xs={24} sm={12} xl={8}>
            <Link to={item.link} style={{ display: 'block', height: '100%' }} aria-label={`${item.label} ${item.count} 项，去处理`}>
              <Card hoverable variant="borderless" style={{ height: '100%' }}>
                <Statistic title={item.label} value={item.count} suffix="项" styles={{ content: { color: item.count > 0 ? '#a8071a' : undefined } }} />
                <Typography.Text type={item.count > 0 ? undefined : 'secondary'}>
                  {item.count > 0 ? '去处理' : '暂无待办'} <RightOutlined aria-hidden="true" />
                </Typography.Text>
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </section>
  );
}

function NoticeSection() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const pageSize = 20;
  const list = useNotificationPage(page, pageSize);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  // On a phone the actions go under the notice, so its text keeps the width.
  const narrow = Grid.useBreakpoint().md === false;

  const open = (n: NotificationView) => {
    if (!n.read) markRead.mutate(n.id);
    if (n.link?.startsWith('/')) navigate(n.link);
  };

  return (
    <section aria-labelledby="notice-title">
      <Typography.Title level={2} id="notice-title" style={{ fontSize: 16, margin: '0 0 12px', display: 'flex', alignItems: 'center', gap: 12 }}>
        <span>消息 {list.data ? <Typography.Text type="secondary">{list.data.unread} 条未读</Typography.Text> : null}</span>
        {list.data && list.data.unread > 0 ? (
          <Button
            size="small"
            icon={<CheckOutlined />}
            loading={markAll.isPending}
            onClick={() => markAll.mutate(undefined, { onSuccess: () => void message.success('已全部标为已读') })}
          >
            全部标为已读
          </Button>
        ) : null}
      </Typography.Title>
      {list.error ? (
        <Alert type="error" showIcon title="消息加载失败" description={list.error.message} />
      ) : (
        <Card variant="borderless">
          <List
            itemLayout={narrow ? 'vertical' : 'horizontal'}
            loading={list.isPending}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无消息" /> }}
            pagination={
              list.data && list.data.total > pageSize
                ? { current: page, pageSize, total: list.data.total, onChange: setPage, showSizeChanger: false, showTotal: (t) => `共 ${t} 条` }
                : false
            }
            renderItem={(n) => (
              <List.Item
                actions={[
                  n.link?.startsWith('/') ? (
                    <Button key="open" type="link" onClick={() => open(n)}>
                      查看
                    </Button>
                  ) : null,
                  !n.read ? (
                    <Button key="read" type="link" onClick={() => markRead.mutate(n.id)} disabled={markRead.isPending}>
                      标为已读
                    </Button>
                  ) : null,
                ].filter(Boolean)}
              >
                <List.Item.Meta
                  avatar={
                    <Badge dot={!n.read} offset={[-2, 2]}>
                      <BellOutlined aria-hidden="true" style={{ fontSize: 18, color: n.read ? '#8c8c8c' : '#c7000b' }} />
                    </Badge>
                  }
                  title={
                    <span style={{ fontWeight: n.read ? 400 : 600 }}>
                      {n.read ? null : <span className="sr-only">未读：</span>}
                      {n.title}
                    </span>
                  }
                  description={
                    <>
                      {n.body ? <div style={{ color: '#434343' }}>{n.body}</div> : null}
                      <div>{formatDateTime(n.createdAt)}</div>
                    </>
                  }
                />
              </List.Item>
            )}
          />
        </Card>
      )}
    </section>
  );
}
