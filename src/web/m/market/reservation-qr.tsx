import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/**
 * The reservation's code as a QR image for the counter's scanner (the code alone: the counter's
 * search box takes it as typed), next to the large text code for a clerk who reads it aloud.
 */
export function ReservationQr({ code, goodsName }: { code: string; goodsName: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toDataURL(code, { width: 320, margin: 1, errorCorrectionLevel: 'M' }).then(
      (d) => live && setSrc(d),
      () => live && setSrc(null),
    );
    return () => {
      live = false;
    };
  }, [code]);
  if (!src) return null;
  return (
    <img
      src={src}
      alt={`${goodsName}的预约码二维码：${code}`}
      width={180}
      height={180}
      style={{ display: 'block', margin: '8px auto', width: 180, height: 180, maxWidth: '100%' }}
    />
  );
}
