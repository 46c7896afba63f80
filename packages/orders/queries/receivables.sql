/* Invoices of one order, oldest first. */
/* @name GetOrderInvoices */
select i.invoice_id, i.order_id, i.company_id, i.currency, i.amount, i.lines, i.issued_at, i.due_at
from orders.invoices i
where i.tenant_id = :tenantId! and i.order_id = :orderId!
order by i.issued_at, i.invoice_id;

/* A company's open receivables balance (orders.open_balance). */
/* @name GetOpenBalance */
select orders.open_balance(p_tenant_id => :tenantId!::uuid, p_company_id => :companyId!::uuid) as "open_balance!";

/* Records a payment from a company (orders.record_payment). */
/* @name RecordPayment */
select e.entry_id as "entry_id!", e.company_id as "company_id!", e.kind as "kind!", e.amount as "amount!",
  e.currency as "currency!", e.invoice_id, e.reference, e.recorded_by, e.recorded_at as "recorded_at!"
from orders.record_payment(
  p_tenant_id => :tenantId!::uuid,
  p_company_id => :companyId!::uuid,
  p_amount => :amount!::numeric,
  p_currency => :currency!::text,
  p_reference => :reference!::text,
  p_invoice_id => :invoiceId::uuid
) e;

/* One page of a company's ledger, newest first: recorded_at descending, then entry_id descending (idx_receivable_entries_tenant_id_company_id_recorded_at); keyset on the last row's (recorded_at, entry_id) from the page cursor, recorded_at at full precision (cursor_recorded_at: UTC, microseconds). */
/* @name ListReceivableEntries */
select e.entry_id, e.company_id, e.kind, e.amount, e.currency, e.invoice_id, e.reference, e.recorded_by, e.recorded_at,
  to_char(e.recorded_at at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "cursor_recorded_at!"
from orders.receivable_entries e
where e.tenant_id = :tenantId! and e.company_id = :companyId!
  and (:afterRecordedAt::timestamptz is null or (e.recorded_at, e.entry_id) < (:afterRecordedAt::timestamptz, :afterEntryId::uuid))
order by e.recorded_at desc, e.entry_id desc
limit (:limit!)::int;
