import { z } from 'zod';
import { CertificateListQuery, CertificateView, IssueCertificateInput, PublicCertificateView, RevokeCertificateInput } from './certificates';
import { IdParams, PageQuery, Paged } from './common';
import { defineEndpoint, MIME } from './endpoint';
import { named } from './openapi';
import { routes } from './routes';

named({ CertificateView, PublicCertificateView });
const tags = ['certificates'];

export const issueCertificate = defineEndpoint({
  ...routes.issueCertificate,
  selfService: true,
  summary: '开具志愿服务记录证明（免费）',
  description: '志愿者本人，或管辖范围内的工作人员，为一段时间内已认定的服务记录开具证明（办法第十四条：免费）。证明保存开具时的快照。',
  tags,
  body: IssueCertificateInput,
  responses: { 201: CertificateView },
  errors: ['not_found', 'access.denied'],
});

export const listCertificates = defineEndpoint({
  ...routes.listCertificates,
  summary: '已开具的证明（分页）',
  description: '指定 volunteerId 时列出该志愿者的证明，否则列出本人管辖范围内开具的全部证明；最新在前。',
  tags,
  query: CertificateListQuery,
  responses: { 200: Paged(CertificateView) },
  errors: ['not_found', 'access.denied'],
});

export const listMyCertificates = defineEndpoint({
  ...routes.listMyCertificates,
  summary: '我的证明（分页）',
  description: '当前登录志愿者本人的证明，最新在前。',
  tags,
  query: PageQuery,
  responses: { 200: Paged(CertificateView) },
  errors: ['volunteer.not_found_self'],
});

export const certificatePdf = defineEndpoint({
  ...routes.downloadCertificatePdf,
  summary: '下载证明 PDF',
  description: '带核验二维码的证明 PDF；已作废的证明不能下载。',
  tags,
  params: IdParams,
  responses: {},
  produces: [MIME.pdf],
  errors: ['not_found', 'certificates.revoked'],
});

export const revokeCertificate = defineEndpoint({
  ...routes.revokeCertificate,
  summary: '作废证明（记录原因）',
  description: '管辖范围内的工作人员作废一份证明；公开核验页随即显示“已作废”。',
  tags,
  params: IdParams,
  body: RevokeCertificateInput,
  responses: { 200: CertificateView },
  errors: ['not_found', 'access.denied', 'certificates.revoked'],
});

export const verifyCertificate = defineEndpoint({
  ...routes.verifyCertificate,
  summary: '公开核验证明',
  description: '扫描证明上的二维码或输入编号核验真伪，无需登录；只返回核验所需的信息。',
  tags: ['public', 'certificates'],
  access: 'public',
  params: z.strictObject({ number: z.string().trim().min(6).max(40) }),
  responses: { 200: PublicCertificateView },
  errors: ['not_found', 'auth.rate_limited'],
});
