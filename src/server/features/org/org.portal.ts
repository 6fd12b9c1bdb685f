import type { Deps } from '../../platform/deps';
import * as q from './org.queries';

/** What the public portal shows of the organisation, without a session. */

/** What anyone may see: the names, addresses and phones of the institute and its stations. */
export async function publicDirectory(deps: Deps, query: { page: number; pageSize: number }) {
  const { page, pageSize } = query;
  const { rows, total } = await q.pagePublicUnits(deps.db, { limit: pageSize, offset: (page - 1) * pageSize });
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      name: r.name,
      shortName: r.short_name,
      parentId: r.parent_id,
      address: r.address,
      phone: r.phone,
      lng: r.lng === null ? null : Number(r.lng),
      lat: r.lat === null ? null : Number(r.lat),
    })),
    total,
    page,
    pageSize,
  };
}

export async function publicSite(deps: Deps) {
  const rows = await q.listPublicUnits(deps.db);
  const district = rows.find((r) => r.kind === 'district');
  const institutes = rows
    .filter((r) => r.kind === 'institute')
    .map((r) => ({
      id: r.id,
      name: r.name,
      shortName: r.short_name,
      address: r.address,
      phone: r.phone,
      intro: r.intro,
      stationCount: rows.filter((s) => s.kind === 'station' && s.parent_id === r.id).length,
    }));
  return { district: district ? { name: district.name } : null, institutes };
}
