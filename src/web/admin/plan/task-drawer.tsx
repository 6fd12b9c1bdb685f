import { Alert, App, Button, Descriptions, Drawer, Empty, Form, Input, Select, Skeleton, Timeline, Typography } from 'antd';
import type { FileView } from '../../../shared/files';
import { TaskNoteInput } from '../../../shared/plan';
import { TASK_STATUSES, type TaskStatus, taskMoves } from '../../../shared/rules/plan-flow';
import { errorMessage } from '../../lib/api';
import { limitsOf, rulesFrom, useSubmit } from '../../lib/form';
import { formatDateTime } from '../../lib/format';
import { useAddTaskNote, usePlanTask } from '../../lib/queries/plan';
import { FileUpload, fileUrl } from '../components/file-upload';
import { TaskStatusTag } from './labels';

const F = TaskNoteInput.shape;

interface Values {
  note: string;
  status?: TaskStatus;
  evidence?: FileView[];
}

/** One task: what it is, every progress note so far (append-only) and, for its unit's admins, a new one. */
export function TaskDrawer({ id, canWrite, onClose }: { id: string; canWrite: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const t = usePlanTask(id);
  const add = useAddTaskNote();
  const [form] = Form.useForm<Values>();
  const submit = useSubmit(form, add, {
    input: (v) => ({ id, input: { note: v.note.trim(), ...(v.status ? { status: v.status } : {}), evidenceFileIds: (v.evidence ?? []).map((f) => f.id) } }),
    onDone: () => {
      message.success('已记录进展');
      form.resetFields();
    },
    byCode: { 'plan.bad_transition': 'status', 'plan.bad_file': 'evidence' },
  });
  const data = t.data;

  return (
    <Drawer open title="任务进展" onClose={onClose} size="large" destroyOnHidden>
      {t.isPending ? <Skeleton active /> : null}
      {t.error ? <Alert type="error" showIcon title={errorMessage(t.error)} /> : null}
      {data ? (
        <>
          <Typography.Paragraph style={{ fontSize: 15, fontWeight: 600 }}>{data.title}</Typography.Paragraph>
          {data.detail ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{data.detail}</Typography.Paragraph> : null}
          <Descriptions column={1} size="small" bordered style={{ marginBottom: 20 }}>
            <Descriptions.Item label="状态">
              <TaskStatusTag status={data.status} overdue={data.overdue} />
            </Descriptions.Item>
            <Descriptions.Item label="方案条目">{data.section}</Descriptions.Item>
            <Descriptions.Item label="责任单位">{data.unitName}</Descriptions.Item>
            <Descriptions.Item label="责任人">{data.leadName}</Descriptions.Item>
            <Descriptions.Item label="完成时限">
              <Typography.Text type={data.overdue ? 'danger' : undefined}>{data.deadline}</Typography.Text>
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={3} style={{ fontSize: 15 }}>
            进展记录
          </Typography.Title>
          {data.notes.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有进展记录" />
          ) : (
            <Timeline
              items={data.notes.map((n) => ({
                key: n.id,
                content: (
                  <>
                    <Typography.Text type="secondary">
                      {formatDateTime(n.at)} · {n.byName}
                      {n.statusTo ? ` · ${TASK_STATUSES[n.statusFrom ?? 'not_started']} → ${TASK_STATUSES[n.statusTo]}` : ''}
                    </Typography.Text>
                    <div style={{ whiteSpace: 'pre-wrap' }}>{n.note}</div>
                    {n.evidenceFileIds.map((f, i) => (
                      <a key={f} href={fileUrl(f)} target="_blank" rel="noreferrer" style={{ marginInlineEnd: 8 }}>
                        佐证材料{i + 1}
                      </a>
                    ))}
                  </>
                ),
              }))}
            />
          )}
          {canWrite && data.status !== 'done' ? (
            <Form form={form} name="plan-note" layout="vertical" requiredMark="optional" style={{ marginTop: 16 }}>
              {submit.error ? <Alert type="error" showIcon title={submit.error} style={{ marginBottom: 16 }} /> : null}
              <Form.Item name="note" label="进展情况" rules={rulesFrom(F.note, { required: '请填写进展情况' })}>
                <Input.TextArea rows={3} maxLength={limitsOf(F.note).maxLength} showCount placeholder="做了什么、进展到哪一步、下一步安排" />
              </Form.Item>
              <Form.Item name="status" label="同时改变状态">
                <Select allowClear placeholder="不改变" options={taskMoves(data.status).map((s) => ({ value: s, label: TASK_STATUSES[s] }))} />
              </Form.Item>
              <Form.Item name="evidence" label="佐证材料">
                <FileUpload purpose="evidence" max={5} buttonText="上传佐证材料" />
              </Form.Item>
              <Button type="primary" loading={submit.pending} onClick={() => void submit.submit()}>
                记录进展
              </Button>
            </Form>
          ) : data.status === 'done' ? (
            <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
              该任务已完成，不再追加进展。
            </Typography.Paragraph>
          ) : null}
        </>
      ) : null}
    </Drawer>
  );
}
