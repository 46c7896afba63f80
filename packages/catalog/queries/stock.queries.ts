/** Types generated for queries found in "queries/stock.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

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

const createWarehouseIR: any = {"usedParamSet":{"warehouseId":true,"code":true,"name":true,"countryCode":true},"params":[{"name":"warehouseId","required":false,"transform":{"type":"scalar"},"locs":[{"a":89,"b":100}]},{"name":"code","required":true,"transform":{"type":"scalar"},"locs":[{"a":129,"b":134}]},{"name":"name","required":true,"transform":{"type":"scalar"},"locs":[{"a":137,"b":142}]},{"name":"countryCode","required":true,"transform":{"type":"scalar"},"locs":[{"a":145,"b":157}]}],"statement":"insert into catalog.warehouses (warehouse_id, code, name, country_code)\nvalues (coalesce(:warehouseId::uuid, gen_random_uuid()), :code!, :name!, :countryCode!)\nreturning warehouse_id, code, name, country_code, is_active"};

/**
 * Query generated from SQL:
 * ```
 * insert into catalog.warehouses (warehouse_id, code, name, country_code)
 * values (coalesce(:warehouseId::uuid, gen_random_uuid()), :code!, :name!, :countryCode!)
 * returning warehouse_id, code, name, country_code, is_active
 * ```
 */
export const createWarehouse = new PreparedQuery<ICreateWarehouseParams,ICreateWarehouseResult>(createWarehouseIR);


/** 'UpsertStockLevels' parameters type */
export interface IUpsertStockLevelsParams {
  rows: readonly ({
    variantId: string,
    warehouseId: string,
    onHand: string,
    reserved: string
  })[];
}

/** 'UpsertStockLevels' return type */
export interface IUpsertStockLevelsResult {
  /** Units that can still be promised: on_hand - reserved (generated). */
  available: string;
  /** Units physically in the warehouse. */
  on_hand: string;
  /** Units of on_hand promised to open orders and not yet shipped. */
  reserved: string;
  variant_id: string;
  warehouse_id: string;
}

/** 'UpsertStockLevels' query type */
export interface IUpsertStockLevelsQuery {
  params: IUpsertStockLevelsParams;
  result: IUpsertStockLevelsResult;
}

const upsertStockLevelsIR: any = {"usedParamSet":{"rows":true},"params":[{"name":"rows","required":false,"transform":{"type":"pick_array_spread","keys":[{"name":"variantId","required":true},{"name":"warehouseId","required":true},{"name":"onHand","required":true},{"name":"reserved","required":true}]},"locs":[{"a":86,"b":90}]}],"statement":"insert into catalog.stock_levels (variant_id, warehouse_id, on_hand, reserved)\nvalues :rows\non conflict (tenant_id, variant_id, warehouse_id) do update\nset on_hand = excluded.on_hand,\n    reserved = excluded.reserved\nreturning variant_id, warehouse_id, on_hand, reserved, available                                                          "};

/**
 * Query generated from SQL:
 * ```
 * insert into catalog.stock_levels (variant_id, warehouse_id, on_hand, reserved)
 * values :rows
 * on conflict (tenant_id, variant_id, warehouse_id) do update
 * set on_hand = excluded.on_hand,
 *     reserved = excluded.reserved
 * returning variant_id, warehouse_id, on_hand, reserved, available                                                          
 * ```
 */
export const upsertStockLevels = new PreparedQuery<IUpsertStockLevelsParams,IUpsertStockLevelsResult>(upsertStockLevelsIR);


/** 'GetStockByWarehouse' parameters type */
export interface IGetStockByWarehouseParams {
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
  /** Units physically in the warehouse. */
  on_hand: string;
  /** Units of on_hand promised to open orders and not yet shipped. */
  reserved: string;
  warehouse_id: string;
}

/** 'GetStockByWarehouse' query type */
export interface IGetStockByWarehouseQuery {
  params: IGetStockByWarehouseParams;
  result: IGetStockByWarehouseResult;
}

const getStockByWarehouseIR: any = {"usedParamSet":{"variantId":true},"params":[{"name":"variantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":243,"b":253}]}],"statement":"select w.warehouse_id, w.code, w.name, w.country_code, w.is_active, s.on_hand, s.reserved, s.available\nfrom catalog.stock_levels s\njoin catalog.warehouses w on w.tenant_id = s.tenant_id and w.warehouse_id = s.warehouse_id\nwhere s.variant_id = :variantId!\norder by w.code"};

/**
 * Query generated from SQL:
 * ```
 * select w.warehouse_id, w.code, w.name, w.country_code, w.is_active, s.on_hand, s.reserved, s.available
 * from catalog.stock_levels s
 * join catalog.warehouses w on w.tenant_id = s.tenant_id and w.warehouse_id = s.warehouse_id
 * where s.variant_id = :variantId!
 * order by w.code
 * ```
 */
export const getStockByWarehouse = new PreparedQuery<IGetStockByWarehouseParams,IGetStockByWarehouseResult>(getStockByWarehouseIR);


