import { FileOutlined } from '@ant-design/icons';
import { Space, Typography } from 'antd';
import type { TrainingSession } from '../../lib/queries/training';
import { fileUrl } from '../components/file-upload';

/** The session's materials as links that open in a new tab (in-scope staff may read them). */
export function MaterialLinks({ session, compact = false }: { session: TrainingSession; compact?: boolean }) {
  if (session.materials.length === 0) return <Typography.Text type="secondary">{compact ? '—' : '还没有上传培训材料'}</Typography.Text>;
  return (
    <Space orientation="vertical" size={2}>
      {session.materials.map((m) => (
        <Typography.Link key={m.id} href={fileUrl(m.id)} target="_blank" rel="noopener" ellipsis style={{ maxWidth: compact ? 180 : 420 }}>
          <FileOutlined /> {m.name}
        </Typography.Link>
      ))}
    </Space>
  );
}
