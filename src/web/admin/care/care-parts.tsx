import { chinaDay } from '../../../shared/china-time';
import { LockOutlined } from '@ant-design/icons';
import { Alert } from 'antd';
import { formatDateTime } from '../../lib/format';

/** Every page that shows care recipients says so first: sensitive data, access logged (PIPL 第二十八条). */
export function SensitiveBanner() {
  return (
    <Alert
      type="warning"
      showIcon
      icon={<LockOutlined />}
      style={{ marginBottom: 16 }}
      title="敏感个人信息：访问记录会被审计；仅本站工作人员和实践所管理员可见。"
      description="关爱对象的健康、残疾、困难、独居和住址等信息只用于关爱帮扶，请勿截屏、转发或导出到本平台以外。"
    />
  );
}

export const GENDERS = { male: '男', female: '女' } as const;

/** 3 天前 / 今天: how long ago the last visit or call was, by China calendar days. */
export function daysAgo(iso: string | null, now = Date.now()): string {
  if (!iso) return '从未联系';
  const n = Math.round((Date.parse(chinaDay(new Date(now))) - Date.parse(chinaDay(iso))) / 86_400_000);
  if (n <= 0) return '今天';
  if (n === 1) return '昨天';
  return `${n} 天前`;
}

export function lastContactText(iso: string | null): string {
  return iso ? `${formatDateTime(iso).slice(0, 10)}（${daysAgo(iso)}）` : '从未联系';
}
