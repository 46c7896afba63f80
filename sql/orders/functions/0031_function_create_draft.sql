-- A draft order: priced and totalled, holds no stock, edited with update_draft, sent with submit_order.
create or replace function orders.create_draft(
  p_tenant_id uuid,
  p_company_id uuid,
  p_buyer_id uuid,
  p_currency text,
  p_lines jsonb,
  p_idempotency_key text default null,
  p_purchase_order_number text default null,
  p_billing_address_id uuid default null,
  p_shipping_address_id uuid default null
)
returns orders.orders
language plpgsql
as $$
declare
  v_tenant uuid := app.check_tenant(p_tenant_id);
  s record;
  created orders.orders;
begin
  select * into s from orders.start_order(v_tenant, p_company_id, p_buyer_id, p_currency, p_idempotency_key,
    p_purchase_order_number, p_billing_address_id, p_shipping_address_id, 'create_draft', p_lines);
  if not s.is_new then
    return s.started;
  end if;
  perform orders.set_order_lines(v_tenant, (s.started).order_id, p_company_id, p_currency, p_lines);
  select o.* into created from orders.orders o where o.tenant_id = v_tenant and o.order_id = (s.started).order_id;
  perform orders.run_deferred_checks();
  return created;
end
$$;
comment on function orders.create_draft(uuid, uuid, uuid, text, jsonb, text, text, uuid, uuid) is
  'In tenant p_tenant_id (the transaction''s: B2002), creates a draft order for company p_company_id by buyer p_buyer_id with p_lines ([{variant_id, quantity}]) priced at now(). Holds no stock. With an idempotency key already used by create_draft with the same request (orders.request_fingerprint), returns that order unchanged; with another request or operation, B3004 (idempotency_key_reused).';
