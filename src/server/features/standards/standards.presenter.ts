import type { EvidenceKind, StandardKey } from '../../../shared/rules/standards';
import type { ConfirmationView, EvidenceView } from '../../../shared/standards';
import type { StandardConfirmationsTable, StandardEvidenceTable } from '../../db/schema';
import { parseIds } from './standards.facts';

export type FileInfo = { id: string; original_name: string; mime: string };

/** An evidence row with its files' names and types (a file no longer stored is left out). */
export function presentEvidence(r: StandardEvidenceTable, files: Map<string, FileInfo>): EvidenceView {
  return {
    id: r.id,
    unitId: r.unit_id,
    standard: r.standard as StandardKey,
    kind: r.kind as EvidenceKind,
    note: r.note,
    files: parseIds(r.file_ids)
      .map((id) => files.get(id))
      .filter((f): f is FileInfo => Boolean(f))
      .map((f) => ({ id: f.id, name: f.original_name, mime: f.mime })),
    link: r.link,
    byName: r.added_by_name,
    at: r.created_at,
    withdrawnAt: r.withdrawn_at,
    withdrawnByName: r.withdrawn_by_name,
    withdrawReason: r.withdraw_reason,
  };
}

export function presentConfirmation(r: StandardConfirmationsTable): ConfirmationView {
  return {
    id: r.id,
    unitId: r.unit_id,
    standard: r.standard as StandardKey,
    decision: r.decision,
    reason: r.reason,
    evidenceIds: parseIds(r.evidence_ids),
    byName: r.by_name,
    at: r.created_at,
  };
}
