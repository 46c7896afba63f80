/* Stock reconciliation (orders.reconcile_stock): levels against the journal and the open orders'
   allocations, one row per drifting (variant, warehouse); none when all agree. */
/* @name ReconcileStock */
select r.variant_id as "variant_id!", r.warehouse_id as "warehouse_id!", r.on_hand, r.reserved,
  r.journal_on_hand as "journal_on_hand!", r.journal_reserved as "journal_reserved!",
  r.allocated as "allocated!", r.drift as "drift!"
from orders.reconcile_stock(p_tenant_id => :tenantId!::uuid) r;
