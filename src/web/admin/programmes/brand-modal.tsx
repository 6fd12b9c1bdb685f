import { App, Form, Input, Select } from 'antd';
import type { UnitView } from '../../../shared/org';
import { BrandInput, PROGRAMME_BLOCKS } from '../../../shared/programmes';
import { FormModal, limitsOf, rulesFrom, useSubmit } from '../../lib/form';
import { type BrandView, useProgrammes, useSetBrand } from '../../lib/queries/programmes';
import type { UploadedFile } from '../../lib/queries/volunteers';
import { FileUpload } from '../components/file-upload';
import { BLOCKS } from './programmes-page';

const B = BrandInput.shape;

interface BrandValues {
  name: string;
  intro?: string;
  programmeId?: string | null;
  photos: UploadedFile[];
}

export function BrandModal({ unit, brand, onClose }: { unit: UnitView; brand?: BrandView; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<BrandValues>();
  const programmes = useProgrammes();
  const submit = useSubmit(form, useSetBrand(), {
    input: (v) => ({
      unitId: unit.id,
      input: { name: v.name.trim(), intro: v.intro?.trim() || undefined, programmeId: v.programmeId ?? null, photoFileIds: (v.photos ?? []).map((p) => p.id) },
    }),
    onDone: () => {
      message.success('品牌已保存');
      onClose();
    },
    byCode: { 'hours.evidence_missing': 'photos' },
  });

  return (
    <FormModal
      name="brand"
      form={form}
      submit={submit}
      title={`${unit.kind === 'institute' ? '一所一品' : '一社区一特色'}：${unit.name}`}
      cancelText="取消"
      onClose={onClose}
      width={640}
      requiredMark="optional"
      initialValues={{
        name: brand?.name,
        intro: brand?.intro ?? undefined,
        programmeId: brand?.programmeId ?? undefined,
        photos: (brand?.photoFileIds ?? []).map((id, i) => ({ id, name: `品牌照片 ${i + 1}`, mime: 'image/jpeg', size: 0 })),
      }}
    >
      <Form.Item name="name" label="品牌名称" rules={rulesFrom(B.name, { required: '请输入品牌名称', message: '名称为 2–40 个字' })}>
        <Input maxLength={limitsOf(B.name).maxLength} placeholder={unit.kind === 'institute' ? '如：“马鞍文明实践·邻里守望”' : '如：金银·乡贤议事'} />
      </Form.Item>
      <Form.Item name="intro" label="品牌介绍" rules={rulesFrom(B.intro)}>
        <Input.TextArea rows={4} maxLength={limitsOf(B.intro).maxLength} showCount />
      </Form.Item>
      <Form.Item name="programmeId" label="依托的实践项目">
        <Select
          allowClear
          loading={programmes.isPending}
          options={BLOCKS.map((b) => ({
            label: PROGRAMME_BLOCKS[b],
            options: (programmes.data ?? []).filter((p) => p.block === b && !p.archived).map((p) => ({ value: p.id, label: p.name })),
          }))}
        />
      </Form.Item>
      <Form.Item name="photos" label="品牌照片" extra={`JPG、PNG，最多 ${limitsOf(B.photoFileIds).maxLength} 张`}>
        <FileUpload purpose="photo" max={limitsOf(B.photoFileIds).maxLength} buttonText="上传照片" />
      </Form.Item>
    </FormModal>
  );
}
