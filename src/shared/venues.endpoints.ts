import { IdParams, Paged, PageQuery } from './common';
import { defineEndpoint } from './endpoint';
import { named } from './openapi';
import {
  MapConfigView,
  RoomBookingsQuery,
  RoomBookingView,
  RoomInput,
  UpdateRoomInput,
  UpdateVenueInput,
  VenueInput,
  VenueListQuery,
  VenueView,
} from './venues';
import { routes } from './routes';

named({ VenueView, MapConfigView });
const tags = ['venues'];
const VenueList = Paged(VenueView);

export const listVenues = defineEndpoint({
  ...routes.listVenues,
  summary: '阵地（线上与五类线下阵地）',
  description: '全部阵地及其功能室，分页（按单位、类型、名称排序）；默认不含已归档的阵地。',
  tags,
  query: VenueListQuery,
  responses: { 200: VenueList },
});

export const createVenue = defineEndpoint({
  ...routes.createVenue,
  summary: '新增阵地（可带功能室）',
  description: '管辖范围内的工作人员为本单位新增一处阵地，可同时登记功能室；同一单位内阵地名称不能重复。',
  tags,
  body: VenueInput,
  responses: { 201: VenueView },
  errors: ['not_found', 'access.denied', 'venues.duplicate_name'],
});

export const getVenue = defineEndpoint({
  ...routes.getVenue,
  summary: '阵地详情',
  description: '一处阵地及其功能室。',
  tags,
  params: IdParams,
  responses: { 200: VenueView },
  errors: ['not_found'],
});

export const updateVenue = defineEndpoint({
  ...routes.updateVenue,
  summary: '修改阵地',
  description: '管辖范围内的工作人员修改阵地信息或将其归档；同一单位内阵地名称不能重复。',
  tags,
  params: IdParams,
  body: UpdateVenueInput,
  responses: { 200: VenueView },
  errors: ['not_found', 'access.denied', 'venues.duplicate_name'],
});

export const addRoom = defineEndpoint({
  ...routes.addRoom,
  summary: '新增功能室',
  description: '为阵地新增一间功能室，返回更新后的阵地；同一阵地内功能室名称不能重复。',
  tags,
  params: IdParams,
  body: RoomInput,
  responses: { 200: VenueView },
  errors: ['not_found', 'access.denied', 'venues.duplicate_name'],
});

export const updateRoom = defineEndpoint({
  ...routes.updateRoom,
  summary: '修改功能室',
  description: '修改功能室的名称、容纳人数或将其归档，返回更新后的阵地。改成同一阵地里已有的功能室名称时答 409。',
  tags,
  params: IdParams,
  body: UpdateRoomInput,
  responses: { 200: VenueView },
  errors: ['not_found', 'access.denied', 'conflict.duplicate'],
});

export const roomBookings = defineEndpoint({
  ...routes.listRoomBookings,
  summary: '功能室预订情况',
  description: '一段日期内（北京时间，含首尾两天）占用该功能室的活动（按开始时间，分页），供工作人员创建活动前选择空闲时段。',
  tags,
  params: IdParams,
  query: RoomBookingsQuery,
  responses: { 200: Paged(RoomBookingView) },
  errors: ['not_found'],
});

export const listPublicVenues = defineEndpoint({
  ...routes.listPublicVenues,
  summary: '门户：阵地地图',
  description: '门户阵地地图上的阵地，分页（按单位、类型、名称排序），无需登录。',
  tags: ['public', 'venues'],
  access: 'public',
  query: PageQuery,
  responses: { 200: VenueList },
});

export const mapConfig = defineEndpoint({
  ...routes.viewMapConfig,
  summary: '地图瓦片配置（未配置时前端绘制坐标示意图）',
  description: '地图瓦片服务地址与版权说明；未配置时为 null，前端绘制坐标示意图。无需登录。',
  tags: ['public', 'venues'],
  access: 'public',
  responses: { 200: MapConfigView },
});
