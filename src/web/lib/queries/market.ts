import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BodyIn, QueryIn, ResponseOf } from '../../../shared/endpoint';
import * as market from '../../../shared/market.endpoints';
import { call, download, urlFor } from '../api';

export type Reservation = ResponseOf<typeof market.listMarketReservations>['items'][number];
export type Goods = ResponseOf<typeof market.listMarketGoods>['items'][number];

const all = ['market'] as const;

export function useMarketShops() {
  return useQuery({ queryKey: [...all, 'shops'], queryFn: () => call(market.listMarketShops, { query: {} }) });
}
export function useMarketGoods(shopId?: string) {
  return useQuery({ queryKey: [...all, 'goods', shopId ?? null], queryFn: () => call(market.listMarketGoods, { query: { shopId } }) });
}
export function useMarketStock(query: QueryIn<typeof market.listMarketStock>) {
  return useQuery({ queryKey: [...all, 'stock', query], queryFn: () => call(market.listMarketStock, { query }) });
}
export function useMarketIntakes(query: QueryIn<typeof market.listMarketIntakes>) {
  return useQuery({ queryKey: [...all, 'intakes', query], queryFn: () => call(market.listMarketIntakes, { query }) });
}
export function useMarketDonors() {
  return useQuery({ queryKey: [...all, 'donors'], queryFn: () => call(market.listMarketDonors, { query: {} }) });
}
export function useCounter(query: QueryIn<typeof market.listMarketReservations>) {
  return useQuery({ queryKey: [...all, 'counter', query], queryFn: () => call(market.listMarketReservations, { query }) });
}
export function useReconciliation(month: string) {
  return useQuery({ queryKey: [...all, 'reconcile', month], queryFn: () => call(market.viewMarketReconciliation, { query: { month } }) });
}
export function useCollect() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(market.collectMarketReservation, { params: { id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: all }),
  });
}
export function useStaffCancel() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(market.cancelMarketReservation, { params: { id }, body: { reason: '工作人员取消' } }),
    onSuccess: () => client.invalidateQueries({ queryKey: all }),
  });
}
export function downloadReconciliation(month: string): Promise<string> {
  return download(urlFor(market.exportMarketReconciliation, { query: { month } }), `爱心超市对账-${month}.xlsx`);
}
export function downloadReceipt(id: string, receiptNo: string): Promise<string> {
  return download(urlFor(market.downloadMarketReceipt, { params: { id } }), `捐赠收据-${receiptNo}.pdf`);
}

/** Every change of the market refreshes all its lists (stock, balances, reconciliation move together). */
function useMarketMutation<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: all }) });
}
export function useCreateGoods() {
  return useMarketMutation((body: BodyIn<typeof market.createMarketGoods>) => call(market.createMarketGoods, { body }));
}
export function useUpdateGoods() {
  return useMarketMutation(({ id, patch }: { id: string; patch: BodyIn<typeof market.updateMarketGoods> }) =>
    call(market.updateMarketGoods, { params: { id }, body: patch }),
  );
}
export function useCreateDonor() {
  return useMarketMutation((body: BodyIn<typeof market.createMarketDonor>) => call(market.createMarketDonor, { body }));
}
export function useCreateIntake() {
  return useMarketMutation((body: BodyIn<typeof market.createMarketIntake>) => call(market.createMarketIntake, { body }));
}
export function useStockOut() {
  return useMarketMutation((body: BodyIn<typeof market.recordMarketStockOut>) => call(market.recordMarketStockOut, { body }));
}
/** 代兑换 at the counter: reserve on a volunteer's behalf and hand over at once. */
export function useCounterRedeem() {
  return useMarketMutation((body: BodyIn<typeof market.reserveMarketGoods>) => call(market.reserveMarketGoods, { body }));
}
