-- The invoice for one shipment: shipped units at their order unit price, due after the order's payment
-- terms, recorded in the receivables ledger and counted on the order.
create or replace function orders.issue_invoice(p_order orders.orders, p_shipment jsonb)
returns orders.invoices
language plpgsql
as $$
declare
  issued orders.invoices;
begin
  insert into orders.invoices (order_id, company_id, currency, amount, lines, issued_at, due_at)
  select p_order.order_id, p_order.company_id, p_order.currency,
    coalesce(sum(sh.quantity * l.unit_price), 0),
    coalesce(jsonb_agg(jsonb_build_object('variant_id', l.variant_id, 'quantity', sh.quantity,
      'unit_price', l.unit_price, 'line_total', sh.quantity * l.unit_price) order by l.line_number), '[]'),
    now(), now() + make_interval(days => p_order.payment_terms_days)
  from jsonb_to_recordset(p_shipment) as sh(variant_id uuid, quantity bigint)
  join orders.order_lines l on l.tenant_id = p_order.tenant_id and l.order_id = p_order.order_id and l.variant_id = sh.variant_id
  returning * into issued;

  insert into orders.receivable_entries (company_id, kind, amount, currency, invoice_id)
  values (issued.company_id, 'invoice', issued.amount, issued.currency, issued.invoice_id);

  update orders.orders o set invoiced_amount = o.invoiced_amount + issued.amount
  where o.tenant_id = p_order.tenant_id and o.order_id = p_order.order_id;
  return issued;
end
$$;
comment on function orders.issue_invoice(orders.orders, jsonb) is
  'Issues the invoice for shipment p_shipment ([{variant_id, quantity}]) of order p_order: amount = units x order unit price, due now() + payment_terms_days; adds it to the receivables ledger and to the order''s invoiced_amount.';
