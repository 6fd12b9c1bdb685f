import { EditOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Breadcrumb,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Empty,
  Flex,
  Progress,
  Result,
  Row,
  Skeleton,
  Space,
  Statistic,
  Tabs,
  Timeline,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { HoursSummaryView } from '../../../shared/hours';
import { STAR_NAMES } from '../../../shared/rules/stars';
import { CONSENT_METHODS, VOLUNTEER_STATUSES, VOLUNTEER_TRANSITIONS, type VolunteerAction, type VolunteerView } from '../../../shared/volunteers';
import { ApiError, errorMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useHoursSummary } from '../../lib/queries/hours';
import { useUpdateVolunteer, useVolunteer, type StatusChange } from '../../lib/queries/volunteers';
import { useTitle } from '../../lib/title';
import { GUARDIAN_CONSENT_METHODS, slotLabel } from '../../lib/volunteer-labels';
import { ToneTag } from '../components/tags';
import { CertificatesTab } from './certificates-tab';
import { AwardsTab, RecordsTab, TrainingTab } from './detail-tabs';
import { EditVolunteerModal } from './edit-volunteer-modal';
import { TransitionDialog } from './transition-dialog';
import { hoursText, StarTag, VolunteerStatusTag } from './volunteer-tags';


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

const dash = (value: string | null | undefined) => (value ? value : '—');

function InfoCard({ volunteer: v }: { volunteer: VolunteerView }) {
  return (
    <Card variant="borderless" title="基本信息">
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'no', label: '志愿者编号', children: dash(v.volunteerNo) },
          { key: 'station', label: '所属实践站', children: v.stationName },
          { key: 'gender', label: '性别', children: v.gender === 'male' ? '男' : v.gender === 'female' ? '女' : '—' },
          {
            key: 'age',
            label: '年龄',
            children: (
              <span>
                {v.age !== null ? `${v.age} 岁` : '—'}（{dash(v.birthDate)}）{v.isMinor ? <ToneTag tone="red">未成年</ToneTag> : null}
              </span>
            ),
          },
          { key: 'id', label: '身份证号', children: <span style={{ fontFamily: 'monospace' }}>{dash(v.idNumberMasked)}</span> },
          { key: 'phone', label: '手机号', children: dash(v.phone) },
          { key: 'category', label: '志愿者类别', children: v.category },
          { key: 'service', label: '服务类别', children: v.serviceCategories.join('、') || '—' },
          { key: 'skills', label: '特长', children: v.skills.join('、') || '—' },
          { key: 'availability', label: '空闲时间', children: v.availability.map(slotLabel).join('、') || '—' },
          { key: 'political', label: '政治面貌', children: dash(v.politicalStatus) },
          { key: 'education', label: '最高学历', children: dash(v.education) },
          { key: 'ethnicity', label: '民族', children: dash(v.ethnicity) },
          { key: 'employment', label: '从业状况', children: dash(v.employment) },
          { key: 'residence', label: '居住区域', children: dash(v.residenceArea) },
          { key: 'email', label: '邮箱', children: dash(v.email) },
          { key: 'emergency', label: '紧急联系人', children: v.emergencyContact ? `${v.emergencyContact.name} ${v.emergencyContact.phone}` : '—' },
          {
            key: 'guardian',
            label: '监护人',
            children: v.guardian
              ? `${v.guardian.name}（${v.guardian.relation}）· ${(GUARDIAN_CONSENT_METHODS as Record<string, string>)[v.guardian.consentMethod] ?? v.guardian.consentMethod} · ${formatDateTime(v.guardian.consentAt).slice(0, 10)}`
              : v.isMinor
                ? '未登记'
                : '—',
          },
          {
            key: 'consent',
            label: '本人同意',
            span: 2,
            children: (
              <span>
                {CONSENT_METHODS[v.consent.method]} · {formatDateTime(v.consent.at)}
                {v.consent.byName ? ` · 经办：${v.consent.byName}` : ''}
                {v.consent.hasEvidence ? <ToneTag tone="green">已留存登记表照片</ToneTag> : null}
              </span>
            ),
          },
          { key: 'insured', label: '保险有效期至', span: 2, children: <InsuranceEditor volunteer={v} /> },
          { key: 'certified', label: '认证时间', children: v.certifiedAt ? formatDateTime(v.certifiedAt) : '—' },
        ]}
      />
    </Card>
  );
}

/** 志愿服务条例 第十七条: insurance for risky services; staff record until when it runs. */
function InsuranceEditor({ volunteer }: { volunteer: VolunteerView }) {
  const { message } = App.useApp();
  const update = useUpdateVolunteer();
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState<Dayjs | null>(volunteer.insuredUntil ? dayjs(volunteer.insuredUntil) : null);
  const expired = volunteer.insuredUntil !== null && volunteer.insuredUntil < dayjs().format('YYYY-MM-DD');

  const save = (next: string | null) =>
    update.mutate(
      { id: volunteer.id, input: { insuredUntil: next } },
      {
        onSuccess: () => {
          message.success(next ? `保险有效期已记录至 ${next}` : '已清除保险有效期');
          setEditing(false);
        },
        onError: (err) => message.error(errorMessage(err)),
      },
    );

  if (!editing) {
    return (
      <Space wrap>
        <span>{volunteer.insuredUntil ?? '未登记'}</span>
        {expired ? <ToneTag tone="red">已过期</ToneTag> : null}
        <Button size="small" type="link" onClick={() => setEditing(true)} aria-label="修改保险有效期">
          修改
        </Button>
      </Space>
    );
  }
  return (
    <Space wrap>
      <DatePicker value={value} onChange={setValue} aria-label="保险有效期至" />
      <Button size="small" type="primary" loading={update.isPending} disabled={!value} onClick={() => value && save(value.format('YYYY-MM-DD'))}>
        保存
      </Button>
      {volunteer.insuredUntil ? (
        <Button size="small" onClick={() => save(null)} disabled={update.isPending}>
          清除
        </Button>
      ) : null}
      <Button size="small" type="text" onClick={() => setEditing(false)}>
        取消
      </Button>
    </Space>
  );
}

function History({ history }: { history: StatusChange[] }) {
  if (!history.length) return <Empty description="暂无状态记录" image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  const items = [...history].reverse();
  return (
    <Timeline
      items={items.map((h, i) => ({
        key: `${h.at}-${i}`,
        color: h.to === 'certified' ? 'green' : h.to === 'rejected' ? 'red' : h.to === 'reviewing' ? 'blue' : 'gray',
        title: formatDateTime(h.at),
        content: (
          <div>
            <strong>
              {h.from ? `${VOLUNTEER_STATUSES[h.from as keyof typeof VOLUNTEER_STATUSES] ?? h.from} → ` : '登记 → '}
              {h.toLabel}
            </strong>
            <div>
              <Typography.Text type="secondary">{h.actorName ? `经办：${h.actorName}` : '本人操作'}</Typography.Text>
            </div>
            {h.reason ? <div>原因：{h.reason}</div> : null}
          </div>
        ),
      }))}
    />
  );
}

function starPercent(stars: HoursSummaryView['stars']): number {
  if (stars.nextThresholdHours === null) return 100;
  const previous = stars.level > 0 ? (stars.thresholds[stars.level - 1] ?? 0) : 0;
  const span = stars.nextThresholdHours - previous;
  return span > 0 ? Math.round(Math.min(1, Math.max(0, (stars.approvedHours - previous) / span)) * 100) : 0;
}

function HoursCard({ volunteerId }: { volunteerId: string }) {
  const summary = useHoursSummary(volunteerId);
  return (
    <Card variant="borderless" title="服务时长与星级">
      {summary.isPending ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : summary.error ? (
        <Alert type="error" showIcon title="服务时长加载失败" description={summary.error.message} />
      ) : (
        <Row gutter={[24, 16]}>
          <Col xs={12} md={6}>
            <Statistic title="已认定时长" value={summary.data.approvedHours} suffix="小时" />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title="待审核时长" value={summary.data.pendingHours} suffix="小时" />
          </Col>
          <Col xs={24} md={12}>
            <Typography.Text strong>
              {summary.data.stars.level ? `${'★'.repeat(summary.data.stars.level)} ${STAR_NAMES[summary.data.stars.level]}志愿者` : '尚未定级'}
            </Typography.Text>
            <Progress
              percent={starPercent(summary.data.stars)}
              strokeColor="#c7000b"
              status="normal"
              format={() => (
                <span style={{ color: '#1f2329', fontSize: 13 }}>
                  {summary.data.stars.nextLevel !== null
                    ? `距${STAR_NAMES[summary.data.stars.nextLevel]}还差 ${summary.data.stars.hoursToNext ?? 0} 小时`
                    : '已达最高星级'}
                </span>
              )}
              aria-label="距离下一星级的进度"
            />
          </Col>
          <Col xs={24}>
            <Alert type="info" title="星级如何计算" description={summary.data.stars.explanation} />
          </Col>
          {summary.data.byYear.length ? (
            <Col xs={24}>
              <Space wrap size={[24, 8]}>
                {summary.data.byYear.map((y) => (
                  <span key={y.year}>
                    {y.year} 年：<strong>{hoursText(y.hours)}</strong>（{y.records} 条记录）
                  </span>
                ))}
              </Space>
            </Col>
          ) : null}
          {summary.data.starHistory.length ? (
            <Col xs={24}>
              <Typography.Text type="secondary">
                星级变化：
                {summary.data.starHistory
                  .map((s) => `${formatDateTime(s.at).slice(0, 10)} ${STAR_NAMES[s.previousLevel]}→${STAR_NAMES[s.level]}（${s.hours} 小时）`)
                  .join('；')}
              </Typography.Text>
            </Col>
          ) : null}
        </Row>
      )}
    </Card>
  );
}
