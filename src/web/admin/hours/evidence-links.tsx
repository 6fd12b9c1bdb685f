import { FileOutlined } from '@ant-design/icons';
import { Flex, Typography } from 'antd';
import { useState } from 'react';
import { fileUrl } from '../components/file-upload';

/** A small preview when the file is an image, a file icon otherwise (PDF scans); both open the file. */
function Thumb({ id, index }: { id: string; index: number }) {
  const [broken, setBroken] = useState(false);
  const label = `证明材料 ${index + 1}`;
  return (
    <a href={fileUrl(id)} target="_blank" rel="noopener" aria-label={`查看${label}`} title={label}>
      {broken ? (
        <span
          style={{
            display: 'inline-flex',
            width: 40,
            height: 40,
            alignItems: 'center',
            justifyContent: 'center',
            border: '1px solid #dcdfe4',
            borderRadius: 4,
          }}
        >
          <FileOutlined aria-hidden="true" />
        </span>
      ) : (
        <img
          src={fileUrl(id)}
          alt={label}
          width={40}
          height={40}
          loading="lazy"
          onError={() => setBroken(true)}
          style={{ objectFit: 'cover', borderRadius: 4, border: '1px solid #dcdfe4', display: 'block' }}
        />
      )}
    </a>
  );
}

export function EvidenceLinks({ ids }: { ids: string[] }) {
  if (!ids.length) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Flex gap={4} wrap>
      {ids.map((id, i) => (
        <Thumb key={id} id={id} index={i} />
      ))}
    </Flex>
  );
}
