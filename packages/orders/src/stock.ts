// Stock reconciliation: the stock levels against their journal and against the open orders' allocations.
import { type Queryable, tenantOf } from '@b2b/db';
import { type IReconcileStockResult, reconcileStock as reconcileStockQuery } from '../queries/stock.queries';
import { ordersCall } from './errors';

/** One drifting stock level: what the level says, what its journal and the open orders add up to, and what differs. */
export type StockDrift = IReconcileStockResult;

/**
 * Reconciles the tenant's stock (orders.reconcile_stock): per (variant, warehouse), on_hand and reserved
 * against the sum of the stock journal (catalog.stock_movements), and reserved against the
 * reserved_quantity of open orders' allocations. Returns one row per drifting level (units as decimal
 * strings, `drift` says what differs), sorted by variant and warehouse; an empty list when all agree.
 * A scheduled job or an alert calls it; it reads every stock level of the tenant.
 */
export async function reconcileStock(client: Queryable): Promise<StockDrift[]> {
  return ordersCall(() => reconcileStockQuery.run({ tenantId: tenantOf(client) }, client));
}
