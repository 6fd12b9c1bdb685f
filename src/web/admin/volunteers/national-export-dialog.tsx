import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import type { UnitView } from '../../../shared/org';
import { errorMessage } from '../../lib/api';
import { downloadNationalRoster } from '../../lib/queries/volunteers';

interface Values {
  reason: string;
  stationId?: string;
}

/**
 * 导出至全国系统 (issue 12): the national columns with full ID numbers and phones, for the institute's
 * admins. The reason is required and goes into the audit log with the row count and who took it.
 */
export function NationalExportDialog({ stations, onClose }: { stations: UnitView[]; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);

  const submit = async (values: Values) => {
    setBusy(true);
    try {
      const name = await downloadNationalRoster({ reason: values.reason.trim(), stationId: values.stationId });
      message.success(`已导出：${name}`);
      onClose();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title="导出至全国志愿服务信息系统"
      okText="导出"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title="文件含完整证件号码和手机号码"
        description="仅用于向全国志愿服务信息系统上报。导出原因、行数和导出人记入审计日志；请妥善保管文件，上报后及时删除。"
      />
      <Form<Values> form={form} layout="vertical" name="national-export" onFinish={(v) => void submit(v)}>
        <Form.Item name="stationId" label="实践站">
          <Select allowClear placeholder="全部实践站" options={stations.map((s) => ({ value: s.id, label: s.name }))} />
        </Form.Item>
        <Form.Item
          name="reason"
          label="导出原因"
          rules={[
            { required: true, whitespace: true, message: '请填写导出原因' },
            { min: 4, message: '导出原因至少 4 个字' },
          ]}
        >
          <Input.TextArea rows={3} maxLength={200} showCount placeholder="如：2026 年第四季度向全国系统批量上报新登记志愿者" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
