import { DownloadOutlined, DownOutlined, ImportOutlined, PlusOutlined, UpOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Flex, Form, Input, Row, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { VOLUNTEER_STATUSES, type VolunteerAction, type VolunteerStatus, type VolunteerView } from '../../../shared/volunteers';
import { errorMessage } from '../../lib/api';
import { useUnits } from '../../lib/queries/org';
import { downloadVolunteers, useVolunteers } from '../../lib/queries/volunteers';
import { hasRole, useSession } from '../../lib/session';
import { PageHeader } from '../components/page-header';
import { ToneTag } from '../components/tags';
import { sortUnits } from '../org/helpers';
import { ImportModal } from './import-modal';
import { MoreFilters } from './more-filters';
import { NationalExportDialog } from './national-export-dialog';
import { TransitionDialog } from './transition-dialog';
import { hoursText, StarTag, VolunteerStatusTag } from './volunteer-tags';
import { type FilterValues, MORE_KEYS, NUMBER_KEYS, TEXT_KEYS, paramsFrom, toSearch } from './volunteer-list-params';

export default function VolunteerListPage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const params = useMemo(() => paramsFrom(search), [search]);
  const volunteers = useVolunteers(params);
  const units = useUnits();
  const [form] = Form.useForm<FilterValues>();
  const [more, setMore] = useState(() => MORE_KEYS.some((k) => params[k] !== undefined));
  const [importing, setImporting] = useState(false);
  const [national, setNational] = useState(false);
  const session = useSession();
  const [acting, setActing] = useState<{ volunteer: VolunteerView; action: VolunteerAction } | null>(null);
  const [exporting, setExporting] = useState<'xlsx' | 'csv' | null>(null);
  const stations = useMemo(() => sortUnits((units.data ?? []).filter((u) => u.kind === 'station' && !u.archived)), [units.data]);
  const filtered = TEXT_KEYS.some((k) => params[k]) || NUMBER_KEYS.some((k) => params[k] !== undefined);

  const apply = (values: FilterValues) => {
    const { day, part, ...rest } = values;
    const availability = day && part ? `${day}-${part}` : undefined;
    setSearch(toSearch({ ...rest, q: rest.q?.trim() || undefined, skill: rest.skill?.trim() || undefined, availability, page: 1, pageSize: params.pageSize }));
  };

  const reset = () => setSearch({});

  const exportAs = async (format: 'xlsx' | 'csv') => {
    const { page: _page, pageSize: _size, ...filters } = params;
    setExporting(format);
    try {
      const name = await downloadVolunteers(format, filters);
      message.success(`已导出：${name}`);
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setExporting(null);
    }
  };

  // Keep the filter form in step with the address (reset, back and forward).
  useEffect(() => {
    const [day, part] = params.availability?.split('-') ?? [];
    const blank = Object.fromEntries([...TEXT_KEYS, ...NUMBER_KEYS, 'day', 'part'].map((k) => [k, undefined]));
    form.setFieldsValue({ ...blank, ...params, day, part });
  }, [form, params]);

  // The columns people scan first (status, stars, hours) come right after the name; the row fits 1280 px.
  const columns: ColumnsType<VolunteerView> = [
    {
      title: '姓名',
      dataIndex: 'name',
      width: 150,
      fixed: 'left',
      render: (_, v) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/admin/volunteers/${v.id}`} style={{ fontWeight: 600 }}>
            {v.name}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {v.volunteerNo ?? '未编号'}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {v.gender === 'male' ? '男' : v.gender === 'female' ? '女' : ''} {v.age !== null ? `${v.age} 岁` : ''}
            {v.isMinor ? <ToneTag tone="red">未成年</ToneTag> : null}
          </Typography.Text>
        </Space>
      ),
    },
    { title: '状态', dataIndex: 'status', width: 90, render: (s: VolunteerStatus) => <VolunteerStatusTag status={s} /> },
    {
      title: '星级 / 认定时长',
      key: 'stars',
      width: 140,
      render: (_, v) => (
        <Space orientation="vertical" size={2}>
          <StarTag level={v.starLevel} />
          <span>{hoursText(v.approvedHours)}</span>
        </Space>
      ),
    },
    { title: '实践站', dataIndex: 'stationName', width: 140 },
    {
      title: '类别 / 服务类别',
      key: 'categories',
      width: 190,
      render: (_, v) => (
        <Flex vertical gap={4}>
          <span>{v.category}</span>
          <Flex wrap gap={4}>
            {v.serviceCategories.map((c) => (
              <ToneTag key={c} tone="grey">
                {c}
              </ToneTag>
            ))}
          </Flex>
        </Flex>
      ),
    },
    {
      title: '手机号 / 身份证号',
      key: 'contact',
      width: 170,
      render: (_, v) => (
        <Space orientation="vertical" size={0}>
          <span>{v.phone ?? '—'}</span>
          <Typography.Text type="secondary" style={{ fontFamily: 'monospace', fontSize: 13 }}>
            {v.idNumberMasked ?? '—'}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 110,
      fixed: 'right',
      render: (_, v) => (
        <Flex vertical align="flex-start">
          <Link to={`/admin/volunteers/${v.id}`} aria-label={`查看 ${v.name}`} style={{ padding: '0 7px' }}>
            查看
          </Link>
          {v.allowedActions.includes('certify') ? (
            <Button type="link" size="small" onClick={() => setActing({ volunteer: v, action: 'certify' })} aria-label={`审核通过 ${v.name}`}>
              审核通过
            </Button>
          ) : null}
          {v.allowedActions.includes('reject') ? (
            <Button type="link" size="small" danger onClick={() => setActing({ volunteer: v, action: 'reject' })} aria-label={`不予通过 ${v.name}`}>
              不予通过
            </Button>
          ) : null}
        </Flex>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="志愿者"
        description="文明实践人才库：按特长、类别、空闲时间等查找志愿者，审核注册，登记、导入和导出名册。"
        extra={
          <>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/admin/volunteers/new')}>
              登记志愿者
            </Button>
            <Button icon={<ImportOutlined />} onClick={() => setImporting(true)}>
              批量导入
            </Button>
            <Button icon={<DownloadOutlined />} onClick={() => void exportAs('xlsx')} loading={exporting === 'xlsx'}>
              导出 Excel
            </Button>
            <Button icon={<DownloadOutlined />} onClick={() => void exportAs('csv')} loading={exporting === 'csv'}>
              导出 CSV
            </Button>
            {hasRole(session.data, 'institute_admin') ? (
              <Button icon={<DownloadOutlined />} onClick={() => setNational(true)}>
                导出至全国系统
              </Button>
            ) : null}
          </>
        }
      />
      {volunteers.error ? <Alert type="error" showIcon title="志愿者名单加载失败" description={volunteers.error.message} style={{ marginBottom: 16 }} /> : null}
      <Card variant="borderless">
        <Form<FilterValues> name="volunteer-filters" form={form} layout="vertical" onFinish={apply} style={{ marginBottom: 8 }}>
          <Row gutter={16}>
            <Col xs={24} md={8} xl={6}>
              <Form.Item name="q" label="姓名 / 编号 / 手机号">
                <Input allowClear placeholder="输入后按回车查找" maxLength={32} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8} xl={6}>
              <Form.Item name="stationId" label="实践站">
                <Select
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  placeholder="全部实践站"
                  options={stations.map((s) => ({ value: s.id, label: s.name }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8} xl={4}>
              <Form.Item name="status" label="状态">
                <Select
                  allowClear
                  placeholder="全部状态"
                  options={(Object.keys(VOLUNTEER_STATUSES) as VolunteerStatus[]).map((s) => ({ value: s, label: VOLUNTEER_STATUSES[s] }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} xl={8}>
              <Form.Item label=" " colon={false}>
                <Space wrap>
                  <Button type="primary" htmlType="submit">
                    查询
                  </Button>
                  <Button onClick={reset}>重置</Button>
                  <Button
                    type="link"
                    onClick={() => setMore(!more)}
                    icon={more ? <UpOutlined /> : <DownOutlined />}
                    aria-expanded={more}
                    aria-controls="more-filters"
                  >
                    {more ? '收起筛选' : '更多筛选'}
                  </Button>
                </Space>
              </Form.Item>
            </Col>
          </Row>
          <div id="more-filters" hidden={!more}>
            <MoreFilters />
          </div>
        </Form>
        <Table<VolunteerView>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={volunteers.data?.items ?? []}
          loading={volunteers.isFetching}
          scroll={{ x: 990 }}
          locale={{ emptyText: filtered ? '没有符合条件的志愿者' : '还没有志愿者，可点击「登记志愿者」或「批量导入」' }}
          pagination={{
            current: params.page,
            pageSize: params.pageSize,
            total: volunteers.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            showTotal: (t) => `共 ${t} 名志愿者`,
            onChange: (page, pageSize) => setSearch(toSearch({ ...params, page, pageSize })),
          }}
        />
      </Card>
      {importing ? <ImportModal onClose={() => setImporting(false)} /> : null}
      {national ? <NationalExportDialog stations={stations} onClose={() => setNational(false)} /> : null}
      {acting ? <TransitionDialog volunteer={acting.volunteer} action={acting.action} onClose={() => setActing(null)} /> : null}
    </>
  );
}
