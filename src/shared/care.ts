import { z } from 'zod';
import { Id, PageQuery, Phone, Text } from './common';

/** 关爱对象 categories from the plan's 精准关爱帮扶 block. All of this is sensitive personal data. */
export const CARE_CATEGORIES = ['留守儿童', '困境儿童', '空巢老人', '独居老人', '困难职工', '残疾人', '失独女性', '贫困户', '低保户', '特困人员'] as const;
export const CareCategory = z.enum(CARE_CATEGORIES);

/**
 * PIPL 第十三条: a public body may rely on its statutory duty (法定职责) for residents' welfare;
 * otherwise the person's (or a guardian's) separate consent (第二十九条, 第三十一条) is recorded.
 */
export const LEGAL_BASES = { statutory_duty: '履行法定职责（民政、残联等工作职责）', consent: '本人或监护人单独同意' } as const;
export const LegalBasis = z.enum(['statutory_duty', 'consent']);

export const CareRecipientInput = z.strictObject({
  stationId: Id,
  name: Text(32),
  idNumber: z.string().trim().max(32).optional(),
  gender: z.enum(['male', 'female']).optional(),
  birthDate: z.iso.date().optional(),
  phone: Phone.optional(),
  address: Text(120).optional(),
  lng: z.number().min(-180).max(180).optional(),
  lat: z.number().min(-90).max(90).optional(),
  categories: z.array(CareCategory).min(1, { message: '至少选择一类' }).max(5),
  guardian: z.strictObject({ name: Text(32), phone: Phone, relation: Text(16) }).optional(),
  needs: Text(1000).optional(),
  legalBasis: LegalBasis,
  consent: z
    .strictObject({ method: z.enum(['signed_form', 'phone_confirmation', 'in_person']), evidenceFileId: Id.optional(), note: Text(200).optional() })
    .optional(),
});
export type CareRecipientInput = z.infer<typeof CareRecipientInput>;

export const UpdateCareRecipientInput = z.strictObject({
  phone: Phone.nullable().optional(),
  address: Text(120).nullable().optional(),
  categories: z.array(CareCategory).min(1).max(5).optional(),
  guardian: z
    .strictObject({ name: Text(32), phone: Phone, relation: Text(16) })
    .nullable()
    .optional(),
  needs: Text(1000).nullable().optional(),
  archived: z.boolean().optional(),
});

/** A visit, a call, or the recipient taking part in an activity (the service is then linked to them). */
export const CareVisitInput = z
  .strictObject({ kind: z.enum(['visit', 'call', 'activity']), at: z.iso.datetime({ offset: true }), note: Text(1000), activityId: Id.optional() })
  .refine((v) => v.kind !== 'activity' || v.activityId, { message: '请选择活动', path: ['activityId'] });

export const CareRecipientView = z.object({
  id: Id,
  stationId: Id,
  stationName: z.string(),
  name: z.string(),
  gender: z.enum(['male', 'female']).nullable(),
  age: z.number().int().nullable(),
  idNumberMasked: z.string().nullable(),
  /**
   * True in a list read by someone who is not the serving station's staff (the institute admin):
   * phones masked (138****1234), address and needs withheld (null). Opening the record (audited) shows them.
   */
  masked: z.boolean(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  categories: z.array(z.string()),
  guardian: z.object({ name: z.string(), phone: z.string(), relation: z.string() }).nullable(),
  needs: z.string().nullable(),
  legalBasis: LegalBasis,
  consentMethod: z.string().nullable(),
  lastContactAt: z.string().nullable(),
  noContactFlag: z.boolean(),
  archived: z.boolean(),
});
export type CareRecipientView = z.infer<typeof CareRecipientView>;

export const CareVisitView = z.object({
  id: Id,
  kind: z.string(),
  at: z.string(),
  note: z.string().nullable(),
  orderId: Id.nullable(),
  activityId: Id.nullable(),
  byName: z.string().nullable(),
});

/** `GET /api/care-recipients`: paged like every list. */
export const CareRecipientListQuery = PageQuery.extend({
  stationId: Id.optional(),
  category: CareCategory.optional(),
  flagged: z.enum(['true', 'false']).optional(),
  includeArchived: z.enum(['true', 'false']).optional(),
  /** Exact phone number (the recipient's own): matched on the blind index, since the phone is stored encrypted. */
  phone: Phone.optional(),
});
export type CareRecipientListQuery = z.infer<typeof CareRecipientListQuery>;
