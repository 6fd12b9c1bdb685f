import type { VolunteerListParams } from '../../lib/queries/volunteers';

export type Filters = Omit<VolunteerListParams, 'page' | 'pageSize'>;
export const NUMBER_KEYS = ['minAge', 'maxAge', 'starLevel', 'minHours', 'maxHours'] as const;
export const TEXT_KEYS = ['stationId', 'status', 'q', 'skill', 'category', 'serviceCategory', 'availability'] as const;
export const MORE_KEYS = ['skill', 'category', 'serviceCategory', 'availability', 'minAge', 'maxAge', 'starLevel', 'minHours', 'maxHours'] as const;

/** Filters live in the address, so 返回 from a volunteer's page brings the same list back. */
export function paramsFrom(search: URLSearchParams): VolunteerListParams {
  const out: VolunteerListParams = { page: Number(search.get('page')) || 1, pageSize: Number(search.get('pageSize')) || 20 };
  for (const key of TEXT_KEYS) {
    const value = search.get(key);
    if (value) (out as unknown as Record<string, string>)[key] = value;
  }
  for (const key of NUMBER_KEYS) {
    const value = search.get(key);
    if (value !== null && value !== '' && Number.isFinite(Number(value))) out[key] = Number(value);
  }
  return out;
}

export function toSearch(params: Partial<VolunteerListParams>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    if ((key === 'page' && value === 1) || (key === 'pageSize' && value === 20)) continue;
    out[key] = String(value);
  }
  return out;
}

export interface FilterValues extends Filters {
  day?: string;
  part?: string;
}
