import { chinaDay } from '../../../shared/china-time';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { CareRecipientInput, CareVisitInput, UpdateCareRecipientInput } from '../../../shared/care';
import { maskIdNumber } from '../../../shared/mask';

import { birthDateFromId, genderFromId, idNumberProblem, normaliseIdNumber } from '../../../shared/rules/id-number';
import type { CareRecipientsTable } from '../../db/schema';
import { type UnitTree, unitsInScope } from '../../platform/access';
import { appendAudit, diffFields } from '../../platform/audit';
import { encrypt, hmacHex } from '../../platform/crypto';
import { isUniqueViolation } from '../../platform/db';
import type { Ctx, Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { whoOf } from '../../platform/session';
import { canUseFile } from '../files/files.service';
import { noContact, present, servesInPerson } from './care.presenter';
import * as q from './care.queries';
import { openContact, phoneIndex, sealAddress, sealContact, sealGuardianPhone, sealNeeds, sealPhone } from './care.sealing';

/**
 * Care recipients are sensitive personal data (PIPL 第二十八条: children under 14, health,
 * disability, poverty, living alone with an address). Only the serving station's staff and the
 * institute admin see them; everyone else gets 404, whatever their role; every view is logged.
 * Phone, address, needs and the guardian's phone are stored encrypted (care.sealing.ts); who sees
 * them in full is care.presenter.ts's `servesInPerson`.
 */
async function careScope(ctx: Ctx, action: 'care.read' | 'care.manage'): Promise<{ tree: UnitTree; units: Set<string> }> {
  const tree = await ctx.scope.tree();
  return { tree, units: unitsInScope(tree, ctx.actor, action) };
}

/** The institute's number; with no station in scope, the plan's default (the list is empty anyway). */
async function noContactDays(ctx: Ctx, stationId: string | undefined) {
  return (await ctx.scope.rulesOf(stationId ?? ''))['care.noContactDays'];
}

export async function listRecipients(
  deps: Deps,
  ctx: Ctx,
  opts: { stationId?: string; category?: string; phone?: string; flagged?: boolean; includeArchived?: boolean; page: number; pageSize: number },
) {
  const { tree, units } = await careScope(ctx, 'care.read');
  if (units.size === 0) throw notFound();
  let stations = [...units].filter((u) => tree.nodes.get(u)?.kind === 'station');
  if (opts.stationId) {
    if (!units.has(opts.stationId)) throw notFound();
    stations = [opts.stationId];
  }
  const now = deps.clock.now();
  const today = chinaDay(now);
  const days = await noContactDays(ctx, stations[0]);
  // The same test as `noContactFlag`, in SQL so the page and the total agree.
  const contactBefore = opts.flagged ? new Date(now.getTime() - days * 86_400_000).toISOString() : undefined;
  const { rows, total } = await q.pageRecipients(
    deps.db,
    {
      stationIds: stations,
      includeArchived: Boolean(opts.includeArchived),
      contactBefore,
      category: opts.category,
      phoneHash: opts.phone ? phoneIndex(deps.config.keys, opts.phone) : undefined,
    },
    { limit: opts.pageSize, offset: (opts.page - 1) * opts.pageSize },
  );
  const items = rows.map((r) => present(deps.config.keys, r, servesInPerson(tree, ctx.actor, r.station_id), { today, noContactDays: days, now }));
  await deps.db.transaction().execute((trx) =>
    appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'care.listed',
      objectType: 'care_recipient',
      unitId: opts.stationId ?? null,
      changes: { rows: { before: null, after: items.length }, unmasked: { before: null, after: items.filter((i) => !i.masked).length } },
    }),
  );
  return { items, total, page: opts.page, pageSize: opts.pageSize };
}

/** For the station's home page: how many recipients have had no contact for too long. */
export async function careFlags(deps: Deps, ctx: Ctx) {
  const { tree, units } = await careScope(ctx, 'care.read');
  if (units.size === 0) throw notFound();
  const stations = [...units].filter((u) => tree.nodes.get(u)?.kind === 'station');
  const now = deps.clock.now();
  const rows = await q.listRecipients(deps.db, stations, false);
  const days = await noContactDays(ctx, stations[0]);
  // No decryption: the flag is the contact dates only.
  const flagged = rows.filter((r) => noContact(r, days, now));
  const byStation = new Map<string, { stationId: string; stationName: string; count: number }>();
  for (const f of flagged) {
    const e = byStation.get(f.station_id) ?? { stationId: f.station_id, stationName: f.station_name, count: 0 };
    e.count++;
    byStation.set(f.station_id, e);
  }
  return { noContactDays: days, total: flagged.length, stations: [...byStation.values()] };
}

async function requireRecipient(deps: Deps, ctx: Ctx, id: string, action: 'care.read' | 'care.manage') {
  const r = await q.getRecipient(deps.db, id);
  if (!r) throw notFound();
  const { tree, units } = await careScope(ctx, action);
  if (!units.has(r.station_id)) throw notFound();
  return { r, tree };
}

export async function getRecipient(deps: Deps, ctx: Ctx, id: string) {
  const { r } = await requireRecipient(deps, ctx, id, 'care.read');
  const now = deps.clock.now();
  await deps.db
    .transaction()
    .execute((trx) =>
      appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), { action: 'care.viewed', objectType: 'care_recipient', objectId: id, unitId: r.station_id }),
    );
  const visits = await q.listVisits(deps.db, id);
  return {
    // Opening the record (audited above) shows it in full to everyone who may open it.
    recipient: present(deps.config.keys, r, true, { today: chinaDay(now), noContactDays: await noContactDays(ctx, r.station_id), now }),
    visits: visits.map((v) => ({ id: v.id, kind: v.kind, at: v.at, note: v.note, orderId: v.order_id, activityId: v.activity_id, byName: v.by_name })),
  };
}

/** Registers a recipient with the legal basis recorded: statutory duty, or a separate consent with its evidence. */
export async function createRecipient(deps: Deps, ctx: Ctx, input: CareRecipientInput) {
  const tree = await ctx.scope.require('care.manage', input.stationId).catch((err) => {
    throw err instanceof AppError && err.code === 'access.denied' ? notFound() : err;
  });
  if (tree.nodes.get(input.stationId)?.kind !== 'station') throw new AppError('volunteer.not_station');
  if (input.legalBasis === 'consent') {
    if (!input.consent) throw new AppError('care.consent_required');
    if (input.consent.method === 'signed_form' && (!input.consent.evidenceFileId || !(await canUseFile(deps, ctx, input.consent.evidenceFileId))))
      throw new AppError('care.consent_required');
    if (input.consent.method === 'phone_confirmation' && !input.consent.note) throw new AppError('care.consent_required');
  }
  let idCols: Partial<CareRecipientsTable> = {
    id_number_enc: null,
    id_number_hash: null,
    id_number_masked: null,
    gender: input.gender ?? null,
    birth_date: input.birthDate ?? null,
  };
  if (input.idNumber) {
    const id = normaliseIdNumber(input.idNumber);
    if (idNumberProblem(id)) throw new AppError('volunteer.bad_id_number', { fields: [{ path: 'body.idNumber', message: '证件号码不正确' }] });
    const hash = hmacHex(deps.config.keys.index, `care:01:${id}`);
    if (await q.findByIdHash(deps.db, hash)) throw new AppError('care.duplicate');
    idCols = {
      id_number_enc: encrypt(deps.config.keys.encryption, id),
      id_number_hash: hash,
      id_number_masked: maskIdNumber(id.slice(0, 3), id.slice(-4)),
      gender: genderFromId(id),
      birth_date: birthDateFromId(id),
    };
  }
  const now = deps.clock.now().toISOString();
  const rowId = randomUUID();
  try {
    await deps.db.transaction().execute(async (trx) => {
      await q.insertRecipient(trx, {
        id: rowId,
        station_id: input.stationId,
        name: input.name,
        ...sealContact(deps.config.keys, {
          phone: input.phone ?? null,
          address: input.address ?? null,
          needs: input.needs ?? null,
          guardianPhone: input.guardian?.phone ?? null,
        }),
        lng: input.lng ?? null,
        lat: input.lat ?? null,
        categories: JSON.stringify(input.categories),
        guardian_name: input.guardian?.name ?? null,
        guardian_relation: input.guardian?.relation ?? null,
        legal_basis: input.legalBasis,
        consent_method: input.consent?.method ?? null,
        consent_file_id: input.consent?.evidenceFileId ?? null,
        consent_note: input.consent?.note ?? null,
        recorded_by: ctx.actor.accountId,
        last_contact_at: now,
        archived: 0,
        created_at: now,
        updated_at: now,
        id_number_enc: null,
        id_number_hash: null,
        id_number_masked: null,
        gender: null,
        birth_date: null,
        ...idCols,
      });
      await appendAudit(trx, deps.config.keys.audit, new Date(now), whoOf(ctx), {
        action: 'care.created',
        objectType: 'care_recipient',
        objectId: rowId,
        unitId: input.stationId,
        changes: { categories: { before: null, after: input.categories }, legalBasis: { before: null, after: input.legalBasis } },
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('care.duplicate');
    throw err;
  }
  return getRecipient(deps, ctx, rowId);
}

export async function updateRecipient(deps: Deps, ctx: Ctx, id: string, input: z.infer<typeof UpdateCareRecipientInput>) {
  const { r } = await requireRecipient(deps, ctx, id, 'care.manage');
  const now = deps.clock.now().toISOString();
  const keys = deps.config.keys;
  // The change is judged on clear values (decrypted), then written sealed.
  const was = openContact(keys, r);
  const before = { ...was, categories: r.categories, guardianName: r.guardian_name, archived: r.archived };
  const after = {
    phone: input.phone !== undefined ? input.phone : was.phone,
    address: input.address !== undefined ? input.address : was.address,
    needs: input.needs !== undefined ? input.needs : was.needs,
    guardianPhone: input.guardian !== undefined ? (input.guardian?.phone ?? null) : was.guardianPhone,
    guardianName: input.guardian !== undefined ? (input.guardian?.name ?? null) : r.guardian_name,
    categories: input.categories !== undefined ? JSON.stringify(input.categories) : r.categories,
    archived: input.archived !== undefined ? (input.archived ? 1 : 0) : r.archived,
  };
  const patch: Partial<CareRecipientsTable> = {
    ...(input.phone !== undefined && sealPhone(keys, input.phone)),
    ...(input.address !== undefined && sealAddress(keys, input.address)),
    ...(input.categories !== undefined && { categories: after.categories }),
    ...(input.guardian !== undefined && {
      guardian_name: after.guardianName,
      guardian_relation: input.guardian?.relation ?? null,
      ...sealGuardianPhone(keys, after.guardianPhone),
    }),
    ...(input.needs !== undefined && sealNeeds(keys, input.needs)),
    ...(input.archived !== undefined && { archived: after.archived }),
  };
  await deps.db.transaction().execute(async (trx) => {
    await q.updateRecipient(trx, id, { ...patch, updated_at: now });
    // Field names only for the sensitive ones: the audit log must not become a second copy of the data.
    await appendAudit(trx, deps.config.keys.audit, new Date(now), whoOf(ctx), {
      action: 'care.updated',
      objectType: 'care_recipient',
      objectId: id,
      unitId: r.station_id,
      changes: Object.fromEntries(
        Object.keys(diffFields(before, after, ['phone', 'address', 'categories', 'guardianName', 'guardianPhone', 'needs', 'archived'])).map((k) => [
          k,
          { before: '（已修改）', after: '（已修改）' },
        ]),
      ),
    });
  });
  return getRecipient(deps, ctx, id);
}

export async function addVisit(deps: Deps, ctx: Ctx, id: string, input: z.infer<typeof CareVisitInput>) {
  const { r, tree } = await requireRecipient(deps, ctx, id, 'care.manage');
  const now = deps.clock.now().toISOString();
  let at = new Date(input.at).toISOString();
  if (input.kind === 'activity') {
    // Only an activity of the recipient's own institute; the time of the record is the activity's start.
    const a = await q.activityForVisit(deps.db, input.activityId as string);
    if (!a || tree.instituteOf(a.unit_id) !== tree.instituteOf(r.station_id) || ['draft', 'submitted', 'rejected'].includes(a.status)) throw notFound();
    at = a.starts_at;
  }
  await deps.db.transaction().execute(async (trx) => {
    await q.insertVisit(trx, {
      id: randomUUID(),
      recipient_id: id,
      kind: input.kind,
      at,
      note: input.note,
      order_id: null,
      activity_id: input.kind === 'activity' ? (input.activityId ?? null) : null,
      by_account: ctx.actor.accountId,
      created_at: now,
    });
    if (!r.last_contact_at || at > r.last_contact_at) await q.updateRecipient(trx, id, { last_contact_at: at, updated_at: now });
    await appendAudit(trx, deps.config.keys.audit, new Date(now), whoOf(ctx), {
      action: 'care.visited',
      objectType: 'care_recipient',
      objectId: id,
      unitId: r.station_id,
      changes: { kind: { before: null, after: input.kind } },
    });
  });
  return getRecipient(deps, ctx, id);
}
