-- What orders.credit_exposures holds, computed from scratch from the receivables ledger and the orders: the
-- definition that orders.apply_credit_exposure keeps by differences, and that the exposure's tests
-- (db-tests/orders/credit_exposures) and the rebalancing drill (scripts/lib/drills/tenant-checksums.ts)
-- compare the stored rows with. One row per company; each sum reads that company's rows only. The open
-- states are written out: db-tests/orders/credit_limit pins them to orders.order_states.is_open.
-- security_invoker: it reads as the caller, under the caller's row-level security.
create or replace view orders.credit_exposure_sources with (security_invoker = true) as
select c.tenant_id, c.company_id,
  coalesce((
    select sum(e.amount) from orders.receivable_entries e
    where e.tenant_id = c.tenant_id and e.company_id = c.company_id and e.kind = 'invoice'
  ), 0) as debit_total,
  coalesce((
    select sum(e.amount) from orders.receivable_entries e
    where e.tenant_id = c.tenant_id and e.company_id = c.company_id and e.kind <> 'invoice'
  ), 0) as credit_total,
  coalesce((
    select sum(o.total_amount - o.invoiced_amount) from orders.orders o
    where o.tenant_id = c.tenant_id and o.company_id = c.company_id
      and o.state in ('pending_approval', 'placed', 'partially_fulfilled')
  ), 0) as open_order_amount
from accounts.companies c;
comment on view orders.credit_exposure_sources is
  'What orders.credit_exposures holds, computed from orders.receivable_entries and orders.orders: per company, the ledger''s invoices (debit_total), its payments and credit notes (credit_total) and the uninvoiced part of its open orders (open_order_amount). The reference the stored rows are tested against; security invoker.';
