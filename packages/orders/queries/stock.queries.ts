/** Types generated for queries found in "queries/stock.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

/** 'ReconcileStock' parameters type */
export interface IReconcileStockParams {
  tenantId: string;
}

/** 'ReconcileStock' return type */
export interface IReconcileStockResult {
  allocated: string;
  drift: string;
  journal_on_hand: string;
  journal_reserved: string;
  on_hand: string | null;
  reserved: string | null;
  variant_id: string;
  warehouse_id: string;
}

/** 'ReconcileStock' query type */
export interface IReconcileStockQuery {
  params: IReconcileStockParams;
  result: IReconcileStockResult;
}

const reconcileStockIR: any = {"usedParamSet":{"tenantId":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":276,"b":285}]}],"statement":"select r.variant_id as \"variant_id!\", r.warehouse_id as \"warehouse_id!\", r.on_hand, r.reserved,\n  r.journal_on_hand as \"journal_on_hand!\", r.journal_reserved as \"journal_reserved!\",\n  r.allocated as \"allocated!\", r.drift as \"drift!\"\nfrom orders.reconcile_stock(p_tenant_id => :tenantId!::uuid) r"};

/**
 * Query generated from SQL:
 * ```
 * select r.variant_id as "variant_id!", r.warehouse_id as "warehouse_id!", r.on_hand, r.reserved,
 *   r.journal_on_hand as "journal_on_hand!", r.journal_reserved as "journal_reserved!",
 *   r.allocated as "allocated!", r.drift as "drift!"
 * from orders.reconcile_stock(p_tenant_id => :tenantId!::uuid) r
 * ```
 */
export const reconcileStock = new PreparedQuery<IReconcileStockParams,IReconcileStockResult>(reconcileStockIR);


