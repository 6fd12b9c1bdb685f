import { randomBytes, randomUUID } from 'node:crypto';
import { ORDER_STATUSES, open311Status, type OrderStatus } from '../../../shared/rules/order-flow';
import { distanceMeters } from '../../../shared/rules/attendance';
import { unitTreeOf } from '../../platform/scope';
import { appendAudit } from '../../platform/audit';
import { sha256Hex } from '../../platform/crypto';
import type { Ctx, Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { whoOf } from '../../platform/session';
import { insertNewOrder } from '../orders/orders.placing';
import * as orders from '../orders/orders.lookup';
import * as kq from './open311.queries';
import type { Open311Value } from './open311.format';
import { w3c } from './open311.format';

/** An Open311 error: the HTTP status doubles as the error code, as in the standard's examples. */
export class Open311Error extends Error {
  constructor(
    readonly status: number,
    readonly description: string,
  ) {
    super(description);
  }
}

/**
 * This server is one jurisdiction, named by the host it is reached at. A request that names no
 * jurisdiction is ours; one that names another is answered 404, as the standard asks, rather than
 * served as if it were ours.
 */
export function checkJurisdiction(given: string | undefined, served: string): void {
  if (given === undefined || given.trim() === '') return;
  if (given.trim().toLowerCase() !== served.toLowerCase())
    throw new Open311Error(404, `jurisdiction_id ${given} is not served here (this server serves ${served})`);
}

export async function listServices(deps: Deps): Promise<Record<string, Open311Value>[]> {
  const items = await orders.serviceItems(deps.db, false);
  return items.map((i) => ({
    service_code: i.code,
    service_name: i.name,
    description: i.description ?? i.name,
    metadata: false,
    type: 'realtime',
    keywords: JSON.parse(i.required_skills).join(','),
    group: i.unit_name,
  }));
}

export async function serviceDefinition(deps: Deps, code: string): Promise<Record<string, Open311Value>> {
  const item = await orders.serviceItemByCode(deps.db, code);
  if (!item || item.archived) throw new Open311Error(404, `service_code ${code} not found`);
  return { service_code: item.code, attributes: [] };
}

type OrderRow = orders.Order;

/**
 * A request as the public sees it. Residents' names, phones, exact addresses and free-text
 * descriptions are personal data (PIPL), so a public query gets the service, the status and the
 * responsible station — not who asked or where they live.
 */
function presentRequest(o: OrderRow, itemCode: string | null): Record<string, Open311Value> {
  const status = o.status as OrderStatus;
  return {
    service_request_id: o.number,
    status: open311Status(status),
    status_notes: `${ORDER_STATUSES[status]}${o.reject_reason ? `：${o.reject_reason}` : ''}`,
    service_name: o.item_name ?? o.title,
    service_code: itemCode,
    description: o.item_name ?? o.title,
    agency_responsible: o.unit_name,
    service_notice: status === 'submitted' ? '已收到，实践站将在一个工作日内联系核实' : null,
    requested_datetime: w3c(o.created_at),
    updated_datetime: w3c(o.updated_at),
    expected_datetime: w3c(o.sla_due_at),
    address: o.unit_name,
    address_id: null,
    zipcode: null,
    lat: null,
    long: null,
    media_url: null,
  };
}

export async function getRequests(deps: Deps, q: { ids?: string[]; serviceCode?: string; status?: string; start?: string; end?: string }) {
  const codes = new Map((await orders.serviceItems(deps.db, true)).map((i) => [i.id, i.code]));
  let rows: OrderRow[];
  if (q.ids?.length) {
    rows = (await Promise.all(q.ids.map((n) => orders.orderByNumber(deps.db, n)))).filter((r): r is OrderRow => Boolean(r));
  } else {
    const end = q.end ? new Date(q.end) : deps.clock.now();
    const start = q.start ? new Date(q.start) : new Date(end.getTime() - 90 * 86_400_000);
    if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) throw new Open311Error(400, 'start_date and end_date must be W3C datetimes');
    const itemIds = q.serviceCode ? [...codes.entries()].filter(([, c]) => q.serviceCode?.split(',').includes(c)).map(([id]) => id) : undefined;
    const units = (await kq.allUnitIds(deps.db)).map((u) => u.id);
    rows = (await orders.findOrders(deps.db, { unitIds: units, from: start.toISOString(), to: end.toISOString(), itemIds }, 1000, 0)).rows;
  }
  let out = rows.map((o) => presentRequest(o, o.item_id ? (codes.get(o.item_id) ?? null) : null));
  if (q.status) out = out.filter((r) => q.status?.split(',').includes(String(r.status)));
  return out;
}

export async function getRequest(deps: Deps, number: string) {
  const o = await orders.orderByNumber(deps.db, number);
  if (!o) throw new Open311Error(404, `service_request_id ${number} not found`);
  return getRequests(deps, { ids: [number] });
}

export interface Open311Post {
  api_key?: string;
  jurisdiction_id?: string;
  service_code?: string;
  lat?: string;
  long?: string;
  address_string?: string;
  address_id?: string;
  email?: string;
  device_id?: string;
  account_id?: string;
  first_name?: string;
  last_name?: string;
  phone?: string;
  description?: string;
  media_url?: string;
}

/** POST Service Request: needs an institute-issued api_key, a known service_code and a location. */
export async function postRequest(deps: Deps, meta: { ip: string; requestId: string }, body: Open311Post) {
  if (!body.api_key) throw new Open311Error(403, 'api_key is required');
  const key = await kq.findLiveKey(deps.db, sha256Hex(body.api_key));
  if (!key) throw new Open311Error(403, 'api_key is invalid');
  if (!body.service_code) throw new Open311Error(400, 'service_code is required');
  // Fetching a client-given URL would reach outside an isolated network (and is a way in: SSRF);
  // dropping it silently loses the photo. The station collects photos when it verifies the request.
  if (body.media_url?.trim()) {
    throw new Open311Error(
      400,
      'media_url is not accepted: this server does not fetch media from other addresses; the station collects photos when it verifies the request (本系统不从外部地址下载图片，实践站核实时收集照片)',
    );
  }
  const item = await orders.serviceItemByCode(deps.db, body.service_code);
  if (!item || item.archived) throw new Open311Error(404, `service_code ${body.service_code} not found`);
  const lat = body.lat !== undefined ? Number(body.lat) : undefined;
  const lng = body.long !== undefined ? Number(body.long) : undefined;
  const hasPoint = lat !== undefined && lng !== undefined && Number.isFinite(lat) && Number.isFinite(lng) && Math.abs(lat) <= 90 && Math.abs(lng) <= 180;
  if (!hasPoint && !body.address_string && !body.address_id) throw new Open311Error(400, 'a location is required: lat and long, address_string or address_id');
  const description = (body.description ?? '').trim();
  if (description.length > 4000) throw new Open311Error(400, 'description is longer than 4000 characters');
  if (body.phone && !/^[0-9+\- ]{5,20}$/.test(body.phone)) throw new Open311Error(400, 'phone is not a phone number');
  // An api key, not a session: no request scope, the cached tree as of now.
  const tree = await unitTreeOf(deps.db);
  const stations = (await orders.stationPoints(deps.db)).filter((s) => tree.ancestry(s.id).includes(key.unit_id));
  let unitId = tree.nodes.get(item.unit_id)?.kind === 'station' ? item.unit_id : null;
  if (!unitId && hasPoint) {
    let best: { id: string; d: number } | null = null;
    for (const s of stations) {
      if (s.lat === null || s.lng === null) continue;
      const d = distanceMeters(lat as number, lng as number, Number(s.lat), Number(s.lng));
      if (!best || d < best.d) best = { id: s.id, d };
    }
    unitId = best?.id ?? null;
  }
  unitId = unitId ?? stations[0]?.id ?? null;
  if (!unitId) throw new Open311Error(400, 'no station can take this request');
  const name = [body.last_name, body.first_name].filter(Boolean).join('') || '第三方平台用户';
  const id = await insertNewOrder(
    deps,
    deps.clock.now(),
    {
      unitId,
      item,
      title: item.name,
      description: description || item.name,
      photos: [],
      requester: { personId: null, name, phone: body.phone ?? null, verified: false },
      careRecipientId: null,
      address: body.address_string ?? null,
      lat: hasPoint ? (lat as number) : null,
      lng: hasPoint ? (lng as number) : null,
      preferredAt: null,
      channel: 'open311',
      enteredBy: null,
      open311KeyId: key.id,
    },
    { actorAccountId: null, actorName: `Open311:${key.name}`, ip: meta.ip, requestId: meta.requestId },
    'requester',
  );
  const o = await orders.orderById(deps.db, id);
  return [{ service_request_id: o?.number ?? '', service_notice: '已收到，实践站将在一个工作日内联系核实', account_id: body.account_id ?? null }];
}

/** The institute admin issues keys for the civic-request clients it trusts; the key is shown once. */
export async function issueKey(deps: Deps, ctx: Ctx, unitId: string, name: string) {
  await ctx.scope.require('open311.manage', unitId);
  const key = randomBytes(24).toString('base64url');
  const id = randomUUID();
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await kq.insertKey(trx, {
      id,
      unit_id: unitId,
      name,
      key_hash: sha256Hex(key),
      created_by: ctx.actor.accountId,
      created_at: now.toISOString(),
      revoked_at: null,
    });
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'open311.key_issued',
      objectType: 'open311_key',
      objectId: id,
      unitId,
      changes: { name: { before: null, after: name } },
    });
  });
  return { id, name, apiKey: key };
}

export async function listKeys(deps: Deps, ctx: Ctx, query: { unitId: string; page: number; pageSize: number }) {
  const { unitId, page, pageSize } = query;
  await ctx.scope.require('open311.manage', unitId);
  const { rows, total } = await kq.pageKeysOfUnit(deps.db, unitId, { limit: pageSize, offset: (page - 1) * pageSize });
  return { items: rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at, revokedAt: r.revoked_at })), total, page, pageSize };
}

export async function revokeKey(deps: Deps, ctx: Ctx, id: string) {
  const key = await kq.getKey(deps.db, id);
  if (!key) throw notFound();
  await ctx.scope.require('open311.manage', key.unit_id);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await kq.revokeKey(trx, id, now.toISOString());
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'open311.key_revoked',
      objectType: 'open311_key',
      objectId: id,
      unitId: key.unit_id,
    });
  });
  return { ok: true as const };
}
