import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Input, Select, Space, Switch, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { CARE_CATEGORIES, LEGAL_BASES } from '../../../shared/care';
import { PHONE_PATTERN } from '../../../shared/patterns';
import { type CareCategory, type CareRecipientView, useCareFlags, useCareRecipientPage } from '../../lib/queries/care';
import { useUnits } from '../../lib/queries/org';
import { hasRole } from '../../lib/session';
import { PageHeader } from '../components/page-header';
import { ToneTag } from '../components/tags';
import { sortUnits } from '../org/helpers';
import { useAdminSession } from '../session-context';
import { CareFormModal } from './care-form-modal';
import { GENDERS, lastContactText, SensitiveBanner } from './care-parts';

export default function CareListPage() {
  const session = useAdminSession();
  const [search, setSearch] = useSearchParams();
  const stationId = search.get('station') ?? undefined;
  const flagged = search.get('flagged') === 'true';
  const [category, setCategory] = useState<CareCategory | undefined>();
  const [phone, setPhone] = useState<string | undefined>();
  const [phoneProblem, setPhoneProblem] = useState(false);
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [adding, setAdding] = useState(false);
  const units = useUnits();
  // Paged and filtered on the server; a filter change goes back to the first page.
  const list = useCareRecipientPage({ stationId, flagged, category, phone, ...paging });
  const flags = useCareFlags();
  const isInstitute = hasRole(session, 'institute_admin');

  const stations = useMemo(() => {
    const own = new Set(session.roles.filter((g) => g.role === 'station_admin').map((g) => g.unitId));
    return sortUnits((units.data ?? []).filter((u) => u.kind === 'station' && !u.archived && (isInstitute || own.has(u.id))));
  }, [units.data, isInstitute, session]);

  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(search);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setSearch(next, { replace: true });
    setPaging((p) => ({ ...p, page: 1 }));
  };

  const rows = list.data?.items ?? [];
  const days = flags.data?.noContactDays;

  const columns: ColumnsType<CareRecipientView> = [
    {
      title: '姓名',
      dataIndex: 'name',
      width: 150,
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/admin/care/${r.id}`} style={{ fontWeight: 600 }}>
            {r.name}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {[r.gender ? GENDERS[r.gender] : null, r.age !== null ? `${r.age} 岁` : null].filter(Boolean).join(' · ') || '—'}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: '类别',
      dataIndex: 'categories',
      render: (cats: string[]) => (
        <Space size={0} wrap>
          {cats.map((c) => (
            <ToneTag key={c} tone="blue">
              {c}
            </ToneTag>
          ))}
        </Space>
      ),
    },
    { title: '实践站', dataIndex: 'stationName', width: 140 },
    {
      title: '最近联系',
      dataIndex: 'lastContactAt',
      width: 210,
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <span>{lastContactText(r.lastContactAt)}</span>
          {r.noContactFlag ? <ToneTag tone="red">久未联系</ToneTag> : null}
        </Space>
      ),
    },
    {
      title: '主要需求',
      dataIndex: 'needs',
      render: (v: string | null, r) =>
        r.masked ? (
          <Typography.Text type="secondary">打开查看（记入审计）</Typography.Text>
        ) : v ? (
          <Typography.Paragraph ellipsis={{ rows: 2, tooltip: v }} style={{ margin: 0 }}>
            {v}
          </Typography.Paragraph>
        ) : (
          '—'
        ),
    },
    {
      title: '处理依据',
      dataIndex: 'legalBasis',
      width: 120,
      render: (v: CareRecipientView['legalBasis']) => <ToneTag tone="grey">{v === 'statutory_duty' ? '法定职责' : '单独同意'}</ToneTag>,
      responsive: ['xl'],
    },
  ];

  return (
    <>
      <PageHeader
        title="关爱对象"
        description="留守儿童、困境儿童、空巢老人、残疾人等需要经常关心的居民。定期走访或电话联系，超过规定天数未联系的会提醒。"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            登记关爱对象
          </Button>
        }
      />
      <SensitiveBanner />
      {flags.data && flags.data.total > 0 ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={`${flags.data.total} 人超过 ${flags.data.noContactDays} 天未联系`}
          action={
            flagged ? null : (
              <Button size="small" onClick={() => set({ flagged: 'true' })}>
                只看这些人
              </Button>
            )
          }
        />
      ) : null}
      <Card variant="borderless">
        <Flex gap={16} wrap align="center" style={{ marginBottom: 12 }}>
          {stations.length > 1 ? (
            <Select
              aria-label="实践站"
              placeholder="全部实践站"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={stations.map((s) => ({ value: s.id, label: s.name }))}
              value={stationId}
              onChange={(v?: string) => set({ station: v })}
              style={{ width: 220 }}
            />
          ) : null}
          <Select
            aria-label="类别"
            placeholder="全部类别"
            allowClear
            options={CARE_CATEGORIES.map((c) => ({ value: c, label: c }))}
            value={category}
            onChange={(c?: CareCategory) => {
              setCategory(c);
              setPaging((p) => ({ ...p, page: 1 }));
            }}
            style={{ width: 160 }}
          />
          <Input.Search
            aria-label="按手机号查找"
            placeholder="按手机号查找（完整号码）"
            allowClear
            inputMode="numeric"
            maxLength={11}
            status={phoneProblem ? 'error' : undefined}
            onSearch={(v) => {
              const t = v.trim();
              const ok = !t || PHONE_PATTERN.test(t);
              setPhoneProblem(!ok);
              if (!ok) return;
              setPhone(t || undefined);
              setPaging((p) => ({ ...p, page: 1 }));
            }}
            style={{ width: 220 }}
          />
          <Space size={8}>
            <Switch id="care-flagged" checked={flagged} onChange={(on) => set({ flagged: on ? 'true' : undefined })} />
            <label htmlFor="care-flagged">只看久未联系{days ? `（超过 ${days} 天）` : ''}</label>
          </Space>
        </Flex>
        {phoneProblem ? <Typography.Text type="danger">请输入 11 位手机号（电话加密保存，只能按完整号码查找，不支持按住址查找）</Typography.Text> : null}
        {list.error ? <Alert type="error" showIcon title="关爱对象加载失败" description={list.error.message} style={{ marginBottom: 12 }} /> : null}
        <Table<CareRecipientView>
          rowKey="id"
          columns={columns}
          dataSource={rows}
          loading={list.isPending}
          scroll={{ x: 900 }}
          locale={{ emptyText: phone ? '没有登记这个手机号的关爱对象' : flagged ? '没有久未联系的关爱对象' : '尚未登记关爱对象' }}
          pagination={{
            current: paging.page,
            pageSize: paging.pageSize,
            total: list.data?.total ?? 0,
            showTotal: (n) => `共 ${n} 人`,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            onChange: (page, pageSize) => setPaging({ page: pageSize === paging.pageSize ? page : 1, pageSize }),
          }}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 13 }}>
          电话、住址和需求加密保存。实践所管理员在列表中只看到打码的电话，打开详情才显示完整信息，每次打开都记入审计。
          <br />
          处理依据：{LEGAL_BASES.statutory_duty}；或{LEGAL_BASES.consent}（《个人信息保护法》第十三条、第二十九条）。
        </Typography.Paragraph>
      </Card>
      {adding ? <CareFormModal stations={stations} defaultStationId={stationId} onClose={() => setAdding(false)} /> : null}
    </>
  );
}
