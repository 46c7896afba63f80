-- Replaces the lines of a draft with newly priced ones (orders.write_order_lines) and sets the order total
-- to their sum.
create or replace function orders.set_order_lines(p_tenant_id uuid, p_order_id uuid, p_company_id uuid, p_currency text, p_lines jsonb)
returns numeric
language plpgsql
as $$
declare
  tenant uuid := app.check_tenant(p_tenant_id);
  total numeric;
begin
  total := orders.write_order_lines(tenant, p_order_id, p_company_id, p_currency, p_lines);
  update orders.orders o set total_amount = total where o.tenant_id = tenant and o.order_id = p_order_id;
  return total;
end
$$;
comment on function orders.set_order_lines(uuid, uuid, uuid, text, jsonb) is
  'Replaces the lines of draft p_order_id of tenant p_tenant_id with p_lines (JSON array of {variant_id, quantity}), all priced in one statement by catalog.resolve_prices at now() (orders.write_order_lines), and sets total_amount to their sum (returned). SQLSTATE B3008 when a variant has no price, B3014 when it is discontinued, B3007 for malformed lines.';
