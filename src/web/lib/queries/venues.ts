import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
// Types only: the portal uses these hooks too and must stay free of zod, so the endpoints are
// imported as types and called by their declared path (see venues.endpoints.ts).
import type { BodyIn, ResponseOf } from '../../../shared/endpoint';
import type * as venues from '../../../shared/venues.endpoints';
import { api, itemsOf } from '../api';

export type VenueView = ResponseOf<typeof venues.getVenue>;
export type RoomView = VenueView['rooms'][number];
export type MapConfig = ResponseOf<typeof venues.mapConfig>;
export type UpdateVenueInput = BodyIn<typeof venues.updateVenue>;

export const venueKeys = {
  all: ['venues'] as const,
  list: (includeArchived: boolean) => ['venues', 'list', includeArchived] as const,
  public: ['public', 'venues'] as const,
  mapConfig: ['public', 'map-config'] as const,
};

export function useVenues(includeArchived = false) {
  return useQuery({
    queryKey: venueKeys.list(includeArchived),
    queryFn: async () => itemsOf(await api.get<ResponseOf<typeof venues.listVenues>>(`/api/venues${includeArchived ? '?includeArchived=true' : ''}`)),
  });
}

export function usePublicVenues() {
  return useQuery({
    queryKey: venueKeys.public,
    queryFn: async () => itemsOf(await api.get<ResponseOf<typeof venues.listPublicVenues>>('/api/public/venues', { quietAuth: true })),
    staleTime: 5 * 60_000,
  });
}

/** Tile server for the map, when one is configured; `tileUrl: null` means draw the plain plot. */
export function useMapConfig() {
  return useQuery({
    queryKey: venueKeys.mapConfig,
    queryFn: () => api.get<MapConfig>('/api/public/map-config', { quietAuth: true }),
    staleTime: 30 * 60_000,
  });
}

function useVenueMutation<TInput, TResult>(fn: (input: TInput) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await Promise.all([client.invalidateQueries({ queryKey: venueKeys.all }), client.invalidateQueries({ queryKey: venueKeys.public })]);
    },
  });
}

export function useCreateVenue() {
  return useVenueMutation((input: BodyIn<typeof venues.createVenue>) => api.post<ResponseOf<typeof venues.createVenue>>('/api/venues', input));
}

export function useUpdateVenue() {
  return useVenueMutation(({ id, input }: { id: string; input: UpdateVenueInput }) =>
    api.patch<ResponseOf<typeof venues.updateVenue>>(`/api/venues/${encodeURIComponent(id)}`, input),
  );
}

export function useAddRoom() {
  return useVenueMutation(({ venueId, input }: { venueId: string; input: BodyIn<typeof venues.addRoom> }) =>
    api.post<ResponseOf<typeof venues.addRoom>>(`/api/venues/${encodeURIComponent(venueId)}/rooms`, input),
  );
}

export function useUpdateRoom() {
  return useVenueMutation(({ id, input }: { id: string; input: BodyIn<typeof venues.updateRoom> }) =>
    api.patch<ResponseOf<typeof venues.updateRoom>>(`/api/rooms/${encodeURIComponent(id)}`, input),
  );
}
