import { Col, Form, type FormInstance, Input, InputNumber, Row } from 'antd';
import type { UnitView, UpdateUnitInput } from '../../../shared/org';

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

/** The fields of an institute or station, with the same limits as the shared schema. */
export function UnitFormFields({ disabled = false }: { disabled?: boolean }) {
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={14}>
          <Form.Item
            name="name"
            label="名称"
            rules={[
              { required: true, whitespace: true, message: '请输入单位名称' },
              { min: 2, max: 60, message: '名称为 2–60 个字' },
            ]}
          >
            <Input placeholder="如：龙井湖社区新时代文明实践站" disabled={disabled} maxLength={60} />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item name="shortName" label="简称" rules={[{ max: 20, message: '最多 20 个字' }]}>
            <Input placeholder="如：龙井湖站" disabled={disabled} maxLength={20} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="address" label="地址" rules={[{ max: 120, message: '最多 120 个字' }]}>
        <Input placeholder="街道、门牌号及楼层" disabled={disabled} maxLength={120} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="phone" label="联系电话" rules={[{ pattern: /^[0-9-]{7,20}$/, message: '请输入有效的电话号码，如 023-72345678' }]}>
            <Input placeholder="如：023-72345678" disabled={disabled} inputMode="tel" maxLength={20} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="lng" label="经度" rules={[{ type: 'number', min: -180, max: 180, message: '经度在 -180 到 180 之间' }]}>
            <InputNumber placeholder="如：107.3950" style={{ width: '100%' }} step={0.0001} disabled={disabled} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="lat" label="纬度" rules={[{ type: 'number', min: -90, max: 90, message: '纬度在 -90 到 90 之间' }]}>
            <InputNumber placeholder="如：29.7030" style={{ width: '100%' }} step={0.0001} disabled={disabled} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="intro" label="简介" rules={[{ max: 2000, message: '最多 2000 个字' }]}>
        <Input.TextArea rows={4} placeholder="阵地情况、特色品牌、开放时间等" disabled={disabled} maxLength={2000} showCount />
      </Form.Item>
    </>
  );
}

export type UnitFormInstance = FormInstance<UnitFormValues>;
