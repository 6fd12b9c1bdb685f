import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Flex, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { AUTO_KIND_LABELS } from '../../../shared/rules/assessment';
import { errorMessage } from '../../lib/api';
import { type Indicator, useDefaultIndicators, useIndicators, useUpdateIndicator } from '../../lib/queries/assessment';
import { PageHeader } from '../components/page-header';
import { useAdminSession } from '../session-context';
import { IndicatorFormModal } from './indicator-form-modal';

/** 考核指标: the institute's tree; a period already opened keeps the tree it opened with. */
export default function IndicatorsPage() {
  const session = useAdminSession();
  const { message } = App.useApp();
  const institute = session.roles.find((r) => r.role === 'institute_admin');
  const list = useIndicators({ instituteId: institute?.unitId, page: 1, pageSize: 200 });
  const defaults = useDefaultIndicators();
  const update = useUpdateIndicator();
  const [modal, setModal] = useState<{ parent: Indicator | null; editing: Indicator | null } | null>(null);
  const all = list.data?.items ?? [];
  const cats = all.filter((i) => i.level === 1);
  const total = all.filter((i) => i.level === 2).reduce((s, i) => s + i.maxPoints, 0);

  if (!institute) return <Alert type="info" showIcon title="考核指标由实践所管理员设置" />;
  const archive = async (i: Indicator) => {
    try {
      await update.mutateAsync({ id: i.id, body: { archived: true } });
      message.success('已停用');
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  return (
    <>
      <PageHeader
        title="考核指标"
        description={
          <>
            <Link to="/admin/assessment">考核</Link> · 合计 {total} 分
            {total !== 100 ? <Typography.Text type="warning">（建议合计 100 分）</Typography.Text> : null}。修改指标不影响已开始的考核期。
          </>
        }
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setModal({ parent: null, editing: null })}>
            添加一级指标
          </Button>
        }
      />
      {list.error ? <Alert type="error" showIcon title="指标加载失败" description={list.error.message} /> : null}
      {!list.isPending && cats.length === 0 ? (
        <Card variant="borderless">
          <Empty description="还没有考核指标">
            <Button
              type="primary"
              loading={defaults.isPending}
              onClick={() => defaults.mutateAsync(institute.unitId).catch((err) => void message.error(errorMessage(err)))}
            >
              使用默认指标（阵地建设、队伍建设、活动进展）
            </Button>
          </Empty>
        </Card>
      ) : null}
      {cats.map((c) => {
        const items = all.filter((i) => i.parentId === c.id);
        return (
          <Card
            key={c.id}
            variant="borderless"
            style={{ marginBottom: 16 }}
            title={`${c.title}（${items.reduce((s, i) => s + i.maxPoints, 0)} 分）`}
            extra={
              <Space wrap>
                <Button size="small" onClick={() => setModal({ parent: c, editing: null })}>
                  添加项目
                </Button>
                <Button size="small" type="link" onClick={() => setModal({ parent: null, editing: c })}>
                  修改
                </Button>
              </Space>
            }
          >
            <Table<Indicator>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={items}
              scroll={{ x: 640 }}
              locale={{ emptyText: '还没有考核项目' }}
              columns={[
                {
                  title: '考核项目',
                  dataIndex: 'title',
                  render: (t: string, i) => (
                    <Flex vertical>
                      <Typography.Text>{t}</Typography.Text>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {i.standard}
                      </Typography.Text>
                    </Flex>
                  ),
                },
                { title: '满分', dataIndex: 'maxPoints', width: 60 },
                {
                  title: '计分方式',
                  dataIndex: 'autoKind',
                  width: 150,
                  render: (k: Indicator['autoKind']) => (k ? <Tag color="blue">自动：{AUTO_KIND_LABELS[k]}</Tag> : <Tag>人工评分</Tag>),
                },
                {
                  title: '操作',
                  key: 'op',
                  width: 120,
                  render: (_v, i) => (
                    <Space size={0}>
                      <Button size="small" type="link" onClick={() => setModal({ parent: c, editing: i })}>
                        修改
                      </Button>
                      <Popconfirm title="停用后新开始的考核期不再包含此项。确定？" okText="停用" cancelText="取消" onConfirm={() => void archive(i)}>
                        <Button size="small" type="link" danger>
                          停用
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]}
            />
          </Card>
        );
      })}
      {modal ? <IndicatorFormModal instituteId={institute.unitId} parent={modal.parent} editing={modal.editing} onClose={() => setModal(null)} /> : null}
    </>
  );
}
