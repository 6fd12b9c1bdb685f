import { z } from 'zod';
import { DateString, Id, PageQuery, Text } from './common';
import { OFFLINE_VENUE_KINDS, ONLINE_VENUE_KINDS, VENUE_KIND_LABELS } from './labels';

export { OFFLINE_VENUE_KINDS, ONLINE_VENUE_KINDS, VENUE_KIND_LABELS };

export const VenueKind = z.enum(['theory', 'education', 'culture', 'civility', 'health_sports', 'district_column', 'wechat', 'groups']);
export type VenueKind = z.infer<typeof VenueKind>;
export function isOnlineKind(kind: VenueKind): boolean {
  return kind in ONLINE_VENUE_KINDS;
}

export const RoomView = z.object({ id: Id, name: z.string(), capacity: z.number().int(), archived: z.boolean() });
export const RoomInput = z.strictObject({ name: Text(40), capacity: z.number().int().min(1).max(10000) });

export const VenueView = z.object({
  id: Id,
  unitId: Id,
  unitName: z.string(),
  mode: z.enum(['online', 'offline']),
  kind: VenueKind,
  name: z.string(),
  address: z.string().nullable(),
  lng: z.number().nullable(),
  lat: z.number().nullable(),
  openingHours: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  url: z.string().nullable(),
  intro: z.string().nullable(),
  photoFileIds: z.array(Id),
  archived: z.boolean(),
  rooms: z.array(RoomView),
});
export type VenueView = z.infer<typeof VenueView>;

export const VenueInput = z.strictObject({
  unitId: Id,
  kind: VenueKind,
  name: Text(60, 2),
  address: Text(120).optional(),
  lng: z.number().min(-180).max(180).optional(),
  lat: z.number().min(-90).max(90).optional(),
  openingHours: Text(120).optional(),
  contactName: Text(32).optional(),
  contactPhone: z
    .string()
    .trim()
    .regex(/^[0-9-]{7,20}$/, { message: '请输入有效的电话号码' })
    .optional(),
  url: z.url({ message: '请输入有效的网址' }).optional(),
  intro: Text(2000).optional(),
  photoFileIds: z.array(Id).max(9).default([]),
  rooms: z.array(RoomInput).max(50).default([]),
});
export type VenueInput = z.infer<typeof VenueInput>;

export const UpdateVenueInput = VenueInput.omit({ unitId: true, rooms: true }).partial().extend({ archived: z.boolean().optional() }).strict();

/** A public map: tiles from a configured server when there is one, otherwise a plain plot of the points. */
export const MapConfigView = z.object({ tileUrl: z.string().nullable(), attribution: z.string().nullable() });

/** An activity holding a room in a period. */
export const RoomBookingView = z.object({ activityId: Id, title: z.string(), startsAt: z.string(), endsAt: z.string() });
export type RoomBookingView = z.infer<typeof RoomBookingView>;

/** `GET /api/venues`: archived venues only on request. */
export const VenueListQuery = PageQuery.extend({ includeArchived: z.enum(['true', 'false']).optional() });

/** `PATCH /api/rooms/:id`: any of a room's fields, or archive it. */
export const UpdateRoomInput = RoomInput.partial().extend({ archived: z.boolean().optional() }).strict();

/** `GET /api/rooms/:id/bookings`: a period of whole days (Beijing time), both ends included; paged. */
export const RoomBookingsQuery = PageQuery.extend({ from: DateString, to: DateString });
