import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  OrderActionInput as OrderActionInputSchema,
  OrderEventView as OrderEventViewSchema,
  OrderView,
  PlaceOrderInput as PlaceOrderInputSchema,
  PortalOrderInput as PortalOrderInputSchema,
  ServiceItemInput as ServiceItemInputSchema,
  ServiceItemView,
  SuggestionView as SuggestionViewSchema,
} from '../../../shared/orders';
import { ORDER_ACTIONS, ORDER_STATUSES, type OrderAction, type OrderStatus } from '../../../shared/rules/order-flow';
import * as files from '../../../shared/files';
import * as orders from '../../../shared/orders.endpoints';
import { call, callUpload, type Paged, urlFor } from '../api';
import { ORDER_CHANNELS, TARGET_TYPES } from '../../../shared/labels';

/*
 * Orders (群众点单) for the console, the phone and the portal: every request goes through `call()`
 * with the endpoint declared in shared/orders.endpoints.ts. The schema types are imported as types.
 */

export type { OrderView, ServiceItemView };
export type PlaceOrderInput = z.input<typeof PlaceOrderInputSchema>;
export type OrderActionInput = z.input<typeof OrderActionInputSchema>;
export type OrderEventView = z.infer<typeof OrderEventViewSchema>;
export type SuggestionView = z.infer<typeof SuggestionViewSchema>;
export type ServiceItemInput = z.input<typeof ServiceItemInputSchema>;
export type PortalOrderInput = z.input<typeof PortalOrderInputSchema>;
export type OrderTargetType = NonNullable<OrderView['target']>['type'];
export type OrderChannel = OrderView['channel'];

/** Channel and dispatch-target words from the zod-free shared labels, so the mobile pages can use them. */
export const CHANNEL_LABELS: Record<OrderChannel, string> = ORDER_CHANNELS;
export const TARGET_LABELS: Record<OrderTargetType, string> = TARGET_TYPES;

export function statusLabel(status: string): string {
  return ORDER_STATUSES[status as OrderStatus] ?? status;
}

/** An event's action in words; `submit` (the order being placed) is not an action anyone can take. */
export function eventLabel(action: string): string {
  if (action === 'submit') return '点单';
  return ORDER_ACTIONS[action as OrderAction]?.label ?? action;
}

/** The server stores some notes as codes (`pool：…` for a dispatch, the channel for a new order). */
export function eventNote(e: Pick<OrderEventView, 'action' | 'note'>): string | null {
  if (!e.note) return null;
  if (e.action === 'submit') return CHANNEL_LABELS[e.note as OrderChannel] ?? e.note;
  if (e.action === 'dispatch' || e.action === 'redispatch') {
    const [code, ...rest] = e.note.split('：');
    const label = TARGET_LABELS[code as OrderTargetType];
    if (label) return rest.length ? `派给${label}：${rest.join('：')}` : `派给${label}`;
  }
  return e.note;
}

/** Where an order went, as a person says it: 抢单池 / 金银社区志愿服务小队 (志愿服务队). */
export function targetText(target: OrderView['target']): string {
  if (!target) return '—';
  if (target.type === 'pool') return TARGET_LABELS.pool;
  return target.name ? `${target.name}（${TARGET_LABELS[target.type]}）` : TARGET_LABELS[target.type];
}

/** 剩 3 小时 20 分 / 超时 2 小时: the time left to take a dispatched order. */
export function slaText(slaDueAt: string | null, now: number): { text: string; late: boolean } | null {
  if (!slaDueAt) return null;
  const ms = Date.parse(slaDueAt) - now;
  const abs = Math.abs(ms);
  const days = Math.floor(abs / 86_400_000);
  const hours = Math.floor((abs % 86_400_000) / 3_600_000);
  const minutes = Math.floor((abs % 3_600_000) / 60_000);
  const span = days > 0 ? `${days} 天 ${hours} 小时` : hours > 0 ? `${hours} 小时 ${minutes} 分` : `${minutes} 分钟`;
  return ms >= 0 ? { text: `剩 ${span}`, late: false } : { text: `超时 ${span}`, late: true };
}

/** The staff work queue's filters, exactly the query `GET /api/orders` takes. */
export interface OrderListParams {
  page: number;
  pageSize: number;
  status?: OrderStatus;
  unitId?: string;
  overdue?: 'true';
  escalated?: 'true';
  q?: string;
  from?: string;
  to?: string;
}

/** The phone lists load this many at a time, with 「加载更多」 for the rest. */
const PHONE_PAGE = 20;
/** The menus are short (a few dozen items per institute): fetched as one page of the largest size. */
const MENU_PAGE = 200;

export const orderKeys = {
  all: ['orders'] as const,
  list: (params: OrderListParams) => ['orders', 'list', params] as const,
  detail: (id: string) => ['orders', 'detail', id] as const,
  suggestions: (id: string) => ['orders', 'suggestions', id] as const,
  mine: ['orders', 'mine'] as const,
  tasks: ['orders', 'tasks'] as const,
  items: ['orders', 'items'] as const,
  publicItems: (stationId: string) => ['orders', 'public-items', stationId] as const,
};

/** Staff: one page of the work queue (the console reads several queues at once with `useQueries`). */
export function fetchOrders(params: OrderListParams) {
  return call(orders.listOrders, { query: params });
}

export function useOrder(id: string, enabled = true) {
  return useQuery({ queryKey: orderKeys.detail(id), enabled: enabled && !!id, queryFn: () => call(orders.getOrder, { params: { id } }) });
}

export function useSuggestions(id: string, enabled: boolean) {
  return useQuery({
    queryKey: orderKeys.suggestions(id),
    enabled,
    queryFn: async () => (await call(orders.listSuggestions, { params: { id } })).items,
  });
}

/** A paged list on the phone: the pages loaded so far as one list, its total, and `fetchNextPage` for 「加载更多」. */
function usePhoneList(key: readonly unknown[], enabled: boolean, fetchPage: (page: number) => Promise<Paged<OrderView>>) {
  return useInfiniteQuery({
    queryKey: key,
    enabled,
    retry: false,
    initialPageParam: 1,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    getNextPageParam: (last) => (last.page * last.pageSize < last.total ? last.page + 1 : undefined),
    select: (data) => ({ items: data.pages.flatMap((p) => p.items), total: data.pages[0]?.total ?? 0 }),
  });
}

/** The signed-in person's own orders, newest first, a page at a time. */
export function useMyOrders(enabled = true) {
  return usePhoneList(orderKeys.mine, enabled, (page) => call(orders.listMyOrders, { query: { page, pageSize: PHONE_PAGE } }));
}

/** A volunteer's tasks (in service, to take, finished), a page at a time. */
export function useTasks(enabled = true) {
  return usePhoneList(orderKeys.tasks, enabled, (page) => call(orders.listMyTasks, { query: { page, pageSize: PHONE_PAGE } }));
}

/** Staff: the menus of the units in scope and the institute above (archived items included). */
export function useServiceItems(enabled = true) {
  return useQuery({
    queryKey: orderKeys.items,
    enabled,
    queryFn: async () => (await call(orders.listServiceItems, { query: { page: 1, pageSize: MENU_PAGE } })).items,
  });
}

/** Anyone: what residents of a station may ask for (its own items and the institute's). */
export function usePublicServiceItems(stationId: string | undefined) {
  return useQuery({
    queryKey: orderKeys.publicItems(stationId ?? ''),
    enabled: !!stationId,
    staleTime: 5 * 60_000,
    queryFn: async () => (await call(orders.listPublicServiceItems, { query: { stationId, page: 1, pageSize: MENU_PAGE } })).items,
  });
}

/** Every order write can move it between queues, so refresh all order data. */
function useOrdersMutation<TInput, TResult>(fn: (input: TInput) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: orderKeys.all }) });
}

export function usePlaceOrder() {
  return useOrdersMutation((input: PlaceOrderInput) => call(orders.placeOrder, { body: input }));
}

export function useOrderAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: OrderActionInput }) => call(orders.actOnOrder, { params: { id }, body: input }),
    onSuccess: async (order) => {
      client.setQueryData(orderKeys.detail(order.id), order);
      await client.invalidateQueries({ queryKey: orderKeys.all });
      // Completing an order writes a service record; rating changes a volunteer's average.
      await client.invalidateQueries({ queryKey: ['hours'] });
    },
  });
}

export function usePlacePortalOrder() {
  return useMutation({ mutationFn: (input: PortalOrderInput) => call(orders.placePortalOrder, { body: input }) });
}

export function useCreateServiceItem() {
  return useOrdersMutation((input: ServiceItemInput) => call(orders.createServiceItem, { body: input }));
}

export function useArchiveServiceItem() {
  return useOrdersMutation(({ id, archived }: { id: string; archived: boolean }) => call(orders.archiveServiceItem, { params: { id }, body: { archived } }));
}

export type { FileView as UploadedPhoto } from '../../../shared/files';

/** `POST /api/files?purpose=photo`: a JPG/PNG photo of the need or of the finished work. */
export function uploadPhoto(file: File) {
  return callUpload(files.uploadFile, file, { query: { purpose: 'photo' }, name: file.name });
}

export function photoUrl(id: string): string {
  return urlFor(files.readFile, { params: { id } });
}
