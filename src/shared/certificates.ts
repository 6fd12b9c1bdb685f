import { z } from 'zod';
import { DateString, Id, PageQuery, Text } from './common';

export const IssueCertificateInput = z
  .strictObject({ volunteerId: Id, from: DateString, to: DateString })
  .refine((v) => v.from <= v.to, { message: '开始日期不能晚于结束日期', path: ['to'] });

export const CertificateView = z.object({
  id: Id,
  number: z.string(),
  volunteerId: Id,
  volunteerName: z.string(),
  volunteerNo: z.string().nullable(),
  from: z.string(),
  to: z.string(),
  hours: z.number(),
  serviceCount: z.number().int(),
  unitName: z.string(),
  issuedAt: z.string(),
  issuedByName: z.string().nullable(),
  revoked: z.boolean(),
  revokedAt: z.string().nullable(),
  revokeReason: z.string().nullable(),
  pdfUrl: z.string(),
  verifyPath: z.string(),
});
export type CertificateView = z.infer<typeof CertificateView>;

export const RevokeCertificateInput = z.strictObject({ reason: Text(200) });

/** What anyone holding the paper can check: masked, no contact details. */
export const PublicCertificateView = z.object({
  number: z.string(),
  status: z.enum(['valid', 'revoked']),
  revokedAt: z.string().nullable(),
  holderName: z.string(),
  idNumberMasked: z.string().nullable(),
  volunteerNo: z.string().nullable(),
  from: z.string(),
  to: z.string(),
  hours: z.number(),
  serviceCount: z.number().int(),
  unitName: z.string(),
  issuedOn: z.string(),
});
export type PublicCertificateView = z.infer<typeof PublicCertificateView>;

/** 张三丰 → 张*丰, 李四 → 李*: enough to match the paper, not enough to look someone up. */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return name;
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** `GET /api/certificates`: one volunteer's, or everything issued in the caller's scope; paged like every list. */
export const CertificateListQuery = PageQuery.extend({ volunteerId: Id.optional() });
export type CertificateListQuery = z.infer<typeof CertificateListQuery>;
