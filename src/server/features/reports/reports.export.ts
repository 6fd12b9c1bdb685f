/** The report's downloads: the same figures as the page, as Excel and as a Chinese PDF; each export is audited. */
import type { z } from 'zod';
import { REPORT_KINDS, type ReportQuery, type ReportView } from '../../../shared/reports';
import { appendAudit } from '../../platform/audit';
import type { Ctx, Deps } from '../../platform/deps';
import { whoOf } from '../../platform/session';
import { writeReportWorkbook } from './reports.excel';
import { renderReportPdf } from './reports.pdf';
import { buildReport } from './reports.service';

async function audited(deps: Deps, ctx: Ctx, r: ReportView, format: 'xlsx' | 'pdf') {
  await deps.db.transaction().execute((trx) =>
    appendAudit(trx, deps.config.keys.audit, deps.clock.now(), whoOf(ctx), {
      action: 'reports.exported',
      objectType: 'report',
      unitId: r.instituteId,
      changes: { period: { before: null, after: r.period }, format: { before: null, after: format } },
    }),
  );
}

/** "马鞍街道新时代文明实践所-2026年11月工作月报.xlsx". */
const fileNameOf = (r: ReportView, ext: string) => `${r.instituteName}-${r.periodLabel}工作${REPORT_KINDS[r.kind]}.${ext}`;

export async function exportReportExcel(deps: Deps, ctx: Ctx, query: z.infer<typeof ReportQuery>) {
  const r = await buildReport(deps, ctx, query);
  const body = await writeReportWorkbook(r);
  await audited(deps, ctx, r, 'xlsx');
  return { body, fileName: fileNameOf(r, 'xlsx') };
}

export async function exportReportPdf(deps: Deps, ctx: Ctx, query: z.infer<typeof ReportQuery>) {
  const r = await buildReport(deps, ctx, query);
  const body = await renderReportPdf(r);
  await audited(deps, ctx, r, 'pdf');
  return { body, fileName: fileNameOf(r, 'pdf') };
}
