-- Placing an order is one call: create (idempotently), price, check and reserve. A retry with the same
-- idempotency key and the same request, even concurrent with the first call, returns the first order and
-- does nothing else; the key with another request, or a key first used by create_draft, is refused (B3004).
create or replace function orders.place_order(
  p_tenant_id uuid,
  p_company_id uuid,
  p_buyer_id uuid,
  p_currency text,
  p_lines jsonb,
  p_idempotency_key text,
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
  placed orders.orders;
begin
  if p_idempotency_key is null then
    raise exception using
      errcode = 'B3007',
      message = 'placing an order needs an idempotency key (a retry with the same key returns the first order)';
  end if;
  select * into s from orders.start_order(v_tenant, p_company_id, p_buyer_id, p_currency, p_idempotency_key,
    p_purchase_order_number, p_billing_address_id, p_shipping_address_id, 'place_order', p_lines);
  if not s.is_new then
    return s.started;
  end if;
  -- the row as inserted, with the total of its lines: submit writes the total with the state (one update)
  placed := s.started;
  placed.total_amount := orders.write_order_lines(v_tenant, placed.order_id, p_company_id, p_currency, p_lines);
  placed := orders.submit(v_tenant, placed, false);
  perform orders.run_deferred_checks();
  return placed;
end
$$;
comment on function orders.place_order(uuid, uuid, uuid, text, jsonb, text, text, uuid, uuid) is
  'Places an order in one call, in tenant p_tenant_id (the transaction''s: B2002): buyer p_buyer_id of company p_company_id orders p_lines ([{variant_id, quantity}]) in p_currency (the company''s), priced by catalog.resolve_price at now(), with address snapshots (the company''s defaults when not given). Checks the company''s credit limit and the buyer''s spending limit, applies the approval rules, and reserves stock (SQLSTATE B3201 when short). Returns the order: placed, or pending_approval. With an idempotency key already used in the tenant by place_order with the same request (orders.request_fingerprint), returns that first order and changes nothing; with another request or operation, B3004 (idempotency_key_reused).';
