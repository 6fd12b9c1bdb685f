import { App, Checkbox, Form, Input } from 'antd';
import { CARE_CATEGORIES, UpdateCareRecipientInput as UpdateSchema } from '../../../shared/care';
import { FormModal, limitsOf, rulesFrom, useSubmit } from '../../lib/form';
import { type CareRecipientView, type UpdateCareRecipientInput, useUpdateCareRecipient } from '../../lib/queries/care';
import { categoryRules } from './care-form-modal';

const U = UpdateSchema.shape;

/** What staff may change after registration: contact details, needs and categories. */
export function EditModal({ recipient: r, onClose }: { recipient: CareRecipientView; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ phone?: string; address?: string; needs?: string; categories: string[] }>();
  const submit = useSubmit(form, useUpdateCareRecipient(), {
    input: (v) => ({
      id: r.id,
      input: {
        phone: v.phone?.trim() || null,
        address: v.address?.trim() || null,
        needs: v.needs?.trim() || null,
        categories: v.categories as UpdateCareRecipientInput['categories'],
      },
    }),
    onDone: () => {
      message.success('已保存');
      onClose();
    },
  });

  return (
    <FormModal
      name="care-edit"
      form={form}
      submit={submit}
      title={`修改：${r.name}`}
      onClose={onClose}
      mask={{ closable: false }}
      width={640}
      initialValues={{ phone: r.phone ?? undefined, address: r.address ?? undefined, needs: r.needs ?? undefined, categories: r.categories }}
    >
      <Form.Item name="categories" label="类别" rules={categoryRules}>
        <Checkbox.Group options={CARE_CATEGORIES.map((c) => ({ value: c, label: c }))} />
      </Form.Item>
      <Form.Item name="phone" label="联系电话" rules={rulesFrom(U.phone)}>
        <Input inputMode="numeric" maxLength={11} />
      </Form.Item>
      <Form.Item name="address" label="住址" rules={rulesFrom(U.address)}>
        <Input maxLength={limitsOf(U.address).maxLength} />
      </Form.Item>
      <Form.Item name="needs" label="主要需求" rules={rulesFrom(U.needs)}>
        <Input.TextArea rows={3} maxLength={limitsOf(U.needs).maxLength} />
      </Form.Item>
    </FormModal>
  );
}
