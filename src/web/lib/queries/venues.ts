import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
// Types only: the portal uses these hooks too and must stay free of zod.
import type { z } from 'zod';
import type { MapConfigView, RoomInput, UpdateVenueInput as UpdateVenueInputSchema, VenueInput, VenueView } from '../../../shared/venues';
import { api, itemsOf } from '../api';

export type { VenueView };
export type RoomView = VenueView['rooms'][number];
export type MapConfig = z.infer<typeof MapConfigView>;
export type UpdateVenueInput = z.input<typeof UpdateVenueInputSchema>;

export const venueKeys = {
  all: ['venues'] as const,
  list: (includeArchived: boolean) => ['venues', 'list', includeArchived] as const,
  public: ['public', 'venues'] as const,
  mapConfig: ['public', 'map-config'] as const,
};

export function useVenues(includeArchived = false) {
  return useQuery({
    queryKey: venueKeys.list(includeArchived),
    queryFn: async () => itemsOf(await api.get<{ items: VenueView[] }>(`/api/venues${includeArchived ? '?includeArchived=true' : ''}`)),
  });
}

export function usePublicVenues() {
  return useQuery({
    queryKey: venueKeys.public,
    queryFn: async () => itemsOf(await api.get<{ items: VenueView[] }>('/api/public/venues', { quietAuth: true })),
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
  return useVenueMutation((input: z.input<typeof VenueInput>) => api.post<VenueView>('/api/venues', input));
}

export function useUpdateVenue() {
  return useVenueMutation(({ id, input }: { id: string; input: UpdateVenueInput }) => api.patch<VenueView>(`/api/venues/${encodeURIComponent(id)}`, input));
}

export function useAddRoom() {
  return useVenueMutation(({ venueId, input }: { venueId: string; input: z.input<typeof RoomInput> }) =>
    api.post<VenueView>(`/api/venues/${encodeURIComponent(venueId)}/rooms`, input),
  );
}

export function useUpdateRoom() {
  return useVenueMutation(({ id, input }: { id: string; input: { name?: string; capacity?: number; archived?: boolean } }) =>
    api.patch<VenueView>(`/api/rooms/${encodeURIComponent(id)}`, input),
  );
}
