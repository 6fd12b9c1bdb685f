import { z } from 'zod';
import { Id, Text } from './common';
import { PRIVACY_STATUS_LABELS, type PrivacyStatus } from './privacy-labels';

export { PRIVACY_STATUS_LABELS, type PrivacyStatus };

/** The person asks for their personal information to be deleted; the reason is optional. */
export const PrivacyRequestInput = z.strictObject({ reason: Text(200).optional() });
export type PrivacyRequestInput = z.infer<typeof PrivacyRequestInput>;

/** Staff decide: approve (anonymise now) or reject with the legal ground (PIPL 47, e.g. 法定保存期限未满). */
export const PrivacyDecisionInput = z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('approve'), reason: Text(200).optional() }),
  z.strictObject({ decision: z.literal('reject'), reason: Text(200) }),
]);
export type PrivacyDecisionInput = z.infer<typeof PrivacyDecisionInput>;

export const PrivacyRequestQuery = z.strictObject({ status: z.enum(['open', 'closed', 'all']).default('open') });

export const PrivacyRequestView = z.object({
  id: Id,
  status: z.enum(['open', 'approved', 'rejected']),
  reason: z.string().nullable(),
  requestedAt: z.string(),
  unitId: Id,
  unitName: z.string(),
  /** The person's name as it is now (已注销用户 once approved); for staff only, null on the person's own list. */
  personName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decisionReason: z.string().nullable(),
});
export type PrivacyRequestView = z.infer<typeof PrivacyRequestView>;

export const PrivacyRequestList = z.object({ items: z.array(PrivacyRequestView) });
