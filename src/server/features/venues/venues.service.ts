import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { isOnlineKind, type UpdateVenueInput, type VenueInput, type VenueKind, type VenueView } from '../../../shared/venues';
import type { RoomsTable, VenuesTable } from '../../db/schema';
import { unitsInScope } from '../../platform/access';
import { appendAudit, diffFields } from '../../platform/audit';
import { isUniqueViolation } from '../../platform/db';
import type { Ctx, Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { whoOf } from '../../platform/session';
import * as q from './venues.queries';

type VenueRow = VenuesTable & { unit_name: string };

function present(v: VenueRow, rooms: RoomsTable[]): VenueView {
  return {
    id: v.id,
    unitId: v.unit_id,
    unitName: v.unit_name,
    mode: v.mode,
    kind: v.kind as VenueKind,
    name: v.name,
    address: v.address,
    lng: v.lng === null ? null : Number(v.lng),
    lat: v.lat === null ? null : Number(v.lat),
    openingHours: v.opening_hours,
    contactName: v.contact_name,
    contactPhone: v.contact_phone,
    url: v.url,
    intro: v.intro,
    photoFileIds: JSON.parse(v.photo_file_ids),
    archived: Boolean(v.archived),
    rooms: rooms.filter((r) => r.venue_id === v.id).map((r) => ({ id: r.id, name: r.name, capacity: Number(r.capacity), archived: Boolean(r.archived) })),
  };
}

async function presentAll(deps: Deps, rows: VenueRow[]) {
  const rooms = await q.listRooms(
    deps.db,
    rows.map((v) => v.id),
  );
  return rows.map((v) => present(v, rooms));
}

/** Staff see venues in scope and their institute's; anyone else sees what the portal shows. */
export async function listVenues(deps: Deps, ctx: Ctx | null, query: { page: number; pageSize: number; includeArchived?: 'true' | 'false' }) {
  const { page, pageSize } = query;
  const range = { limit: pageSize, offset: (page - 1) * pageSize };
  const staff = ctx?.scope.hasRole('venues.read') ? ctx : null;
  const { rows, total } = staff
    ? await q.pageVenues(deps.db, [...(await staff.scope.units('venues.read'))], query.includeArchived === 'true', range)
    : await q.pageVenues(deps.db, null, false, range);
  return { items: await presentAll(deps, rows), total, page, pageSize };
}

async function requireVenue(deps: Deps, ctx: Ctx, id: string) {
  const v = await q.getVenue(deps.db, id);
  if (!v) throw notFound();
  await ctx.scope.require('venues.manage', v.unit_id);
  return v;
}

export async function getVenue(deps: Deps, _ctx: Ctx, id: string) {
  const v = await q.getVenue(deps.db, id);
  if (!v) throw notFound();
  return (await presentAll(deps, [v]))[0];
}

export async function createVenue(deps: Deps, ctx: Ctx, input: z.infer<typeof VenueInput>) {
  await ctx.scope.require('venues.manage', input.unitId);
  if (await q.findVenueByName(deps.db, input.unitId, input.name)) throw new AppError('venues.duplicate_name');
  const now = deps.clock.now().toISOString();
  const online = isOnlineKind(input.kind);
  const row: VenuesTable = {
    id: randomUUID(),
    unit_id: input.unitId,
    mode: online ? 'online' : 'offline',
    kind: input.kind,
    name: input.name,
    address: input.address ?? null,
    lng: input.lng ?? null,
    lat: input.lat ?? null,
    opening_hours: input.openingHours ?? null,
    contact_name: input.contactName ?? null,
    contact_phone: input.contactPhone ?? null,
    url: input.url ?? null,
    intro: input.intro ?? null,
    photo_file_ids: JSON.stringify(input.photoFileIds),
    archived: 0,
    created_at: now,
    updated_at: now,
  };
  try {
    await deps.db.transaction().execute(async (trx) => {
      await q.insertVenue(trx, row);
      for (const r of online ? [] : input.rooms)
        await q.insertRoom(trx, { id: randomUUID(), venue_id: row.id, name: r.name, capacity: r.capacity, archived: 0, created_at: now });
      await appendAudit(trx, deps.config.keys.audit, new Date(now), whoOf(ctx), {
        action: 'venues.created',
        objectType: 'venue',
        objectId: row.id,
        unitId: row.unit_id,
        changes: diffFields(null, row, ['name', 'kind', 'address']),
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('venues.duplicate_name');
    throw err;
  }
  return getVenue(deps, ctx, row.id);
}

export async function updateVenue(deps: Deps, ctx: Ctx, id: string, input: z.infer<typeof UpdateVenueInput>) {
  const before = await requireVenue(deps, ctx, id);
  const now = deps.clock.now().toISOString();
  const patch: Partial<VenuesTable> = {
    ...(input.kind !== undefined && { kind: input.kind, mode: isOnlineKind(input.kind) ? 'online' : 'offline' }),
    ...(input.name !== undefined && { name: input.name }),
    ...(input.address !== undefined && { address: input.address }),
    ...(input.lng !== undefined && { lng: input.lng }),
    ...(input.lat !== undefined && { lat: input.lat }),
    ...(input.openingHours !== undefined && { opening_hours: input.openingHours }),
    ...(input.contactName !== undefined && { contact_name: input.contactName }),
    ...(input.contactPhone !== undefined && { contact_phone: input.contactPhone }),
    ...(input.url !== undefined && { url: input.url }),
    ...(input.intro !== undefined && { intro: input.intro }),
    ...(input.photoFileIds !== undefined && { photo_file_ids: JSON.stringify(input.photoFileIds) }),
    ...(input.archived !== undefined && { archived: input.archived ? 1 : 0 }),
  };
  if (patch.name && patch.name !== before.name && (await q.findVenueByName(deps.db, before.unit_id, patch.name))) throw new AppError('venues.duplicate_name');
  await deps.db.transaction().execute(async (trx) => {
    await q.updateVenue(trx, id, { ...patch, updated_at: now });
    await appendAudit(trx, deps.config.keys.audit, new Date(now), whoOf(ctx), {
      action: 'venues.updated',
      objectType: 'venue',
      objectId: id,
      unitId: before.unit_id,
      changes: diffFields(before, { ...before, ...patch }, [
        'name',
        'kind',
        'address',
        'lng',
        'lat',
        'opening_hours',
        'contact_name',
        'contact_phone',
        'url',
        'archived',
      ]),
    });
  });
  return getVenue(deps, ctx, id);
}

export async function addRoom(deps: Deps, ctx: Ctx, venueId: string, input: { name: string; capacity: number }) {
  const v = await requireVenue(deps, ctx, venueId);
  const now = deps.clock.now().toISOString();
  try {
    await deps.db.transaction().execute(async (trx) => {
      const id = randomUUID();
      await q.insertRoom(trx, { id, venue_id: venueId, name: input.name, capacity: input.capacity, archived: 0, created_at: now });
      await appendAudit(trx, deps.config.keys.audit, new Date(now), whoOf(ctx), {
        action: 'venues.room_added',
        objectType: 'room',
        objectId: id,
        unitId: v.unit_id,
        changes: { name: { before: null, after: input.name } },
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('venues.duplicate_name');
    throw err;
  }
  return getVenue(deps, ctx, venueId);
}

export async function updateRoom(deps: Deps, ctx: Ctx, roomId: string, input: { name?: string; capacity?: number; archived?: boolean }) {
  const room = await q.getRoom(deps.db, roomId);
  if (!room) throw notFound();
  const v = await requireVenue(deps, ctx, room.venue_id);
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await q.updateRoom(trx, roomId, {
      ...(input.name !== undefined && { name: input.name }),
      ...(input.capacity !== undefined && { capacity: input.capacity }),
      ...(input.archived !== undefined && { archived: input.archived ? 1 : 0 }),
    });
    await appendAudit(trx, deps.config.keys.audit, new Date(now), whoOf(ctx), {
      action: 'venues.room_updated',
      objectType: 'room',
      objectId: roomId,
      unitId: v.unit_id,
      changes: diffFields(room, { ...room, ...input }, ['name', 'capacity']),
    });
  });
  return getVenue(deps, ctx, room.venue_id);
}

/** The room's bookings for a period, so staff can pick a free slot before creating an activity. */
export async function roomSchedule(
  deps: Deps,
  ctx: Ctx,
  roomId: string,
  { from, to, page, pageSize }: { from: string; to: string; page: number; pageSize: number },
) {
  const room = await q.getRoom(deps.db, roomId);
  if (!room) throw notFound();
  const tree = await ctx.scope.tree();
  const v = await q.getVenue(deps.db, room.venue_id);
  if (!v || !unitsInScope(tree, ctx.actor, 'venues.read').has(v.unit_id)) throw notFound();
  const { rows, total } = await q.pageRoomBookings(deps.db, roomId, from, to, { limit: pageSize, offset: (page - 1) * pageSize });
  return {
    items: rows.map((r) => ({ activityId: r.activity_id, title: r.title, startsAt: r.starts_at, endsAt: r.ends_at })),
    total,
    page,
    pageSize,
  };
}

export function mapConfig(deps: Pick<Deps, 'config'>) {
  return deps.config.map;
}
