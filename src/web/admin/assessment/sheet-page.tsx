import { Alert, App, Button, Card, Collapse, Flex, Popconfirm, Skeleton, Space, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { AUTO_KIND_LABELS } from '../../../shared/rules/assessment';
import { CITATION_KIND_LABELS, type Citation, citationHref } from '../../../shared/citations';
import { errorMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { type SheetRow, useSheet, useSubmitSelf } from '../../lib/queries/assessment';
import { fileUrl } from '../components/file-upload';
import { PageHeader } from '../components/page-header';
import { PeriodStatusTag, pts } from './labels';
import { ReviewScoreModal, SelfScoreModal } from './score-modals';

function CitationList({ items }: { items: Citation[] }) {
  if (items.length === 0) return <Typography.Text type="secondary">没有相关记录</Typography.Text>;
  return (
    <Collapse
      size="small"
      ghost
      items={[
        {
          key: 'c',
          label: `依据记录（${items.length} 条）`,
          children: (
            <Flex vertical gap={2}>
              {items.map((c) => {
                const href = citationHref(c);
                const text = `${CITATION_KIND_LABELS[c.kind]}：${c.label}${c.at ? `（${formatDateTime(c.at).slice(0, 10)}）` : ''}`;
                return href ? (
                  <Link key={`${c.kind}-${c.id}`} to={href}>
                    {text}
                  </Link>
                ) : (
                  <Typography.Text key={`${c.kind}-${c.id}`}>{text}</Typography.Text>
                );
              })}
            </Flex>
          ),
        },
      ]}
    />
  );
}

function RowBody({ r }: { r: SheetRow }) {
  return (
    <Flex vertical gap={6}>
      {r.indicator.content ? <Typography.Text type="secondary">考核内容：{r.indicator.content}</Typography.Text> : null}
      {r.indicator.standard ? <Typography.Text type="secondary">评分标准：{r.indicator.standard}</Typography.Text> : null}
      {r.auto ? (
        <>
          <Typography.Text>{r.auto.explanation}</Typography.Text>
          <CitationList items={r.auto.citations} />
        </>
      ) : null}
      {r.indicator.mode === 'manual' ? (
        r.self ? (
          <Flex vertical gap={2}>
            <Typography.Text>
              自评 {pts(r.self.points)} 分{r.self.note ? `：${r.self.note}` : ''}
            </Typography.Text>
            {r.self.evidenceFileIds.length ? (
              <Space wrap>
                {r.self.evidenceFileIds.map((f, i) => (
                  <a key={f} href={fileUrl(f)} target="_blank" rel="noreferrer">
                    证明材料 {i + 1}
                  </a>
                ))}
              </Space>
            ) : (
              <Typography.Text type="warning">未上传证明材料</Typography.Text>
            )}
          </Flex>
        ) : (
          <Typography.Text type="warning">尚未自评</Typography.Text>
        )
      ) : null}
      {r.review ? (
        <Alert
          type="warning"
          showIcon
          title={`实践所审核调整为 ${pts(r.review.points)} 分`}
          description={`理由：${r.review.reason}${r.review.by ? `（${r.review.by}，${formatDateTime(r.review.at)}）` : ''}`}
        />
      ) : null}
    </Flex>
  );
}

/** A station's scoring sheet: every indicator, the records or evidence behind it, and where points were lost. */
export default function SheetPage() {
  const { id = '', stationId = '' } = useParams();
  const { message } = App.useApp();
  const s = useSheet(id, stationId);
  const submit = useSubmitSelf(id, stationId);
  const [selfRow, setSelfRow] = useState<SheetRow | null>(null);
  const [reviewRow, setReviewRow] = useState<SheetRow | null>(null);
  const [onlyLost, setOnlyLost] = useState(false);
  if (s.error) return <Alert type="error" showIcon title="考核表加载失败" description={s.error.message} />;
  const d = s.data;
  if (!d) return <Skeleton active />;
  const cats = [...new Map(d.rows.map((r) => [r.categoryId, r.categoryTitle])).entries()];
  const lost = d.rows.filter((r) => r.lost > 0);
  const submitSelf = async () => {
    try {
      await submit.mutateAsync();
      message.success('自评已提交');
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  return (
    <>
      <PageHeader
        title={d.stationName}
        description={
          <>
            <Link to={d.period.canManage ? `/admin/assessment/periods/${id}` : '/admin/assessment'}>{d.period.label}</Link> · 考核表
          </>
        }
        extra={
          d.canSelf ? (
            <Popconfirm title="提交后不能再修改自评。确定提交？" okText="提交" cancelText="取消" onConfirm={() => void submitSelf()}>
              <Button type="primary" loading={submit.isPending}>
                提交自评
              </Button>
            </Popconfirm>
          ) : null
        }
      />
      <Card variant="borderless" style={{ marginBottom: 16 }}>
        <Flex gap={24} wrap align="center">
          <Statistic title="得分" value={pts(d.total)} suffix={`/ ${d.maxTotal}`} />
          <Statistic title="失分" value={pts(d.maxTotal - d.total)} />
          {d.rank ? <Statistic title="名次" value={d.rank} prefix="第" suffix="名" /> : null}
          <Flex vertical gap={4}>
            <PeriodStatusTag status={d.period.status} />
            <Typography.Text type="secondary">{d.submittedAt ? `自评已于 ${formatDateTime(d.submittedAt)} 提交` : '自评未提交'}</Typography.Text>
          </Flex>
          <Button onClick={() => setOnlyLost((v) => !v)}>{onlyLost ? '显示全部指标' : `只看失分项（${lost.length}）`}</Button>
        </Flex>
      </Card>
      {cats.map(([catId, title]) => {
        const rows = d.rows.filter((r) => r.categoryId === catId && (!onlyLost || r.lost > 0));
        if (rows.length === 0) return null;
        const got = d.rows.filter((r) => r.categoryId === catId).reduce((t, r) => t + r.final, 0);
        const max = d.rows.filter((r) => r.categoryId === catId).reduce((t, r) => t + r.indicator.maxPoints, 0);
        return (
          <Card key={catId} variant="borderless" title={title} extra={`${pts(got)} / ${max} 分`} style={{ marginBottom: 16 }}>
            <Flex vertical gap={16}>
              {rows.map((r) => (
                <div key={r.indicator.id} data-indicator={r.indicator.title} style={{ borderBottom: '1px solid #f0f0f0', paddingBottom: 12 }}>
                  <Flex justify="space-between" align="flex-start" gap={8} wrap>
                    <Space wrap>
                      <Typography.Text strong>{r.indicator.title}</Typography.Text>
                      <Tag color={r.indicator.mode === 'auto' ? 'blue' : 'default'}>
                        {r.indicator.autoKind ? `自动：${AUTO_KIND_LABELS[r.indicator.autoKind]}` : '人工评分'}
                      </Tag>
                    </Space>
                    <Typography.Text strong style={{ color: r.lost > 0 ? '#cf1322' : undefined }}>
                      {pts(r.final)} / {r.indicator.maxPoints} 分{r.lost > 0 ? `（失 ${pts(r.lost)}）` : ''}
                    </Typography.Text>
                  </Flex>
                  <RowBody r={r} />
                  <Space style={{ marginTop: 8 }}>
                    {d.canSelf && r.indicator.mode === 'manual' ? (
                      <Button size="small" type="primary" ghost onClick={() => setSelfRow(r)}>
                        {r.self ? '修改自评' : '自评'}
                      </Button>
                    ) : null}
                    {d.canReview ? (
                      <Button size="small" onClick={() => setReviewRow(r)}>
                        调整分数
                      </Button>
                    ) : null}
                  </Space>
                </div>
              ))}
            </Flex>
          </Card>
        );
      })}
      {selfRow ? <SelfScoreModal periodId={id} stationId={stationId} row={selfRow} onClose={() => setSelfRow(null)} /> : null}
      {reviewRow ? <ReviewScoreModal periodId={id} stationId={stationId} row={reviewRow} onClose={() => setReviewRow(null)} /> : null}
    </>
  );
}
