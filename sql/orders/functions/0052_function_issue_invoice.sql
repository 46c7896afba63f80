-- The invoice for one shipment: shipped units at their order unit price, due after the order's payment
-- terms, recorded in the receivables ledger and counted on the order.
-- Amounts are in the currency's minor units by the cumulative difference: per line, the rounded value of
-- every unit shipped so far (this shipment included) minus the rounded value of the units shipped before
-- (app.round_money both times). However a line ships, its invoices add up to its rounded line_total, so
-- an order's invoices add up to its total to the minor unit (JPY 99.5 x 3 shipped as 1 then 2: 100 + 199
-- = 299 = round(298.5)). Called before the shipment is added to fulfilled_quantity.
create or replace function orders.issue_invoice(p_tenant_id uuid, p_order orders.orders, p_shipment jsonb)
returns orders.invoices
language plpgsql
as $$
declare
  v_tenant uuid := app.check_tenant(p_tenant_id);
  issued orders.invoices;
begin
  insert into orders.invoices (tenant_id, order_id, company_id, currency, amount, lines, issued_at, due_at)
  select v_tenant, p_order.order_id, p_order.company_id, p_order.currency,
    coalesce(sum(x.amount), 0),
    coalesce(jsonb_agg(jsonb_build_object('variant_id', x.variant_id, 'quantity', x.quantity,
      'unit_price', x.unit_price, 'line_total', x.amount) order by x.line_number), '[]'),
    now(), now() + make_interval(days => p_order.payment_terms_days)
  from (
    select l.line_number, l.variant_id, sh.quantity, l.unit_price,
      app.round_money((l.fulfilled_quantity + sh.quantity) * l.unit_price, l.minor_units)
        - app.round_money(l.fulfilled_quantity * l.unit_price, l.minor_units) as amount
    from jsonb_to_recordset(p_shipment) as sh(variant_id uuid, quantity bigint)
    join orders.order_lines l on l.tenant_id = v_tenant and l.order_id = p_order.order_id and l.variant_id = sh.variant_id
  ) x
  returning * into issued;

  insert into orders.receivable_entries (tenant_id, company_id, kind, amount, currency, invoice_id)
  values (v_tenant, issued.company_id, 'invoice', issued.amount, issued.currency, issued.invoice_id);

  update orders.orders o set invoiced_amount = o.invoiced_amount + issued.amount
  where o.tenant_id = v_tenant and o.order_id = p_order.order_id;
  return issued;
end
$$;
comment on function orders.issue_invoice(uuid, orders.orders, jsonb) is
  'In tenant p_tenant_id (the transaction''s: B2002), issues the invoice for shipment p_shipment ([{variant_id, quantity}]) of order p_order (called before fulfilled_quantity counts it): per line, app.round_money(units shipped so far incl. these x unit price) - app.round_money(units shipped before x unit price), so the invoices of a line add up to its line_total; due now() + payment_terms_days; adds it to the receivables ledger and to the order''s invoiced_amount.';
