import type { UseQueryResult } from '@tanstack/react-query';
import { Modal, Typography } from 'antd';
import QRCode from 'qrcode';
import { type ReactNode, useEffect, useState } from 'react';
import { errorMessage } from '../../lib/api';

/**
 * The room's screen for a meeting or a training: a QR code of the phone sign-in page that changes
 * with the server's rotating token (the query refetches it before it expires).
 */
export function SignInQrModal({
  title,
  token,
  alt,
  children,
  onClose,
}: {
  title: string;
  token: UseQueryResult<{ signInPath: string }>;
  alt: string;
  children: ReactNode;
  onClose: () => void;
}) {
  const [qr, setQr] = useState<string | null>(null);
  const url = token.data ? `${window.location.origin}${token.data.signInPath}` : null;
  useEffect(() => {
    if (!url) return;
    let live = true;
    QRCode.toDataURL(url, { width: 420, margin: 1, errorCorrectionLevel: 'M' }).then(
      (d) => live && setQr(d),
      () => live && setQr(null),
    );
    return () => {
      live = false;
    };
  }, [url]);
  return (
    <Modal open title={title} footer={null} onCancel={onClose} width={520} centered>
      <div style={{ textAlign: 'center' }}>
        {token.error ? <Typography.Text type="danger">{errorMessage(token.error)}</Typography.Text> : null}
        {qr ? <img src={qr} alt={alt} style={{ width: '100%', maxWidth: 420 }} /> : <div style={{ height: 320 }} aria-busy="true" />}
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          {children}
        </Typography.Paragraph>
      </div>
    </Modal>
  );
}
