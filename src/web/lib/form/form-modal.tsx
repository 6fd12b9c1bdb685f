import { Alert, Form, type FormInstance, Modal, type ModalProps } from 'antd';
import type { ReactNode } from 'react';

export interface FormModalProps {
  /** The form's name: antd prefixes field ids with it (`training_name`), which tests and labels rely on. */
  name: string;
  // biome-ignore lint/suspicious/noExplicitAny: any form's instance fits; the values are typed where the form is made
  form: FormInstance<any>;
  /** What `useSubmit` returned. */
  submit: { submit: () => Promise<void>; error: string | null; pending: boolean };
  title: ReactNode;
  okText?: string;
  cancelText?: string;
  onClose: () => void;
  /** Shown above the form (a summary of what is being decided). */
  before?: ReactNode;
  children: ReactNode;
  layout?: 'vertical' | 'horizontal';
  requiredMark?: boolean | 'optional';
  initialValues?: object;
  okButtonProps?: ModalProps['okButtonProps'];
  width?: ModalProps['width'];
  /** e.g. `{ closable: false }` for a long form a stray click must not throw away. */
  mask?: ModalProps['mask'];
  /** Where to render (inside a full-screen panel, so the dialog stays visible). */
  getContainer?: ModalProps['getContainer'];
}

/** A console modal around one form: OK submits through `useSubmit`, a server error shows above the fields. */
export function FormModal({
  name,
  form,
  submit,
  title,
  okText = '保存',
  cancelText,
  onClose,
  before,
  children,
  layout = 'vertical',
  requiredMark,
  initialValues,
  okButtonProps,
  width,
  mask,
  getContainer,
}: FormModalProps) {
  return (
    <Modal
      open
      title={title}
      okText={okText}
      cancelText={cancelText}
      getContainer={getContainer}
      onOk={submit.submit}
      onCancel={onClose}
      confirmLoading={submit.pending}
      okButtonProps={okButtonProps}
      width={width}
      mask={mask}
      destroyOnHidden
    >
      {before}
      <Form name={name} form={form} layout={layout} requiredMark={requiredMark} initialValues={initialValues}>
        {submit.error ? <Alert type="error" showIcon title={submit.error} style={{ marginBottom: 16 }} /> : null}
        {children}
      </Form>
    </Modal>
  );
}
