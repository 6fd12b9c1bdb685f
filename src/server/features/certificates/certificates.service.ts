import { chinaDay } from '../../../shared/china-time';
import { randomBytes, randomUUID } from 'node:crypto';
import { type CertificateView, maskName, type PublicCertificateView } from '../../../shared/certificates';

import { minutesToHours } from '../../../shared/rules/stars';
import type { CertificatesTable } from '../../db/schema';
import { appendAudit } from '../../platform/audit';
import type { DbOrTrx } from '../../platform/db';
import type { Ctx, Deps } from '../../platform/deps';
import type { Scope } from '../../platform/scope';
import { AppError, notFound } from '../../platform/errors';
import { whoOf } from '../../platform/session';
import { volunteerById } from '../volunteers/volunteers.lookup';
import { type CertificateDoc, renderCertificatePdf } from './certificate.pdf';
import * as q from './certificates.queries';

/** Crockford base32 without look-alikes; a number nobody can guess from another. */
function newNumber(year: string): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  return `SJ${year}-${Array.from(randomBytes(8), (b) => alphabet[b % 32]).join('')}`;
}

type Snapshot = Omit<CertificateDoc, 'verifyUrl'>;

function present(row: CertificatesTable & { issued_by_name?: string | null }): CertificateView {
  const snap = JSON.parse(row.snapshot) as Snapshot;
  return {
    id: row.id,
    number: row.number,
    volunteerId: row.volunteer_id,
    volunteerName: snap.volunteer.name,
    volunteerNo: snap.volunteer.volunteerNo,
    from: row.from_date,
    to: row.to_date,
    hours: minutesToHours(Number(row.minutes)),
    serviceCount: snap.services.length,
    unitName: snap.issuer.unitName,
    issuedAt: row.issued_at,
    issuedByName: row.issued_by_name ?? null,
    revoked: Boolean(row.revoked_at),
    revokedAt: row.revoked_at,
    revokeReason: row.revoke_reason,
    pdfUrl: `/api/certificates/${row.id}/pdf`,
    verifyPath: `/verify/${row.number}`,
  };
}

/** The volunteer themself, or staff whose scope covers the volunteer's station. */
async function requireVolunteerFor(deps: Deps, scope: Scope, volunteerId: string, action: 'certificates.issue' | 'volunteers.read') {
  const v = await volunteerById(deps.db, volunteerId);
  if (!v) throw notFound();
  if (v.person_id === scope.actor.personId) return v;
  if (!(await scope.can(action, v.station_id))) throw notFound();
  return v;
}

/**
 * The frozen facts of a certificate: only approved records in the period, each original with its
 * approved corrections folded in. Used by the API and by the demo seed.
 */
export async function buildSnapshot(
  db: DbOrTrx,
  v: { id: string; station_id: string; name: string; id_number_masked: string | null; volunteer_no: string | null },
  from: string,
  to: string,
  handler: string | null,
  now: Date,
) {
  const records = await q.approvedRecordsBetween(db, v.id, from, to);
  const corrections = new Map<string, number>();
  for (const r of records) if (r.corrects_id) corrections.set(r.corrects_id, (corrections.get(r.corrects_id) ?? 0) + Number(r.minutes));
  const services = records
    .filter((r) => r.source !== 'correction')
    .map((r) => ({
      date: r.service_date,
      title: r.title,
      content: r.content,
      minutes: Number(r.minutes) + (corrections.get(r.id) ?? 0),
      unitName: r.organiser_name,
    }))
    .filter((s) => s.minutes > 0);
  const totalMinutes = services.reduce((s, r) => s + r.minutes, 0);
  const station = await q.stationContact(db, v.station_id);
  const head = await q.postHolder(db, v.station_id, 'station_head');
  const staff = await q.postHolder(db, v.station_id, 'staff');
  const snapshot: Snapshot = {
    number: newNumber(chinaDay(now).slice(0, 4)),
    issuedOn: chinaDay(now),
    volunteer: { name: v.name, idNumberMasked: v.id_number_masked, volunteerNo: v.volunteer_no },
    period: { from, to },
    totalHours: minutesToHours(totalMinutes),
    services: services.map((s) => ({ date: s.date, title: s.title, content: s.content, hours: minutesToHours(s.minutes), unitName: s.unitName })),
    issuer: {
      unitName: station.name,
      personInCharge: head?.holder_name ?? null,
      // 谁记录谁证明: the handler is the staff member issuing it, or the station's staff member for self-service.
      handler: handler ?? staff?.holder_name ?? null,
      contactPhone: station.phone,
    },
  };
  return { snapshot, totalMinutes };
}

/**
 * 办法 第十四–十七条: a certificate is free, states the service time, content and recording unit,
 * and only approved hours ever appear. The facts are frozen in a snapshot so the PDF and the public
 * check always show what was issued.
 */
export async function issueCertificate(deps: Deps, ctx: Ctx, input: { volunteerId: string; from: string; to: string }): Promise<CertificateView> {
  const v = await requireVolunteerFor(deps, ctx.scope, input.volunteerId, 'certificates.issue');
  const now = deps.clock.now();
  // The handler is named when staff of the volunteer's station issue it, not when a volunteer prints their own.
  const handler = (await ctx.scope.can('certificates.issue', v.station_id)) ? ctx.actor.displayName : null;
  const { snapshot, totalMinutes } = await buildSnapshot(deps.db, v, input.from, input.to, handler, now);
  const row: CertificatesTable = {
    id: randomUUID(),
    number: snapshot.number,
    volunteer_id: v.id,
    unit_id: v.station_id,
    from_date: input.from,
    to_date: input.to,
    minutes: totalMinutes,
    snapshot: JSON.stringify(snapshot),
    issued_by: ctx.actor.accountId,
    issued_at: now.toISOString(),
    revoked_at: null,
    revoked_by: null,
    revoke_reason: null,
  };
  await deps.db.transaction().execute(async (trx) => {
    await q.insertCertificate(trx, row);
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'certificates.issued',
      objectType: 'certificate',
      objectId: row.id,
      unitId: v.station_id,
      changes: { number: { before: null, after: row.number }, hours: { before: null, after: snapshot.totalHours } },
    });
  });
  return present({ ...row, issued_by_name: ctx.actor.displayName });
}

export async function listCertificates(deps: Deps, ctx: Ctx, query: { volunteerId?: string; page: number; pageSize: number }) {
  const page = { limit: query.pageSize, offset: (query.page - 1) * query.pageSize };
  let filter: { volunteerId?: string; unitIds?: string[] };
  if (query.volunteerId) {
    await requireVolunteerFor(deps, ctx.scope, query.volunteerId, 'volunteers.read');
    filter = { volunteerId: query.volunteerId };
  } else {
    filter = { unitIds: [...(await ctx.scope.units('certificates.issue'))] };
  }
  const { rows, total } = await q.listCertificates(deps.db, filter, page);
  return { items: rows.map(present), total, page: query.page, pageSize: query.pageSize };
}

export async function myCertificates(deps: Deps, ctx: Ctx, query: { page: number; pageSize: number }) {
  const v = (await ctx.scope.me()).volunteer;
  if (!v) throw new AppError('volunteer.not_found_self');
  const { rows, total } = await q.listCertificates(deps.db, { volunteerId: v.id }, { limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
  return { items: rows.map(present), total, page: query.page, pageSize: query.pageSize };
}

export async function certificatePdf(deps: Deps, ctx: Ctx, id: string, baseUrl: string): Promise<{ pdf: Buffer; number: string }> {
  const row = await q.getCertificate(deps.db, id);
  if (!row) throw notFound();
  await requireVolunteerFor(deps, ctx.scope, row.volunteer_id, 'volunteers.read');
  if (row.revoked_at) throw new AppError('certificates.revoked');
  const snap = JSON.parse(row.snapshot) as Snapshot;
  const pdf = await renderCertificatePdf({ ...snap, verifyUrl: `${baseUrl}/verify/${encodeURIComponent(row.number)}` });
  return { pdf, number: row.number };
}

export async function revokeCertificate(deps: Deps, ctx: Ctx, id: string, reason: string): Promise<CertificateView> {
  const row = await q.getCertificate(deps.db, id);
  if (!row) throw notFound();
  const unitIds = await ctx.scope.units('certificates.issue');
  if (!unitIds.has(row.unit_id)) throw notFound();
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const n = await q.revoke(trx, id, { revoked_at: now.toISOString(), revoked_by: ctx.actor.accountId, revoke_reason: reason });
    if (n !== 1) throw new AppError('certificates.revoked');
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'certificates.revoked',
      objectType: 'certificate',
      objectId: id,
      unitId: row.unit_id,
      changes: { revoked: { before: false, after: true }, reason: { before: null, after: reason } },
    });
  });
  const fresh = await q.getCertificate(deps.db, id);
  return present(fresh as CertificatesTable);
}

/** Anyone with the paper can check it (办法 第十七条): masked facts and whether it still stands. */
export async function verifyCertificate(deps: Deps, number: string): Promise<PublicCertificateView> {
  const row = await q.getCertificateByNumber(deps.db, number.trim().toUpperCase());
  if (!row) throw notFound();
  const snap = JSON.parse(row.snapshot) as Snapshot;
  return {
    number: row.number,
    status: row.revoked_at ? 'revoked' : 'valid',
    revokedAt: row.revoked_at,
    holderName: maskName(snap.volunteer.name),
    idNumberMasked: snap.volunteer.idNumberMasked,
    volunteerNo: snap.volunteer.volunteerNo,
    from: row.from_date,
    to: row.to_date,
    hours: snap.totalHours,
    serviceCount: snap.services.length,
    unitName: snap.issuer.unitName,
    issuedOn: snap.issuedOn,
  };
}
