import { describe, expect, it } from 'vitest';
import { asciiFallback, contentDisposition } from './download';

describe('download names', () => {
  it('keep the extension in an ASCII fallback every client can save', () => {
    expect(asciiFallback('志愿者名册.xlsx')).toBe('download.xlsx');
    expect(asciiFallback('志愿服务记录证明-SJ2026-0001.pdf')).toBe('SJ2026-0001.pdf');
    expect(asciiFallback('2026年经费报表.xlsx')).toBe('2026.xlsx');
    expect(asciiFallback('a"b\\c;d.pdf')).toBe('abcd.pdf');
    expect(asciiFallback('说明')).toBe('download');
  });

  it('send both names, the UTF-8 one encoded per RFC 5987', () => {
    expect(contentDisposition('attachment', '会议纪要(一).pdf')).toBe(
      `attachment; filename="download.pdf"; filename*=UTF-8''%E4%BC%9A%E8%AE%AE%E7%BA%AA%E8%A6%81%28%E4%B8%80%29.pdf`,
    );
    expect(contentDisposition('inline', 'photo.png')).toBe(`inline; filename="photo.png"; filename*=UTF-8''photo.png`);
  });
});
