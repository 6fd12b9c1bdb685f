import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ResponseOf } from '../../../shared/endpoint';
import * as reports from '../../../shared/reports.endpoints';
import { call, download, urlFor } from '../api';

export type Report = ResponseOf<typeof reports.getReport>;

export function useReport(instituteId: string | undefined, period: string) {
  return useQuery({
    queryKey: ['reports', instituteId, period],
    queryFn: () => call(reports.getReport, { query: { instituteId: instituteId as string, period } }),
    enabled: !!instituteId,
    placeholderData: keepPreviousData,
  });
}

export function downloadReport(format: 'xlsx' | 'pdf', instituteId: string, period: string, fallbackName: string): Promise<string> {
  const endpoint = format === 'xlsx' ? reports.exportReportExcel : reports.exportReportPdf;
  return download(urlFor(endpoint, { query: { instituteId, period } }), fallbackName);
}
