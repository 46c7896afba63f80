// Warehouses, stock levels (absolute counts and signed adjustments) and the stock journal.
import {
  assertUniqueKeys,
  defineCursor,
  fetchSize,
  inBatches,
  mapErrors,
  one,
  type Page,
  pageLimit,
  type Queryable,
  tenantOf,
} from '@b2b/db';
import {
  adjustStockLevels as adjustStockLevelsQuery,
  createWarehouse as createWarehouseQuery,
  getStockByWarehouse as getStockByWarehouseQuery,
  type ICreateWarehouseResult,
  type IGetStockByWarehouseResult,
  type IListStockMovementsResult,
  type ISyncStockLevelsResult,
  listStockMovements as listStockMovementsQuery,
  syncStockLevels as syncStockLevelsQuery,
} from '../queries/stock.queries';
import { stockCall } from './errors';

export type Warehouse = ICreateWarehouseResult;
export type WarehouseStock = IGetStockByWarehouseResult;
export type StockLevel = ISyncStockLevelsResult;
export type StockMovement = Omit<IListStockMovementsResult, 'cursor_moved_at'>;

export async function createWarehouse(
  client: Queryable,
  warehouse: { warehouseId?: string; code: string; name: string; countryCode: string },
): Promise<Warehouse> {
  return mapErrors(async () =>
    one(
      await createWarehouseQuery.run({ ...warehouse, warehouseId: warehouse.warehouseId ?? null }, client),
      'The new warehouse',
    ),
  );
}

/** An absolute count of a variant in a warehouse: units physically there (a whole number, at least 0). */
export interface StockCount {
  variantId: string;
  warehouseId: string;
  onHand: number;
}

/** A signed correction of a variant's units on hand in a warehouse (a whole number, not 0 to change anything). */
export interface StockAdjustment {
  variantId: string;
  warehouseId: string;
  delta: number;
}

const countsJson = (rows: readonly StockCount[]) =>
  JSON.stringify(
    rows.map((r) => ({ variant_id: r.variantId, warehouse_id: r.warehouseId, on_hand: r.onHand })),
  );

async function writeCounts(
  client: Queryable,
  rows: readonly StockCount[],
  reason: 'sync' | 'adjustment',
): Promise<StockLevel[]> {
  if (rows.length === 0) return [];
  assertUniqueKeys(rows, (r) => `${r.variantId}/${r.warehouseId}`, 'stock level');
  return inBatches(rows, (batch) =>
    stockCall(() =>
      syncStockLevelsQuery.run({ tenantId: tenantOf(client), counts: countsJson(batch), reason }, client),
    ),
  );
}

/**
 * An admin's counts: sets on_hand of many (variant, warehouse) pairs, creating new levels
 * (catalog.sync_stock_levels with reason `adjustment`, one statement per batch of BATCH_ROWS). Reserved
 * units belong to the orders and are never changed here. Each difference is journaled in
 * catalog.stock_movements. Returns the levels ({ variant_id, warehouse_id, on_hand, reserved, available },
 * units as decimal strings), sorted by variant and warehouse.
 * Throws StockBelowReservedError (`stock_below_reserved`) for a count below the units open orders have
 * reserved, ValidationError `stock_negative` for a negative count, `stock_rows_invalid` for a count that
 * is not a whole number, `batch_duplicate_key` for a pair sent twice, ForeignKeyError `variant_not_found`
 * / `warehouse_not_found`.
 */
export async function upsertStockLevels(
  client: Queryable,
  rows: readonly StockCount[],
): Promise<StockLevel[]> {
  return writeCounts(client, rows, 'adjustment');
}

/**
 * An ERP-style sync: the same as upsertStockLevels (absolute counts per variant and warehouse, on_hand
 * only, batched), journaled with reason `sync`, so a stock level's history tells the ERP's counts from
 * an admin's. Errors as upsertStockLevels.
 */
export async function syncStockLevels(client: Queryable, rows: readonly StockCount[]): Promise<StockLevel[]> {
  return writeCounts(client, rows, 'sync');
}

/**
 * Relative corrections (found, damaged, miscounted): adds each signed `delta` to on_hand
 * (catalog.adjust_stock_levels, one statement per batch), creating new levels; journaled as
 * `adjustment`. Returns the levels after the change. Throws StockBelowReservedError when on_hand would
 * fall below the reserved units, ValidationError `stock_negative` below 0, `stock_rows_invalid`,
 * `batch_duplicate_key`, ForeignKeyError as upsertStockLevels.
 */
export async function adjustStockLevels(
  client: Queryable,
  rows: readonly StockAdjustment[],
): Promise<StockLevel[]> {
  if (rows.length === 0) return [];
  assertUniqueKeys(rows, (r) => `${r.variantId}/${r.warehouseId}`, 'stock level');
  return inBatches(rows, (batch) =>
    stockCall(() =>
      adjustStockLevelsQuery.run(
        {
          tenantId: tenantOf(client),
          adjustments: JSON.stringify(
            batch.map((r) => ({ variant_id: r.variantId, warehouse_id: r.warehouseId, delta: r.delta })),
          ),
        },
        client,
      ),
    ),
  );
}

const MOVEMENTS_PAGE = defineCursor('catalog.listStockMovements', ['timestamptz', 'uuid'] as const);

/**
 * One page of the stock journal (catalog.stock_movements), newest first (moved_at descending, then
 * movement_id descending: the movements of one transaction share moved_at), of the tenant, or of one
 * variant and/or one warehouse: `{ items, next? }`; pass `next` as `after` for the following page (absent:
 * no more). Items: deltas of on_hand and reserved as decimal strings, the reason (order, cancel,
 * fulfilment, return, adjustment, sync), the order or return, who and when. `limit` 1 to 200 (default 50;
 * RangeError otherwise); ValidationError `cursor_invalid` for a cursor this listing did not make.
 * SQL: ListStockMovements.
 */
export async function listStockMovements(
  client: Queryable,
  request: {
    variantId?: string | null;
    warehouseId?: string | null;
    after?: string | null;
    limit?: number;
  } = {},
): Promise<Page<StockMovement>> {
  const limit = pageLimit(request.limit, { fallback: 50, max: 200 });
  const [afterMovedAt, afterMovementId] = MOVEMENTS_PAGE.decode(request.after) ?? [null, null];
  return stockCall(async () => {
    const rows = await listStockMovementsQuery.run(
      {
        tenantId: tenantOf(client),
        variantId: request.variantId ?? null,
        warehouseId: request.warehouseId ?? null,
        afterMovedAt,
        afterMovementId,
        limit: fetchSize(limit),
      },
      client,
    );
    return MOVEMENTS_PAGE.page(
      rows,
      limit,
      (r) => [r.cursor_moved_at, r.movement_id],
      ({ cursor_moved_at: _, ...movement }) => movement,
    );
  });
}

/** Stock of a variant per warehouse, by warehouse code. */
export async function getStockByWarehouse(client: Queryable, variantId: string): Promise<WarehouseStock[]> {
  return mapErrors(() => getStockByWarehouseQuery.run({ tenantId: tenantOf(client), variantId }, client));
}
