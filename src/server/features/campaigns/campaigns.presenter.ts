/** Rows → views, pure. */
import { CAMPAIGN_KINDS, type CampaignKind, type CampaignSummary, type NominationView, type ObjectionView } from '../../../shared/campaigns';
import type { CampaignRow, NominationRow, ObjectionRow } from './campaigns.queries';

export function presentSummary(c: CampaignRow, nominations: number): CampaignSummary {
  const kind = c.kind as CampaignKind;
  return {
    id: c.id,
    instituteId: c.institute_id,
    year: Number(c.year),
    kind,
    kindLabel: CAMPAIGN_KINDS[kind].label,
    subject: CAMPAIGN_KINDS[kind].subject,
    title: c.title,
    nominateFrom: c.nominate_from,
    nominateUntil: c.nominate_until,
    quotaPerStation: c.quota_per_station === null ? null : Number(c.quota_per_station),
    status: c.status,
    noticeEndsOn: c.notice_ends_on,
    nominations,
  };
}

export function presentNomination(r: NominationRow): NominationView {
  return {
    id: r.id,
    stationId: r.station_id,
    stationName: r.station_name,
    nomineeName: r.nominee_name,
    address: r.address,
    members: r.members === null ? null : Number(r.members),
    gender: r.gender,
    ageBand: r.age_band,
    deeds: r.deeds,
    evidence: r.evidence,
    photoFileIds: JSON.parse(r.photo_file_ids) as string[],
    consentRecordedBy: r.consent_recorded_by,
    consentOn: r.consent_on,
    createdByName: r.created_by_name,
    createdAt: r.created_at,
    withdrawn: r.withdrawn_at ? { reason: r.withdraw_reason ?? '', byName: r.withdrawn_by_name ?? '', at: r.withdrawn_at } : null,
    decision: r.decided_at ? { selected: Number(r.selected) === 1, reason: r.decision_reason ?? '', byName: r.decided_by_name ?? '', at: r.decided_at } : null,
    removed: r.removed_reply === null || r.removed_reply === undefined ? null : String(r.removed_reply),
  };
}

/** In the result: not withdrawn, selected, and not removed by an upheld objection. */
export function inResult(r: NominationRow): boolean {
  return !r.withdrawn_at && Number(r.selected) === 1 && (r.removed_reply === null || r.removed_reply === undefined);
}

export function presentObjection(o: ObjectionRow): ObjectionView {
  return {
    id: o.id,
    nominationId: o.nomination_id,
    nomineeName: o.nominee_name,
    name: o.name,
    contact: o.contact,
    content: o.content,
    createdAt: o.created_at,
    resolution: o.resolved_at ? { upheld: Number(o.upheld) === 1, reply: o.reply ?? '', byName: o.resolved_by_name ?? '', at: o.resolved_at } : null,
  };
}
