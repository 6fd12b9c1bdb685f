import { Checkbox, Form, Input, InputNumber, Rate, Typography } from 'antd';
import { OrderActionInput as ActionSchema } from '../../../shared/orders';
import type { OrderAction } from '../../../shared/rules/order-flow';
import { limitsOf, rulesFrom } from '../../lib/form';
import type { OrderTargetType, OrderView } from '../../lib/queries/orders';
import type { UploadedFile } from '../../lib/queries/volunteers';
import { FileUpload } from '../components/file-upload';
import { ToneTag } from '../components/tags';
import { DispatchFields } from './dispatch-fields';

export const A = ActionSchema.shape;
const hours = limitsOf(A.serviceHours);

export interface Values {
  verified?: boolean;
  note?: string;
  reason?: string;
  targetType?: OrderTargetType;
  targetId?: string;
  report?: string;
  photos?: UploadedFile[];
  serviceHours?: number | null;
  rating?: number;
  comment?: string;
}

export function VerifiedField({ order, required }: { order: OrderView; required: boolean }) {
  if (order.requesterVerified) {
    return (
      <Typography.Paragraph>
        <ToneTag tone="green">已核实</ToneTag> 点单人身份和需求已核实。
      </Typography.Paragraph>
    );
  }
  return (
    <Form.Item
      name="verified"
      valuePropName="checked"
      extra={`请拨打 ${order.requesterPhone ?? '点单人电话'} 与${order.requesterName}本人确认（《志愿服务条例》第十三条）`}
      rules={required ? [{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error('派单前须核实点单人的身份和需求'))) }] : []}
    >
      <Checkbox>已电话核实身份和需求</Checkbox>
    </Form.Item>
  );
}

export function ActionFields({ order, action }: { order: OrderView; action: OrderAction }) {
  switch (action) {
    case 'review':
      return (
        <>
          <Typography.Paragraph type="secondary">审单：联系点单人，核实身份、需求是否属实、是否适合志愿服务。核实后即可派单。</Typography.Paragraph>
          <VerifiedField order={order} required={false} />
          <Form.Item name="note" label="核实情况" rules={rulesFrom(A.note)}>
            <Input.TextArea rows={3} maxLength={limitsOf(A.note).maxLength} placeholder="如：已电话联系本人，需求属实，希望周六上午上门" />
          </Form.Item>
        </>
      );
    case 'reject':
      return (
        <Form.Item name="reason" label="不予受理的原因" rules={rulesFrom(A.reason, { required: '请填写原因，点单人会看到' })}>
          <Input.TextArea rows={3} maxLength={limitsOf(A.reason).maxLength} placeholder="如：不属于志愿服务范围，已转交社区居委会办理" />
        </Form.Item>
      );
    case 'cancel':
      return (
        <Form.Item name="reason" label="取消原因" rules={rulesFrom(A.reason, { required: '请填写原因' })}>
          <Input.TextArea rows={3} maxLength={limitsOf(A.reason).maxLength} placeholder="如：居民来电说问题已解决" />
        </Form.Item>
      );
    case 'dispatch':
    case 'redispatch':
      return <DispatchFields order={order} />;
    case 'start':
      return <Typography.Paragraph>确认志愿者已开始服务？（通常由志愿者在手机上操作，志愿者不便时由工作人员代为记录。）</Typography.Paragraph>;
    case 'note':
      return (
        <Form.Item name="note" label="进展情况" rules={rulesFrom(A.note, { required: '请填写进展' })}>
          <Input.TextArea rows={3} maxLength={limitsOf(A.note).maxLength} placeholder="如：已与居民约定周六上午上门" />
        </Form.Item>
      );
    case 'complete':
      return (
        <>
          <Form.Item name="report" label="服务情况" rules={rulesFrom(A.report, { required: '结项需要填写服务情况' })}>
            <Input.TextArea rows={4} maxLength={limitsOf(A.report).maxLength} placeholder="做了什么、居民反馈、后续需要" />
          </Form.Item>
          <Form.Item name="photos" label="现场照片">
            <FileUpload purpose="photo" max={limitsOf(A.photoFileIds).maxLength} buttonText="上传照片" />
          </Form.Item>
          <Form.Item name="serviceHours" label="服务时长（小时）" extra="不填按服务项目的标准时长计；结项后自动生成志愿者服务记录，待工作人员确认">
            <InputNumber min={hours.min} max={hours.max} step={0.5} precision={2} style={{ width: 160 }} />
          </Form.Item>
        </>
      );
    case 'rate':
      return (
        <>
          <Typography.Paragraph type="secondary">电话回访点单人后，按居民的评价代为填写。</Typography.Paragraph>
          <Form.Item name="rating" label="居民评价" rules={rulesFrom(A.rating, { required: '请选择 1–5 星' })}>
            <Rate aria-label="居民评价星级" />
          </Form.Item>
          <Form.Item name="comment" label="居民的话" rules={rulesFrom(A.comment)}>
            <Input.TextArea rows={3} maxLength={limitsOf(A.comment).maxLength} />
          </Form.Item>
        </>
      );
    case 'close':
      return <Typography.Paragraph>确认办结？办结后这张需求单归档，不再流转。</Typography.Paragraph>;
    default:
      return null;
  }
}
