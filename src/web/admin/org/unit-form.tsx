import { Col, Form, type FormInstance, Input, InputNumber, Row } from 'antd';
import { CreateUnitInput, type UnitView, type UpdateUnitInput } from '../../../shared/org';
import { limitsOf, rulesFrom } from '../../lib/form';

export interface UnitFormValues {
  name: string;
  shortName?: string | null;
  address?: string | null;
  phone?: string | null;
  lng?: number | null;
  lat?: number | null;
  intro?: string | null;
}

export function unitToValues(unit: UnitView): UnitFormValues {
  return {
    name: unit.name,
    shortName: unit.shortName,
    address: unit.address,
    phone: unit.phone,
    lng: unit.lng,
    lat: unit.lat,
    intro: unit.intro,
  };
}

const blankToNull = (v: string | null | undefined) => {
  const t = v?.trim();
  return t ? t : null;
};

/** Form values → API input; cleared optional fields become null so the server clears them too. */
export function valuesToInput(values: UnitFormValues): Required<Pick<UpdateUnitInput, 'name'>> & UpdateUnitInput {
  return {
    name: values.name.trim(),
    shortName: blankToNull(values.shortName),
    address: blankToNull(values.address),
    phone: blankToNull(values.phone),
    lng: values.lng ?? null,
    lat: values.lat ?? null,
    intro: blankToNull(values.intro),
  };
}

const F = CreateUnitInput.shape;

/** The fields of an institute or station; rules and limits come from the shared schema. */
export function UnitFormFields({ disabled = false }: { disabled?: boolean }) {
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={14}>
          <Form.Item name="name" label="名称" rules={rulesFrom(F.name, { required: '请输入单位名称' })}>
            <Input placeholder="如：龙井湖社区新时代文明实践站" disabled={disabled} maxLength={limitsOf(F.name).maxLength} />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item name="shortName" label="简称" rules={rulesFrom(F.shortName)}>
            <Input placeholder="如：龙井湖站" disabled={disabled} maxLength={limitsOf(F.shortName).maxLength} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="address" label="地址" rules={rulesFrom(F.address)}>
        <Input placeholder="街道、门牌号及楼层" disabled={disabled} maxLength={limitsOf(F.address).maxLength} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="phone" label="联系电话" rules={rulesFrom(F.phone, { message: '请输入有效的电话号码，如 023-72345678' })}>
            <Input placeholder="如：023-72345678" disabled={disabled} inputMode="tel" maxLength={20} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="lng" label="经度" rules={rulesFrom(F.lng, { message: '经度在 -180 到 180 之间' })}>
            <InputNumber placeholder="如：107.3950" style={{ width: '100%' }} step={0.0001} disabled={disabled} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="lat" label="纬度" rules={rulesFrom(F.lat, { message: '纬度在 -90 到 90 之间' })}>
            <InputNumber placeholder="如：29.7030" style={{ width: '100%' }} step={0.0001} disabled={disabled} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="intro" label="简介" rules={rulesFrom(F.intro)}>
        <Input.TextArea rows={4} placeholder="阵地情况、特色品牌、开放时间等" disabled={disabled} maxLength={limitsOf(F.intro).maxLength} showCount />
      </Form.Item>
    </>
  );
}

export type UnitFormInstance = FormInstance<UnitFormValues>;
