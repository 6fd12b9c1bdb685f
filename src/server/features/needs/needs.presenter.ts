import type { NeedsRecordView } from '../../../shared/needs';
import { maskPhone } from '../../../shared/mask';
import type { RecordRow } from './needs.queries';

/** Pure: a record as the caller may see it (phone masked; the recipient only if they serve them). */
export function presentRecord(r: RecordRow, recipientName: string | null, canWithdraw: boolean): NeedsRecordView {
  return {
    id: r.id,
    stationId: r.station_id,
    stationName: r.station_name,
    collectedOn: r.collected_on,
    method: r.method,
    place: r.place,
    collectorName: r.collector_name,
    respondentName: r.respondent_name,
    respondentPhone: maskPhone(r.respondent_phone),
    careLinked: !!r.care_recipient_id,
    careRecipient: r.care_recipient_id && recipientName ? { id: r.care_recipient_id, name: recipientName } : null,
    category: r.category,
    description: r.description,
    people: Number(r.people),
    createdAt: r.created_at,
    withdrawn: r.withdrawn_at ? { reason: r.withdraw_reason ?? '', byName: r.withdrawn_by_name ?? '', at: r.withdrawn_at } : null,
    canWithdraw: canWithdraw && !r.withdrawn_at,
  };
}
