import { Alert, Button, Col, Drawer, Flex, Grid, Row, Statistic, Table, Tag } from 'antd';
import { useState } from 'react';
import { POINT_KINDS, type PointKind } from '../../../shared/points';
import { errorMessage } from '../../lib/api';
import { type PointEntry, useVolunteerPoints } from '../../lib/queries/points';
import { ManualModal, RevokeModal } from './point-modals';
import { pointsText, SourceCell } from './point-cells';

type Modal = { kind: 'grant' | 'deduct' } | { kind: 'revoke'; entry: PointEntry } | null;

/** One volunteer's statement: totals, entries, and the staff actions on them. */
export function StatementDrawer({ volunteerId, onClose }: { volunteerId: string; onClose: () => void }) {
  const [page, setPage] = useState(1);
  const [modal, setModal] = useState<Modal>(null);
  const s = useVolunteerPoints(volunteerId, page);
  const narrow = Grid.useBreakpoint().md === false;
  const data = s.data;
  return (
    <Drawer open onClose={onClose} title={data ? `${data.volunteerName} 的积分` : '积分明细'} size={narrow ? '100%' : 760}>
      {s.error ? <Alert type="error" showIcon title="积分明细加载失败" description={errorMessage(s.error)} /> : null}
      {data ? (
        <>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={12} md={6}>
              <Statistic title="余额" value={data.totals.balance} suffix="分" />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title="累计获得" value={data.totals.issued} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title="已兑换" value={data.totals.spent} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title="已过期" value={data.totals.expired} />
            </Col>
          </Row>
          {data.canWrite ? (
            <Flex gap={8} style={{ marginBottom: 16 }}>
              <Button type="primary" onClick={() => setModal({ kind: 'grant' })}>
                发放积分
              </Button>
              <Button danger onClick={() => setModal({ kind: 'deduct' })} disabled={data.totals.balance === 0}>
                扣减积分
              </Button>
            </Flex>
          ) : null}
          <Table<PointEntry>
            rowKey="id"
            size="small"
            loading={s.isFetching}
            dataSource={data.entries.items}
            scroll={{ x: 640 }}
            locale={{ emptyText: '还没有积分记录' }}
            pagination={{ current: page, pageSize: 10, total: data.entries.total, onChange: setPage, showTotal: (t) => `共 ${t} 条` }}
            columns={[
              { title: '时间', dataIndex: 'createdAt', width: 100, render: (t: string) => new Date(t).toLocaleDateString('zh-CN') },
              { title: '类型', dataIndex: 'kind', width: 100, render: (k: PointKind) => <Tag>{POINT_KINDS[k]}</Tag> },
              { title: '积分', dataIndex: 'points', width: 70, align: 'right', render: pointsText },
              { title: '来源', key: 'source', width: 120, render: (_, e) => <SourceCell entry={e} /> },
              { title: '原因', dataIndex: 'reason', render: (r: string | null) => r ?? '—' },
              {
                title: '操作',
                key: 'op',
                width: 80,
                render: (_, e) =>
                  data.canWrite && e.revocable ? (
                    <Button size="small" danger onClick={() => setModal({ kind: 'revoke', entry: e })}>
                      撤销
                    </Button>
                  ) : null,
              },
            ]}
          />
        </>
      ) : null}
      {modal && data && modal.kind !== 'revoke' ? <ManualModal kind={modal.kind} statement={data} onClose={() => setModal(null)} /> : null}
      {modal?.kind === 'revoke' ? <RevokeModal entry={modal.entry} onClose={() => setModal(null)} /> : null}
    </Drawer>
  );
}
