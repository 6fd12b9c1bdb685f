import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { awardSentence, chineseDate, renderAwardPdf } from './recognition.pdf';

const doc = {
  number: 'BZ2026-7KQ3M9XA',
  recipientName: '欧阳明华',
  recipientKind: 'volunteer' as const,
  title: '优秀志愿者',
  level: '街道级',
  reason: '长期参与助老服务，表现突出。',
  grantedBy: '马鞍街道办事处',
  awardedOn: '2026-05-04',
  verifyUrl: 'http://localhost/honours?number=BZ2026-7KQ3M9XA',
};

describe('the award certificate', () => {
  it('says who, what and why in one sentence', () => {
    expect(chineseDate('2026-05-04')).toBe('2026年5月4日');
    expect(awardSentence(doc)).toContain('欧阳明华 同志');
    expect(awardSentence({ ...doc, recipientKind: 'team', recipientName: '助老服务队' })).toMatch(/^助老服务队：/);
  });

  it('renders one landscape page with the text extractable', async () => {
    const pdf = await renderAwardPdf(doc);
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    if (!existsSync('/usr/bin/pdftotext')) return;
    const dir = mkdtempSync(path.join(os.tmpdir(), 'award-'));
    try {
      const file = path.join(dir, 'a.pdf');
      writeFileSync(file, pdf);
      if (process.env.AWARD_PDF_OUT) writeFileSync(process.env.AWARD_PDF_OUT, pdf);
      const text = execFileSync('pdftotext', [file, '-']).toString().replace(/\s+/g, '');
      expect(text).toContain('荣誉证书');
      expect(text).toContain('2026年5月4日');
      expect(execFileSync('pdfinfo', [file]).toString()).toMatch(/Pages:\s+1\n/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
