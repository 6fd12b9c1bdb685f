import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Col, DatePicker, Form, Input, InputNumber, Row, Select, Switch, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { SHOWCASE_KINDS, type ShowcaseKind } from '../../../shared/showcase-kinds';
import { FormModal, useSubmit } from '../../lib/form';
import { useActivities } from '../../lib/queries/activities';
import { useUnits } from '../../lib/queries/org';
import { useProgrammes } from '../../lib/queries/programmes';
import { type ShowcaseItem, useCreateShowcase, useUpdateShowcase } from '../../lib/queries/showcase';
import type { UploadedFile } from '../../lib/queries/volunteers';
import { FileUpload, type UploadTypes } from '../components/file-upload';

const IMAGES: UploadTypes = {
  accept: '.jpg,.jpeg,.png,image/jpeg,image/png',
  pattern: /\.(jpe?g|png)$/i,
  maxBytes: 10 * 1024 * 1024,
  hint: '只能上传 JPG、PNG 图片',
};
const TYPES: Record<'image' | 'video' | 'pdf', UploadTypes> = {
  image: IMAGES,
  video: { accept: '.mp4,.webm,video/mp4,video/webm', pattern: /\.(mp4|webm)$/i, maxBytes: 50 * 1024 * 1024, hint: '只能上传 MP4 或 WebM 视频' },
  pdf: { accept: '.pdf,application/pdf', pattern: /\.pdf$/i, maxBytes: 10 * 1024 * 1024, hint: '只能上传 PDF 文件' },
};
const MEDIA_LABEL = { image: '图片', video: '短视频（MP4/WebM，≤50MB）', pdf: '宣传折页（PDF）' } as const;

interface PersonValues {
  name: string;
  kind: 'volunteer' | 'resident';
  masked?: boolean;
  recordedBy?: string;
  on?: Dayjs;
  scope?: string;
}

interface Values {
  unitId: string;
  kind: ShowcaseKind;
  title: string;
  description?: string;
  cover?: UploadedFile[];
  media?: UploadedFile[];
  captions?: string;
  activityId?: string;
  programmeId?: string;
  sort?: number;
  featured?: boolean;
  people?: PersonValues[];
}

export const KIND_OPTIONS = Object.entries(SHOWCASE_KINDS).map(([value, k]) => ({ value, label: k.label }));

function asFile(m: ShowcaseItem['media'][number]): UploadedFile {
  return { id: m.fileId, name: m.name, mime: m.mime, size: 0 };
}

function contentOf(v: Values) {
  const captions = (v.captions ?? '').split('\n').map((s) => s.trim());
  return {
    title: v.title.trim(),
    description: v.description?.trim() || undefined,
    coverFileId: v.cover?.[0]?.id ?? null,
    media: (v.media ?? []).map((f, i) => ({ fileId: f.id, ...(captions[i] ? { caption: captions[i] } : {}) })),
    activityId: v.kind === 'featured' ? (v.activityId ?? null) : null,
    programmeId: v.kind === 'brand' ? (v.programmeId ?? null) : null,
    sort: v.sort ?? 0,
    featured: !!v.featured,
    people: (v.people ?? []).map((p) => ({
      name: p.name.trim(),
      kind: p.kind,
      masked: !!p.masked,
      consent:
        p.recordedBy?.trim() && p.on && p.scope?.trim() ? { recordedBy: p.recordedBy.trim(), on: p.on.format('YYYY-MM-DD'), scope: p.scope.trim() } : null,
    })),
  };
}

function initialOf(item: ShowcaseItem | null, defaultUnitId: string | undefined): Partial<Values> {
  if (!item) return { unitId: defaultUnitId, kind: 'gallery', sort: 0, featured: false, people: [] };
  return {
    unitId: item.unitId,
    kind: item.kind,
    title: item.title,
    description: item.description ?? undefined,
    cover: item.coverFileId ? [{ id: item.coverFileId, name: '封面', mime: 'image/png', size: 0 }] : [],
    media: item.media.map(asFile),
    captions: item.media.map((m) => m.caption ?? '').join('\n'),
    activityId: item.activityId ?? undefined,
    programmeId: item.programmeId ?? undefined,
    sort: item.sort,
    featured: item.featured,
    people: item.people.map((p) => ({
      name: p.name,
      kind: p.kind,
      masked: p.masked,
      recordedBy: p.consent?.recordedBy,
      on: p.consent ? dayjs(p.consent.on) : undefined,
      scope: p.consent?.scope,
    })),
  };
}

function PeopleFields() {
  return (
    <Form.List name="people">
      {(fields, { add, remove }) => (
        <>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            展示中出现的志愿者、居民：填写同意记录（记录人、日期、同意范围）才显示姓名；未取得同意的请勾选“隐去姓名”，否则不能发布。
          </Typography.Paragraph>
          {fields.map((f, i) => (
            <Row gutter={8} key={f.key} align="top">
              <Col xs={12} md={5}>
                <Form.Item name={[f.name, 'name']} label={`人员 ${i + 1} 姓名`} rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
                  <Input maxLength={40} />
                </Form.Item>
              </Col>
              <Col xs={12} md={4}>
                <Form.Item name={[f.name, 'kind']} label="身份" initialValue="volunteer">
                  <Select
                    options={[
                      { value: 'volunteer', label: '志愿者' },
                      { value: 'resident', label: '居民' },
                    ]}
                  />
                </Form.Item>
              </Col>
              <Col xs={12} md={4}>
                <Form.Item name={[f.name, 'recordedBy']} label="同意记录人">
                  <Input maxLength={40} />
                </Form.Item>
              </Col>
              <Col xs={12} md={4}>
                <Form.Item name={[f.name, 'on']} label="同意日期">
                  <DatePicker style={{ width: '100%' }} inputReadOnly />
                </Form.Item>
              </Col>
              <Col xs={12} md={4}>
                <Form.Item name={[f.name, 'scope']} label="同意范围">
                  <Input maxLength={100} placeholder="如：门户成果展示" />
                </Form.Item>
              </Col>
              <Col xs={12} md={3}>
                <Form.Item name={[f.name, 'masked']} valuePropName="checked" label="隐去姓名">
                  <Checkbox aria-label={`人员 ${i + 1} 隐去姓名`} />
                </Form.Item>
                <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} aria-label={`删除人员 ${i + 1}`} />
              </Col>
            </Row>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ kind: 'volunteer' })}>
            添加出现人员
          </Button>
        </>
      )}
    </Form.List>
  );
}

/** 新建 / 修改成果展示: kind-specific files, the linked activity or programme, and the people shown with their consent. */
export function ShowcaseFormModal({ item, defaultUnitId, onClose }: { item: ShowcaseItem | null; defaultUnitId?: string; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const kind: ShowcaseKind = Form.useWatch('kind', form) ?? item?.kind ?? 'gallery';
  const unitId: string | undefined = Form.useWatch('unitId', form) ?? item?.unitId;
  const units = useUnits();
  const programmes = useProgrammes();
  const activities = useActivities({ pageSize: 200, ...(unitId ? { unitId } : {}) }, kind === 'featured');
  const create = useCreateShowcase();
  const update = useUpdateShowcase(item?.id ?? '');
  const submit = useSubmit<Values, Values, ShowcaseItem>(
    form,
    {
      mutateAsync: (v) => (item ? update.mutateAsync(contentOf(v)) : create.mutateAsync({ unitId: v.unitId, kind: v.kind, ...contentOf(v) })),
      isPending: create.isPending || update.isPending,
    },
    {
      input: (v) => v,
      onDone: (r) => {
        message.success(item ? `已保存：${r.title}` : `已新建草稿：${r.title}`);
        onClose();
      },
      byCode: { 'showcase.bad_media': 'media', 'showcase.bad_activity': 'activityId', 'showcase.bad_programme': 'programmeId', 'showcase.bad_unit': 'unitId' },
      aliases: { coverFileId: 'cover' },
    },
  );
  const rule = SHOWCASE_KINDS[kind];
  const unitOptions = (units.data ?? []).filter((u) => u.kind !== 'district').map((u) => ({ value: u.id, label: u.name }));
  return (
    <FormModal
      name="showcase"
      form={form}
      submit={submit}
      title={item ? `修改：${item.title}` : '新建成果展示'}
      okText="保存"
      cancelText="取消"
      onClose={onClose}
      width={880}
      mask={{ closable: false }}
      initialValues={initialOf(item, defaultUnitId)}
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="unitId" label="所属单位" rules={[{ required: true, message: '请选择所属单位' }]}>
            <Select options={unitOptions} disabled={!!item} loading={units.isPending} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="kind" label="展示类别" rules={[{ required: true, message: '请选择展示类别' }]}>
            <Select options={KIND_OPTIONS} disabled={!!item} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="title" label="标题" rules={[{ required: true, whitespace: true, message: '请填写标题' }]}>
            <Input maxLength={60} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="description" label={kind === 'wall' ? '文化墙文字' : '说明'}>
            <Input.TextArea rows={3} maxLength={3000} />
          </Form.Item>
        </Col>
        {kind === 'featured' ? (
          <Col xs={24}>
            <Form.Item name="activityId" label="精品活动" rules={[{ required: true, message: '请选择活动' }]} extra="活动总结的内容和照片会一同展示">
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                loading={activities.isPending}
                options={(activities.data?.items ?? []).map((a) => ({ value: a.id, label: `${a.title}（${a.startsAt.slice(0, 10)}）` }))}
              />
            </Form.Item>
          </Col>
        ) : null}
        {kind === 'brand' ? (
          <Col xs={24}>
            <Form.Item name="programmeId" label="关联项目品牌">
              <Select allowClear options={(programmes.data ?? []).map((p) => ({ value: p.id, label: p.name }))} />
            </Form.Item>
          </Col>
        ) : null}
        <Col xs={24} md={12}>
          <Form.Item name="cover" label="封面图片">
            <FileUpload purpose="photo" max={1} types={IMAGES} buttonText="上传封面" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="media"
            label={MEDIA_LABEL[rule.media]}
            rules={rule.min > 0 ? [{ required: true, type: 'array', min: 1, message: `请上传${MEDIA_LABEL[rule.media]}` }] : []}
          >
            <FileUpload key={kind} purpose="photo" max={rule.max} types={TYPES[rule.media]} buttonText="上传文件" />
          </Form.Item>
        </Col>
        {kind === 'gallery' ? (
          <Col xs={24}>
            <Form.Item name="captions" label="图片说明" extra="每行一条，按上传顺序对应图片">
              <Input.TextArea rows={3} />
            </Form.Item>
          </Col>
        ) : null}
        <Col xs={12} md={6}>
          <Form.Item name="sort" label="排序号（小的在前）">
            <InputNumber min={0} max={999} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="featured" label="精选" valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
      </Row>
      <PeopleFields />
    </FormModal>
  );
}
