import { App, Button, Descriptions, Drawer, Input, Modal, Space, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { SUBMISSION_STATUS_LABELS } from '../../../shared/news-labels';
import { errorMessage } from '../../lib/api';
import { type News, useAdoptNews, useNews, usePublishNews, useReturnNews, useSubmitNews, useWithdrawNews } from '../../lib/queries/news';
import { ToneTag } from '../components/tags';
import styles from './news.module.css';

const STATUS_TONES = { draft: 'grey', published: 'green', withdrawn: 'red' } as const;

function ReasonModal({ title, onOk, onClose }: { title: string; onOk: (reason: string) => Promise<void>; onClose: () => void }) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      open
      title={title}
      okText="确定"
      cancelText="取消"
      confirmLoading={busy}
      okButtonProps={{ disabled: reason.trim().length < 2 }}
      onCancel={onClose}
      onOk={async () => {
        setBusy(true);
        try {
          await onOk(reason.trim());
          onClose();
        } finally {
          setBusy(false);
        }
      }}
    >
      <Input.TextArea
        aria-label="原因"
        placeholder="请写明原因（至少 2 个字）"
        value={reason}
        maxLength={200}
        rows={3}
        onChange={(e) => setReason(e.target.value)}
      />
    </Modal>
  );
}

/** One item: the sanitised body as the portal shows it (预览), its state, and what the reader may do next. */
export function NewsDrawer({ id, onClose, onEdit }: { id: string; onClose: () => void; onEdit: (n: News) => void }) {
  const { message } = App.useApp();
  const q = useNews(id);
  const publish = usePublishNews();
  const withdraw = useWithdrawNews();
  const submit = useSubmitNews();
  const adopt = useAdoptNews();
  const ret = useReturnNews();
  const [asking, setAsking] = useState<'withdraw' | 'return' | null>(null);
  const n = q.data;
  const run = async (what: string, p: Promise<unknown>) => {
    try {
      await p;
      message.success(what);
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  const actions = n ? (
    <Space wrap>
      {n.canEdit ? <Button onClick={() => onEdit(n)}>修改</Button> : null}
      {n.canEdit && n.status !== 'published' ? (
        <Button type="primary" loading={publish.isPending} onClick={() => void run('已发布', publish.mutateAsync(n.id))}>
          发布
        </Button>
      ) : null}
      {n.canEdit && n.status === 'published' ? (
        <Button danger onClick={() => setAsking('withdraw')}>
          撤回
        </Button>
      ) : null}
      {n.canEdit && (n.submission === 'none' || n.submission === 'returned') ? (
        <Button loading={submit.isPending} onClick={() => void run('已报送', submit.mutateAsync(n.id))}>
          报送专栏
        </Button>
      ) : null}
      {n.canReview && n.submission === 'submitted' ? (
        <>
          <Button type="primary" ghost loading={adopt.isPending} onClick={() => void run('已登记采用', adopt.mutateAsync(n.id))}>
            采用
          </Button>
          <Button onClick={() => setAsking('return')}>退回</Button>
        </>
      ) : null}
    </Space>
  ) : null;

  return (
    <Drawer open title={n?.title ?? '新闻'} size="min(736px, 100vw)" onClose={onClose}>
      {actions ? <div style={{ marginBottom: 16 }}>{actions}</div> : null}
      {q.error ? <Typography.Text type="danger">{errorMessage(q.error)}</Typography.Text> : null}
      {n ? (
        <>
          <Descriptions size="small" column={{ xs: 1, sm: 2 }} style={{ marginBottom: 16 }}>
            <Descriptions.Item label="单位">{n.unitName}</Descriptions.Item>
            <Descriptions.Item label="类别">{n.categoryLabel}</Descriptions.Item>
            <Descriptions.Item label="状态">
              <ToneTag tone={STATUS_TONES[n.status]}>{n.statusLabel}</ToneTag>
            </Descriptions.Item>
            <Descriptions.Item label="信息报送">{n.submissionLabel}</Descriptions.Item>
            <Descriptions.Item label="撰写">{n.createdByName}</Descriptions.Item>
            {n.publishedAt ? (
              <Descriptions.Item label="发布">{`${new Date(n.publishedAt).toLocaleString('zh-CN')} ${n.publishedByName ?? ''}`}</Descriptions.Item>
            ) : null}
            {n.withdrawReason ? <Descriptions.Item label="撤回原因">{n.withdrawReason}</Descriptions.Item> : null}
            {n.activityTitle ? <Descriptions.Item label="关联活动">{n.activityTitle}</Descriptions.Item> : null}
          </Descriptions>
          <Typography.Title level={2} style={{ fontSize: 16 }}>
            预览
          </Typography.Title>
          {/* biome-ignore lint/security/noDangerouslySetInnerHtml: the body was sanitised on the server (sanitize-html allow-list) when written */}
          <div className={styles.preview} dangerouslySetInnerHTML={{ __html: n.body }} />
          {n.submissions.length > 0 ? (
            <>
              <Typography.Title level={2} style={{ fontSize: 16, marginTop: 24 }}>
                报送记录
              </Typography.Title>
              <Timeline
                items={n.submissions.map((s) => ({
                  children: `${new Date(s.at).toLocaleString('zh-CN')} ${s.byName} ${SUBMISSION_STATUS_LABELS[s.status]}${s.reason ? `：${s.reason}` : ''}`,
                }))}
              />
            </>
          ) : null}
        </>
      ) : null}
      {asking && n ? (
        <ReasonModal
          title={asking === 'withdraw' ? '撤回新闻' : '退回报送'}
          onClose={() => setAsking(null)}
          onOk={(reason) =>
            run(
              asking === 'withdraw' ? '已撤回' : '已退回',
              asking === 'withdraw' ? withdraw.mutateAsync({ id: n.id, reason }) : ret.mutateAsync({ id: n.id, reason }),
            )
          }
        />
      ) : null}
    </Drawer>
  );
}
