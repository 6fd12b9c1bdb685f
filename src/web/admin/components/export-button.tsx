import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { download, errorMessage } from '../../lib/api';

/**
 * 导出 Excel for a list page: downloads the endpoint's workbook with the page's current filters
 * (every row, not the page shown), and tells how it went.
 */
export function ExportButton({ url, fileName }: { url: string; fileName: string }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      message.success(`已导出 ${await download(url, fileName)}`);
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void run()}>
      导出 Excel
    </Button>
  );
}
