import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, List, Select, Skeleton, Table, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { STANDARD_KEYS, STANDARDS, type StandardKey } from '../../../shared/rules/standards';
import { errorMessage } from '../../lib/api';
import { type BoardRow, downloadStandardsBoard, type StandardsBoard, useStandardsBoard } from '../../lib/queries/standards';
import { PageHeader } from '../components/page-header';
import { CELL_TEXT, SourceTag, STATUS_STYLE, StatusTag, shortUnitName } from './labels';
import { UnitDrawer } from './unit-drawer';

type Cell = BoardRow['cells'][number];
type Open = { unitId: string; standard?: StandardKey };

function BoardCell({ cell, onOpen }: { cell: Cell | undefined; onOpen: () => void }) {
  if (!cell) return null;
  const s = STATUS_STYLE[cell.status];
  return (
    <Tooltip title={cell.reason}>
      <button
        type="button"
        onClick={onOpen}
        aria-label={`${STANDARDS[cell.standard].label}：${CELL_TEXT[cell.status]}，${cell.reason}`}
        style={{
          width: '100%',
          minHeight: 36,
          cursor: 'pointer',
          background: s.background,
          color: s.color,
          border: `1px solid ${s.border}`,
          borderRadius: 6,
          fontWeight: cell.status === 'missing' ? 600 : 400,
        }}
      >
        {CELL_TEXT[cell.status]}
      </button>
    </Tooltip>
  );
}

/** Units × the eight standards; a click opens the unit's evidence. */
function BoardGrid({ board, onOpen }: { board: StandardsBoard; onOpen: (o: Open) => void }) {
  const countOf = (k: StandardKey) => board.counts.find((c) => c.standard === k);
  return (
    <Table<BoardRow>
      rowKey="unitId"
      size="small"
      bordered
      pagination={false}
      dataSource={board.rows}
      scroll={{ x: 860 }}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有可查看的实践所或实践站" /> }}
      columns={[
        {
          title: '单位',
          dataIndex: 'unitName',
          fixed: 'left',
          width: 120,
          render: (name: string, r) => (
            <Typography.Link onClick={() => onOpen({ unitId: r.unitId })} title={name} style={{ fontWeight: r.kind === 'institute' ? 600 : 400 }}>
              {shortUnitName(name)}
              {r.kind === 'institute' ? '（所）' : ''}
            </Typography.Link>
          ),
        },
        ...STANDARD_KEYS.map((k) => ({
          title: STANDARDS[k].label,
          key: k,
          width: 88,
          align: 'center' as const,
          render: (_: unknown, r: BoardRow) => (
            <BoardCell cell={r.cells.find((c) => c.standard === k)} onOpen={() => onOpen({ unitId: r.unitId, standard: k })} />
          ),
        })),
      ]}
      summary={() =>
        board.rows.length > 1 ? (
          <Table.Summary fixed="bottom">
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} className="standards-foot">
                <Typography.Text strong>达标 / {board.rows.length}</Typography.Text>
              </Table.Summary.Cell>
              {STANDARD_KEYS.map((k, i) => {
                const c = countOf(k);
                return (
                  <Table.Summary.Cell key={k} index={i + 1} align="center">
                    <Typography.Text strong>{c?.met ?? 0}</Typography.Text>
                    {c && c.missing > 0 ? <Typography.Text type="danger"> · 缺{c.missing}</Typography.Text> : null}
                  </Table.Summary.Cell>
                );
              })}
            </Table.Summary.Row>
          </Table.Summary>
        ) : null
      }
    />
  );
}

/** A station's admin sees their one row as a list: one line per standard with its reason. */
function OwnRow({ row, onOpen }: { row: BoardRow; onOpen: (o: Open) => void }) {
  return (
    <List
      header={<Typography.Text strong>{row.unitName}</Typography.Text>}
      dataSource={row.cells}
      renderItem={(c) => (
        <List.Item
          onClick={() => onOpen({ unitId: row.unitId, standard: c.standard })}
          style={{ cursor: 'pointer' }}
          actions={[
            <Typography.Link key="open" onClick={() => onOpen({ unitId: row.unitId, standard: c.standard })}>
              查看
            </Typography.Link>,
          ]}
        >
          <List.Item.Meta
            title={
              <>
                {STANDARDS[c.standard].label} <StatusTag status={c.status} />
                <SourceTag source={c.source} />
              </>
            }
            description={c.reason}
          />
        </List.Item>
      )}
    />
  );
}

/** 八有标准 (工作方案 二、(二)): the board of the institute and its stations. */
export default function StandardsPage() {
  const { message } = App.useApp();
  const [instituteId, setInstituteId] = useState<string | undefined>();
  const [open, setOpen] = useState<Open | null>(null);
  const [exporting, setExporting] = useState(false);
  const board = useStandardsBoard(instituteId);
  const data = board.data;
  const single = data && data.institutes.length === 0 && data.rows.length === 1 ? data.rows[0] : null;

  const exportXlsx = async () => {
    setExporting(true);
    try {
      message.success(`已导出 ${await downloadStandardsBoard(data?.instituteId ?? undefined)}`);
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <PageHeader
        title="“八有”建设标准"
        description="有场所、有队伍、有活动、有项目、有机制、有标识、有成果展示、有制度：能由业务数据证明的自动判定，统一标识和成果展示以实践所对证明材料的确认为准。红色为未达标，点击查看原因和依据。"
        extra={
          <>
            {data && data.institutes.length > 1 ? (
              <Select
                aria-label="实践所"
                value={data.instituteId ?? undefined}
                options={data.institutes.map((i) => ({ value: i.id, label: i.name }))}
                onChange={setInstituteId}
                style={{ minWidth: 200 }}
              />
            ) : null}
            <Button icon={<DownloadOutlined />} loading={exporting} disabled={!data || data.rows.length === 0} onClick={() => void exportXlsx()}>
              导出 Excel
            </Button>
          </>
        }
      />
      <Card variant="borderless" styles={{ body: { padding: single ? 12 : undefined } }}>
        {board.isPending ? <Skeleton active /> : null}
        {board.error ? <Alert type="error" showIcon title="看板加载失败" description={errorMessage(board.error)} /> : null}
        {data && single ? <OwnRow row={single} onOpen={setOpen} /> : null}
        {data && !single ? <BoardGrid board={data} onOpen={setOpen} /> : null}
      </Card>
      {open ? <UnitDrawer unitId={open.unitId} focus={open.standard} onClose={() => setOpen(null)} /> : null}
    </>
  );
}
