/** Types generated for queries found in "queries/stock.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type DateOrString = Date | string;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** 'CreateWarehouse' parameters type */
export interface ICreateWarehouseParams {
  code: string;
  countryCode: string;
  name: string;
  warehouseId?: string | null | void;
}

/** 'CreateWarehouse' return type */
export interface ICreateWarehouseResult {
  /** Short code used on pick lists and in integrations (uppercase letters, digits, _ and -), unique within the tenant. */
  code: string;
  country_code: string;
  /** Inactive warehouses keep their stock history but are not used for new reservations. */
  is_active: boolean;
  name: string;
  warehouse_id: string;
}

/** 'CreateWarehouse' query type */
export interface ICreateWarehouseQuery {
  params: ICreateWarehouseParams;
  result: ICreateWarehouseResult;
}

const createWarehouseIR: any = {"usedParamSet":{"warehouseId":true,"code":true,"name":true,"countryCode":true},"params":[{"name":"warehouseId","required":false,"transform":{"type":"scalar"},"locs":[{"a":89,"b":100}]},{"name":"code","required":true,"transform":{"type":"scalar"},"locs":[{"a":129,"b":134}]},{"name":"name","required":true,"transform":{"type":"scalar"},"locs":[{"a":137,"b":142}]},{"name":"countryCode","required":true,"transform":{"type":"scalar"},"locs":[{"a":145,"b":157}]}],"statement":"insert into catalog.warehouses (warehouse_id, code, name, country_code)\nvalues (coalesce(:warehouseId::uuid, gen_random_uuid()), :code!, :name!, :countryCode!)\nreturning warehouse_id, code, name, country_code, is_active                                                                                                                                                                                 "};

/**
 * Query generated from SQL:
 * ```
 * insert into catalog.warehouses (warehouse_id, code, name, country_code)
 * values (coalesce(:warehouseId::uuid, gen_random_uuid()), :code!, :name!, :countryCode!)
 * returning warehouse_id, code, name, country_code, is_active                                                                                                                                                                                 
 * ```
 */
export const createWarehouse = new PreparedQuery<ICreateWarehouseParams,ICreateWarehouseResult>(createWarehouseIR);


/** 'SyncStockLevels' parameters type */
export interface ISyncStockLevelsParams {
  counts: Json;
  reason: string;
  tenantId: string;
}

/** 'SyncStockLevels' return type */
export interface ISyncStockLevelsResult {
  available: string;
  on_hand: string;
  reserved: string;
  variant_id: string;
  warehouse_id: string;
}

/** 'SyncStockLevels' query type */
export interface ISyncStockLevelsQuery {
  params: ISyncStockLevelsParams;
  result: ISyncStockLevelsResult;
}

const syncStockLevelsIR: any = {"usedParamSet":{"tenantId":true,"counts":true,"reason":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":201,"b":210}]},{"name":"counts","required":true,"transform":{"type":"scalar"},"locs":[{"a":231,"b":238}]},{"name":"reason","required":true,"transform":{"type":"scalar"},"locs":[{"a":260,"b":267}]}],"statement":"select s.variant_id as \"variant_id!\", s.warehouse_id as \"warehouse_id!\", s.on_hand as \"on_hand!\",\n  s.reserved as \"reserved!\", s.available as \"available!\"\nfrom catalog.sync_stock_levels(p_tenant_id => :tenantId!::uuid, p_counts => :counts!::jsonb, p_reason => :reason!::text) s                                                                                                                 "};

/**
 * Query generated from SQL:
 * ```
 * select s.variant_id as "variant_id!", s.warehouse_id as "warehouse_id!", s.on_hand as "on_hand!",
 *   s.reserved as "reserved!", s.available as "available!"
 * from catalog.sync_stock_levels(p_tenant_id => :tenantId!::uuid, p_counts => :counts!::jsonb, p_reason => :reason!::text) s                                                                                                                 
 * ```
 */
export const syncStockLevels = new PreparedQuery<ISyncStockLevelsParams,ISyncStockLevelsResult>(syncStockLevelsIR);


/** 'AdjustStockLevels' parameters type */
export interface IAdjustStockLevelsParams {
  adjustments: Json;
  tenantId: string;
}

/** 'AdjustStockLevels' return type */
export interface IAdjustStockLevelsResult {
  available: string;
  on_hand: string;
  reserved: string;
  variant_id: string;
  warehouse_id: string;
}

/** 'AdjustStockLevels' query type */
export interface IAdjustStockLevelsQuery {
  params: IAdjustStockLevelsParams;
  result: IAdjustStockLevelsResult;
}

const adjustStockLevelsIR: any = {"usedParamSet":{"tenantId":true,"adjustments":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":203,"b":212}]},{"name":"adjustments","required":true,"transform":{"type":"scalar"},"locs":[{"a":238,"b":250}]}],"statement":"select s.variant_id as \"variant_id!\", s.warehouse_id as \"warehouse_id!\", s.on_hand as \"on_hand!\",\n  s.reserved as \"reserved!\", s.available as \"available!\"\nfrom catalog.adjust_stock_levels(p_tenant_id => :tenantId!::uuid, p_adjustments => :adjustments!::jsonb) s                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                              "};

/**
 * Query generated from SQL:
 * ```
 * select s.variant_id as "variant_id!", s.warehouse_id as "warehouse_id!", s.on_hand as "on_hand!",
 *   s.reserved as "reserved!", s.available as "available!"
 * from catalog.adjust_stock_levels(p_tenant_id => :tenantId!::uuid, p_adjustments => :adjustments!::jsonb) s                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                              
 * ```
 */
export const adjustStockLevels = new PreparedQuery<IAdjustStockLevelsParams,IAdjustStockLevelsResult>(adjustStockLevelsIR);


/** 'ListStockMovements' parameters type */
export interface IListStockMovementsParams {
  afterMovedAt?: DateOrString | null | void;
  afterMovementId?: string | null | void;
  limit: number;
  tenantId: string;
  variantId?: string | null | void;
  warehouseId?: string | null | void;
}

/** 'ListStockMovements' return type */
export interface IListStockMovementsResult {
  cursor_moved_at: string;
  /** When the movement was recorded (the transaction's time). */
  moved_at: Date;
  /** The acting user (app.current_user_id(): the staff user or buyer set by withTenant), null when none was set. */
  moved_by: string | null;
  /** Random id of the movement (no sequence shared across tenants). */
  movement_id: string;
  /** Units added to (positive) or taken from (negative) on_hand. */
  on_hand_delta: string;
  /** The order the movement belongs to (order, cancel, fulfilment, return); null for adjustment and sync. */
  order_id: string | null;
  /** Why stock moved: order (reserved), cancel (released on cancel or reject), fulfilment (shipped), return (received back), adjustment (an admin write or count), sync (an ERP count). */
  reason: string;
  /** Units added to or taken from reserved; non-zero only for order, cancel and fulfilment. */
  reserved_delta: string;
  /** The return the movement belongs to (return only). */
  return_id: string | null;
  /** The variant of the stock level that moved. */
  variant_id: string;
  /** The warehouse of the stock level that moved. */
  warehouse_id: string;
}

/** 'ListStockMovements' query type */
export interface IListStockMovementsQuery {
  params: IListStockMovementsParams;
  result: IListStockMovementsResult;
}

const listStockMovementsIR: any = {"usedParamSet":{"tenantId":true,"variantId":true,"warehouseId":true,"afterMovedAt":true,"afterMovementId":true,"limit":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":295,"b":304}]},{"name":"variantId","required":false,"transform":{"type":"scalar"},"locs":[{"a":313,"b":322},{"a":356,"b":365}]},{"name":"warehouseId","required":false,"transform":{"type":"scalar"},"locs":[{"a":381,"b":392},{"a":428,"b":439}]},{"name":"afterMovedAt","required":false,"transform":{"type":"scalar"},"locs":[{"a":455,"b":467},{"a":528,"b":540}]},{"name":"afterMovementId","required":false,"transform":{"type":"scalar"},"locs":[{"a":556,"b":571}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":633,"b":639}]}],"statement":"select m.movement_id, m.variant_id, m.warehouse_id, m.on_hand_delta, m.reserved_delta, m.reason,\n  m.order_id, m.return_id, m.moved_by, m.moved_at,\n  to_char(m.moved_at at time zone 'utc', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') as \"cursor_moved_at!\"\nfrom catalog.stock_movements m\nwhere m.tenant_id = :tenantId!\n  and (:variantId::uuid is null or m.variant_id = :variantId::uuid)\n  and (:warehouseId::uuid is null or m.warehouse_id = :warehouseId::uuid)\n  and (:afterMovedAt::timestamptz is null\n    or (m.moved_at, m.movement_id) < (:afterMovedAt::timestamptz, :afterMovementId::uuid))\norder by m.moved_at desc, m.movement_id desc\nlimit (:limit!)::int                                                          "};

/**
 * Query generated from SQL:
 * ```
 * select m.movement_id, m.variant_id, m.warehouse_id, m.on_hand_delta, m.reserved_delta, m.reason,
 *   m.order_id, m.return_id, m.moved_by, m.moved_at,
 *   to_char(m.moved_at at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "cursor_moved_at!"
 * from catalog.stock_movements m
 * where m.tenant_id = :tenantId!
 *   and (:variantId::uuid is null or m.variant_id = :variantId::uuid)
 *   and (:warehouseId::uuid is null or m.warehouse_id = :warehouseId::uuid)
 *   and (:afterMovedAt::timestamptz is null
 *     or (m.moved_at, m.movement_id) < (:afterMovedAt::timestamptz, :afterMovementId::uuid))
 * order by m.moved_at desc, m.movement_id desc
 * limit (:limit!)::int                                                          
 * ```
 */
export const listStockMovements = new PreparedQuery<IListStockMovementsParams,IListStockMovementsResult>(listStockMovementsIR);


/** 'GetStockByWarehouse' parameters type */
export interface IGetStockByWarehouseParams {
  tenantId: string;
  variantId: string;
}

/** 'GetStockByWarehouse' return type */
export interface IGetStockByWarehouseResult {
  /** Units that can still be promised: on_hand - reserved (generated). */
  available: string;
  /** Short code used on pick lists and in integrations (uppercase letters, digits, _ and -), unique within the tenant. */
  code: string;
  country_code: string;
  /** Inactive warehouses keep their stock history but are not used for new reservations. */
  is_active: boolean;
  name: string;
  /** Units physically in the warehouse. Set by counts (catalog.sync_stock_levels) and adjustments (catalog.adjust_stock_levels), never below reserved (B2210); lowered by fulfilment, raised by returns; every change journaled in catalog.stock_movements. */
  on_hand: string;
  /** Units of on_hand promised to open orders and not yet shipped. Changed only by the order functions (reserve, release, fulfil: trg_stock_levels_after_update refuses any other change, B2212); every change journaled in catalog.stock_movements. */
  reserved: string;
  warehouse_id: string;
}

/** 'GetStockByWarehouse' query type */
export interface IGetStockByWarehouseQuery {
  params: IGetStockByWarehouseParams;
  result: IGetStockByWarehouseResult;
}

const getStockByWarehouseIR: any = {"usedParamSet":{"tenantId":true,"variantId":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":242,"b":251}]},{"name":"variantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":272,"b":282}]}],"statement":"select w.warehouse_id, w.code, w.name, w.country_code, w.is_active, s.on_hand, s.reserved, s.available\nfrom catalog.stock_levels s\njoin catalog.warehouses w on w.tenant_id = s.tenant_id and w.warehouse_id = s.warehouse_id\nwhere s.tenant_id = :tenantId! and s.variant_id = :variantId!\norder by w.code"};

/**
 * Query generated from SQL:
 * ```
 * select w.warehouse_id, w.code, w.name, w.country_code, w.is_active, s.on_hand, s.reserved, s.available
 * from catalog.stock_levels s
 * join catalog.warehouses w on w.tenant_id = s.tenant_id and w.warehouse_id = s.warehouse_id
 * where s.tenant_id = :tenantId! and s.variant_id = :variantId!
 * order by w.code
 * ```
 */
export const getStockByWarehouse = new PreparedQuery<IGetStockByWarehouseParams,IGetStockByWarehouseResult>(getStockByWarehouseIR);


