import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Flex, Grid, Row, Select, Statistic, Tabs, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { SessionView } from '../../../shared/accounts';
import { MAX_FUND_YEAR, MIN_FUND_YEAR } from '../../../shared/funds';
import { formatYuan } from '../../../shared/rules/money';
import { errorMessage } from '../../lib/api';
import { downloadFundStatement, type BudgetLine, type FundEntry, useBudgetLines, useFundEntries, useFundTotals } from '../../lib/queries/funds';
import { useUnits } from '../../lib/queries/org';
import { useProgrammes } from '../../lib/queries/programmes';
import { hasRole } from '../../lib/session';
import { PageHeader } from '../components/page-header';
import { sortUnits } from '../org/helpers';
import { useAdminSession } from '../session-context';
import { AdjustModal, BudgetLineModal, CorrectionModal, EntryModal } from './fund-modals';
import { type EntryFilters, EntriesTable, EntryFilterBar, LinesTable, TotalsTable } from './fund-tables';
import { shareText } from './labels';

/** Who may enter funds for a unit: the institute's admins for every unit, a station's admins for their own (the server decides). */
function canWriteFor(session: SessionView, unitId: string): boolean {
  if (hasRole(session, 'institute_admin')) return true;
  return session.roles.some((g) => g.role === 'station_admin' && g.unitId === unitId);
}

type Modal = { kind: 'entry' } | { kind: 'line' } | { kind: 'correct'; entry: FundEntry } | { kind: 'adjust'; line: BudgetLine } | null;

export default function FundsPage() {
  const session = useAdminSession();
  const { message } = App.useApp();
  const thisYear = new Date().getFullYear();
  const years = useMemo(() => {
    const out: number[] = [];
    for (let y = Math.min(thisYear + 1, MAX_FUND_YEAR); y >= Math.max(thisYear - 6, MIN_FUND_YEAR); y--) out.push(y);
    return out;
  }, [thisYear]);
  const [year, setYear] = useState(thisYear);
  const [unitId, setUnitId] = useState<string | undefined>();
  const [filters, setFilters] = useState<EntryFilters>({});
  const [entryPage, setEntryPage] = useState({ page: 1, pageSize: 20 });
  const [linePage, setLinePage] = useState({ page: 1, pageSize: 20 });
  const [modal, setModal] = useState<Modal>(null);
  const [exporting, setExporting] = useState(false);

  const units = useUnits();
  const programmes = useProgrammes(true);
  const totals = useFundTotals(year, unitId);
  const entryQuery = { year, unitId, ...filters, ...entryPage };
  const entries = useFundEntries(entryQuery);
  const lines = useBudgetLines({ year, unitId, ...linePage });

  const fundUnits = useMemo(() => sortUnits((units.data ?? []).filter((u) => !u.archived && (u.kind === 'institute' || u.kind === 'station'))), [units.data]);
  const unitOptions = fundUnits.map((u) => ({ value: u.id, label: u.name }));
  const writable = unitOptions.filter((u) => canWriteFor(session, u.value));
  const canWrite = (id: string) => canWriteFor(session, id);
  const institutes = new Set(fundUnits.filter((u) => u.kind === 'institute').map((u) => u.id));
  const programmeOptions = (forUnit: string | undefined) =>
    (programmes.data ?? [])
      .filter((p) => !p.archived && (forUnit === undefined || p.unitId === forUnit || institutes.has(p.unitId)))
      .map((p) => ({ value: p.id, label: p.unitId === forUnit || !forUnit ? p.name : `${p.name}（${p.unitName}）` }));

  const resetPages = () => {
    setEntryPage((p) => ({ ...p, page: 1 }));
    setLinePage((p) => ({ ...p, page: 1 }));
  };

  const exportXlsx = async () => {
    setExporting(true);
    try {
      const name = await downloadFundStatement(year, unitId);
      message.success(`已导出 ${name}`);
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setExporting(false);
    }
  };

  const sum = totals.data?.total;
  // Long amounts (亿元) must fit two columns of a phone.
  const figure = { fontSize: Grid.useBreakpoint().md === false ? 18 : 24, fontVariantNumeric: 'tabular-nums' } as const;
  const over = sum?.overBudget ? { ...figure, color: '#cf1322' } : figure;
  const overCount = totals.data?.rows.filter((r) => r.overBudget).length ?? 0;
  const error = totals.error ?? entries.error ?? lines.error;

  return (
    <>
      <PageHeader
        title="经费管理"
        description="工作方案五、（四）：建设经费和运行经费，采取财政支持、社会筹集、协调整合的方式保障。台账只增不改，登记错误用冲减更正，预算变动用调整记录。"
        extra={
          <>
            {writable.length > 0 ? (
              <>
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setModal({ kind: 'entry' })}>
                  登记支出
                </Button>
                <Button icon={<PlusOutlined />} onClick={() => setModal({ kind: 'line' })}>
                  新增预算
                </Button>
              </>
            ) : null}
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportXlsx()}>
              导出 Excel
            </Button>
          </>
        }
      />
      <Card variant="borderless" style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap align="center">
          <label htmlFor="funds-year">年度</label>
          <Select
            id="funds-year"
            style={{ width: 110 }}
            value={year}
            options={years.map((y) => ({ value: y, label: `${y} 年` }))}
            onChange={(y) => {
              setYear(y);
              resetPages();
            }}
          />
          {unitOptions.length > 1 ? (
            <>
              <label htmlFor="funds-unit">单位</label>
              <Select
                id="funds-unit"
                allowClear
                showSearch
                optionFilterProp="label"
                placeholder="全部单位"
                style={{ width: 260, maxWidth: '100%' }}
                value={unitId}
                options={unitOptions}
                loading={units.isPending}
                onChange={(u) => {
                  setUnitId(u);
                  setFilters((f) => ({ ...f, programmeId: undefined }));
                  resetPages();
                }}
              />
            </>
          ) : null}
        </Flex>
        <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
          <Col xs={12} md={6}>
            <Statistic title="预算合计（元）" value={sum ? formatYuan(sum.budgetFen) : '—'} loading={totals.isPending} styles={{ content: figure }} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title="支出合计（元）" value={sum ? formatYuan(sum.spentFen) : '—'} loading={totals.isPending} styles={{ content: over }} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title="结余（元）" value={sum ? formatYuan(sum.budgetFen - sum.spentFen) : '—'} loading={totals.isPending} styles={{ content: over }} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title="执行率" value={sum ? shareText(sum.share) : '—'} loading={totals.isPending} styles={{ content: figure }} />
          </Col>
        </Row>
        {overCount > 0 ? (
          <Typography.Text type="danger" style={{ display: 'block', marginTop: 8 }}>
            有 {overCount} 项支出超过预算（红色标出）。
          </Typography.Text>
        ) : null}
      </Card>
      {error ? <Alert type="error" showIcon title="经费数据加载失败" description={errorMessage(error)} style={{ marginBottom: 16 }} /> : null}
      <Card variant="borderless">
        <Tabs
          items={[
            { key: 'totals', label: '预算执行', children: <TotalsTable totals={totals.data} loading={totals.isFetching} /> },
            {
              key: 'entries',
              label: `支出台账${entries.data ? `（${entries.data.total}）` : ''}`,
              children: (
                <>
                  <div style={{ marginBottom: 12 }}>
                    <EntryFilterBar
                      value={filters}
                      programmes={programmeOptions(unitId)}
                      onChange={(f) => {
                        setFilters(f);
                        setEntryPage((p) => ({ ...p, page: 1 }));
                      }}
                    />
                  </div>
                  <EntriesTable
                    data={entries.data}
                    loading={entries.isFetching}
                    query={entryQuery}
                    onPage={(page, pageSize) => setEntryPage({ page, pageSize })}
                    canWrite={canWrite}
                    onCorrect={(entry) => setModal({ kind: 'correct', entry })}
                  />
                </>
              ),
            },
            {
              key: 'lines',
              label: `预算${lines.data ? `（${lines.data.total}）` : ''}`,
              children: (
                <LinesTable
                  data={lines.data}
                  loading={lines.isFetching}
                  page={linePage}
                  onPage={(page, pageSize) => setLinePage({ page, pageSize })}
                  canWrite={canWrite}
                  onAdjust={(line) => setModal({ kind: 'adjust', line })}
                />
              ),
            },
          ]}
        />
      </Card>
      {modal?.kind === 'entry' ? <EntryModal year={year} units={writable} programmes={programmeOptions} onClose={() => setModal(null)} /> : null}
      {modal?.kind === 'line' ? (
        <BudgetLineModal year={year} years={years} units={writable} programmes={programmeOptions} onClose={() => setModal(null)} />
      ) : null}
      {modal?.kind === 'correct' ? <CorrectionModal entry={modal.entry} onClose={() => setModal(null)} /> : null}
      {modal?.kind === 'adjust' ? <AdjustModal line={modal.line} onClose={() => setModal(null)} /> : null}
    </>
  );
}
