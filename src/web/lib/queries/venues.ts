import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
// Types only: the portal uses these hooks too and must stay free of zod, so the endpoints are
// imported as types and reached through their zod-free routes (shared/routes.ts).
import type { BodyIn, ResponseOf } from '../../../shared/endpoint';
import { routes } from '../../../shared/routes';
import type * as venues from '../../../shared/venues.endpoints';
import { callRoute } from '../api';

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
    // Every venue in view, for pickers and the one-page list (200 is the most a page holds).
    queryFn: async () =>
      (await callRoute<typeof venues.listVenues>(routes.listVenues, { query: { pageSize: 200, ...(includeArchived && { includeArchived: 'true' as const }) } }))
        .items,
  });
}

export function usePublicVenues() {
  return useQuery({
    queryKey: venueKeys.public,
    queryFn: async () =>
      (await callRoute<typeof venues.listPublicVenues>(routes.listPublicVenues, { query: { pageSize: 200 }, options: { quietAuth: true } })).items,
    staleTime: 5 * 60_000,
  });
}

/** Tile server for the map, when one is configured; `tileUrl: null` means draw the plain plot. */
export function useMapConfig() {
  return useQuery({
    queryKey: venueKeys.mapConfig,
    queryFn: () => callRoute<typeof venues.mapConfig>(routes.viewMapConfig, { options: { quietAuth: true } }),
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
  return useVenueMutation((input: BodyIn<typeof venues.createVenue>) => callRoute<typeof venues.createVenue>(routes.createVenue, { body: input }));
}

export function useUpdateVenue() {
  return useVenueMutation(({ id, input }: { id: string; input: UpdateVenueInput }) =>
    callRoute<typeof venues.updateVenue>(routes.updateVenue, { params: { id }, body: input }),
  );
}

export function useAddRoom() {
  return useVenueMutation(({ venueId, input }: { venueId: string; input: BodyIn<typeof venues.addRoom> }) =>
    callRoute<typeof venues.addRoom>(routes.addRoom, { params: { id: venueId }, body: input }),
  );
}

export function useUpdateRoom() {
  return useVenueMutation(({ id, input }: { id: string; input: BodyIn<typeof venues.updateRoom> }) =>
    callRoute<typeof venues.updateRoom>(routes.updateRoom, { params: { id }, body: input }),
  );
}
