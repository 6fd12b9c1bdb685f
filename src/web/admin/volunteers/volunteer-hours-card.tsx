import { Alert, Card, Col, Progress, Row, Skeleton, Space, Statistic, Typography } from 'antd';
import type { HoursSummaryView } from '../../../shared/hours';
import { STAR_NAMES } from '../../../shared/rules/stars';
import { formatDateTime } from '../../lib/format';
import { useHoursSummary } from '../../lib/queries/hours';
import { hoursText } from './volunteer-tags';

export function starPercent(stars: HoursSummaryView['stars']): number {
  if (stars.nextThresholdHours === null) return 100;
  const previous = stars.level > 0 ? (stars.thresholds[stars.level - 1] ?? 0) : 0;
  const span = stars.nextThresholdHours - previous;
  return span > 0 ? Math.round(Math.min(1, Math.max(0, (stars.approvedHours - previous) / span)) * 100) : 0;
}

export function HoursCard({ volunteerId }: { volunteerId: string }) {
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
