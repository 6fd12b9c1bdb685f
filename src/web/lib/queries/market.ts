import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { QueryIn, ResponseOf } from '../../../shared/endpoint';
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
