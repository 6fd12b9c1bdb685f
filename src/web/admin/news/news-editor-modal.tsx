import { App, Form, Input, Modal, Select } from 'antd';
import dayjs from 'dayjs';
import { NEWS_CATEGORIES } from '../../../shared/news-labels';
import { errorMessage } from '../../lib/api';
import { useActivities } from '../../lib/queries/activities';
import { useProgrammes } from '../../lib/queries/programmes';
import { type News, useCreateNews, useUpdateNews } from '../../lib/queries/news';
import type { UploadedFile } from '../../lib/queries/volunteers';
import { FileUpload } from '../components/file-upload';
import { RichTextEditor } from './rich-text-editor';

interface Values {
  unitId: string;
  title: string;
  category: keyof typeof NEWS_CATEGORIES;
  summary?: string;
  cover?: UploadedFile[];
  activityId?: string | null;
  programmeId?: string | null;
  body: string;
}

const CATEGORY_OPTIONS = Object.entries(NEWS_CATEGORIES).map(([value, label]) => ({ value, label }));

/** 撰写 / 修改新闻: unit, title, category, summary, cover and the rich-text body. */
export function NewsEditorModal({
  news,
  unitOptions,
  onClose,
  onSaved,
}: {
  news: News | null;
  unitOptions: { value: string; label: string }[];
  onClose: () => void;
  onSaved: (id: string) => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateNews();
  const update = useUpdateNews();
  const busy = create.isPending || update.isPending;
  const unitId = Form.useWatch('unitId', form) ?? news?.unitId;
  const activities = useActivities({ unitId, pageSize: 100 }, !!unitId);
  const activityOptions = (activities.data?.items ?? []).map((a) => ({ value: a.id, label: `${dayjs(a.startsAt).format('MM-DD')} ${a.title}` }));
  const programmes = useProgrammes();
  const programmeOptions = (programmes.data ?? []).map((p) => ({ value: p.id, label: `${p.name}（${p.unitName}）` }));

  const save = async () => {
    const v = await form.validateFields();
    const body = {
      title: v.title,
      category: v.category,
      summary: v.summary?.trim() || undefined,
      body: v.body ?? '',
      coverFileId: v.cover?.[0]?.id ?? null,
    };
    try {
      const activityId = v.activityId ?? null;
      const programmeId = v.programmeId ?? null;
      const saved = news
        ? await update.mutateAsync({ id: news.id, body: { ...body, activityId, programmeId } })
        : await create.mutateAsync({ ...body, activityId, programmeId, unitId: v.unitId });
      message.success(news ? '已保存修改' : '已保存为草稿');
      onSaved(saved.id);
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  return (
    <Modal
      open
      title={news ? '修改新闻' : '撰写新闻'}
      width={820}
      okText="保存"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => void save()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={
          news
            ? {
                unitId: news.unitId,
                title: news.title,
                category: news.category,
                summary: news.summary ?? undefined,
                body: news.body,
                activityId: news.activityId,
                programmeId: news.programmeId,
                cover: news.coverFileId ? [{ id: news.coverFileId, name: '封面', mime: 'image/png', size: 0 }] : [],
              }
            : { unitId: unitOptions[0]?.value, category: 'work', body: '' }
        }
      >
        <Form.Item name="unitId" label="发布单位" rules={[{ required: true, message: '请选择发布单位' }]}>
          <Select options={unitOptions} disabled={!!news} />
        </Form.Item>
        <Form.Item name="title" label="标题" rules={[{ required: true, min: 2, max: 80, message: '标题 2–80 个字' }]}>
          <Input maxLength={80} showCount />
        </Form.Item>
        <Form.Item name="category" label="类别" rules={[{ required: true, message: '请选择类别' }]}>
          <Select options={CATEGORY_OPTIONS} />
        </Form.Item>
        <Form.Item name="summary" label="摘要（可不填，默认取正文开头）">
          <Input.TextArea maxLength={200} rows={2} />
        </Form.Item>
        <Form.Item name="activityId" label="关联活动（可不选）">
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            options={activityOptions}
            loading={activities.isPending && !!unitId}
            placeholder="选择本单位的活动"
          />
        </Form.Item>
        <Form.Item name="programmeId" label="关联项目（可不选）">
          <Select allowClear showSearch optionFilterProp="label" options={programmeOptions} loading={programmes.isPending} placeholder="选择实践项目" />
        </Form.Item>
        <Form.Item name="cover" label="封面图片">
          <FileUpload purpose="photo" max={1} buttonText="上传封面" />
        </Form.Item>
        <Form.Item name="body" label="正文" rules={[{ required: true, message: '请填写正文' }]}>
          <RichTextEditor />
        </Form.Item>
      </Form>
    </Modal>
  );
}
