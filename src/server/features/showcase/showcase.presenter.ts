/** Rows → views, pure. */
import {
  maskPersonName,
  type PublicShowcaseItem,
  SHOWCASE_KINDS,
  type ShowcaseActivity,
  type ShowcaseItemView,
  type ShowcaseKind,
  type ShowcasePerson,
} from '../../../shared/showcase';
import type { ShowcasePeopleTable, ShowcaseWithdrawalsTable } from '../../db/schema';
import type { ShowcaseRow } from './showcase.queries';

export interface StoredMedia {
  fileId: string;
  caption?: string | null;
}

export function mediaOf(row: Pick<ShowcaseRow, 'media'>): StoredMedia[] {
  return JSON.parse(row.media) as StoredMedia[];
}

export interface FileInfo {
  id: string;
  original_name: string;
  mime: string;
}

export function presentPerson(p: ShowcasePeopleTable): ShowcasePerson {
  return {
    id: p.id,
    name: p.name,
    kind: p.kind,
    masked: Number(p.masked) === 1,
    consent: p.consent_recorded_by && p.consent_on ? { recordedBy: p.consent_recorded_by, on: p.consent_on, scope: p.consent_scope ?? '' } : null,
  };
}

export function presentItem(
  r: ShowcaseRow,
  people: ShowcasePeopleTable[],
  files: Map<string, FileInfo>,
  withdrawal: ShowcaseWithdrawalsTable | undefined,
): ShowcaseItemView {
  const kind = r.kind as ShowcaseKind;
  return {
    id: r.id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    kind,
    kindLabel: SHOWCASE_KINDS[kind].label,
    title: r.title,
    description: r.description,
    coverFileId: r.cover_file_id,
    media: mediaOf(r).map((m) => ({
      fileId: m.fileId,
      caption: m.caption ?? null,
      mime: files.get(m.fileId)?.mime ?? '',
      name: files.get(m.fileId)?.original_name ?? '',
    })),
    activityId: r.activity_id,
    programmeId: r.programme_id,
    sort: Number(r.sort),
    featured: Number(r.featured) === 1,
    status: r.status,
    people: people.map(presentPerson),
    publishedAt: r.published_at,
    withdrawal: r.status === 'withdrawn' && withdrawal ? { reason: withdrawal.reason, byName: withdrawal.by_name, at: withdrawal.created_at } : null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** The portal's view: people by name only with consent, masked otherwise; no consent records. */
export function presentPublicItem(
  r: ShowcaseRow,
  people: ShowcasePeopleTable[],
  files: Map<string, FileInfo>,
  activity: ShowcaseActivity | null,
): PublicShowcaseItem {
  const kind = r.kind as ShowcaseKind;
  return {
    id: r.id,
    unitName: r.unit_name,
    kind,
    kindLabel: SHOWCASE_KINDS[kind].label,
    title: r.title,
    description: r.description,
    coverFileId: r.cover_file_id,
    media: mediaOf(r).map((m) => ({ fileId: m.fileId, caption: m.caption ?? null, mime: files.get(m.fileId)?.mime ?? '' })),
    activity,
    featured: Number(r.featured) === 1,
    people: people.map((p) => (Number(p.masked) === 1 || !p.consent_recorded_by ? maskPersonName(p.name) : p.name)),
    publishedAt: r.published_at ?? r.updated_at,
  };
}
