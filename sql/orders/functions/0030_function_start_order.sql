-- The checks and the insert every new order starts with (create_draft, place_order, accept_quote): the
-- buyer acts for the company and may order, the company may order, the currency is the company's.
-- Idempotency: a key binds to the request it was first sent with. With a key, the request's fingerprint
-- (orders.request_fingerprint: one SHA-256 per call) is stored beside it. The insert does nothing when the
-- tenant already has an order with the key (also one that a concurrent transaction is inserting: the
-- unique index makes this one wait for it to commit); that order is returned with is_new = false when it
-- was made by the same operation from the same request, and refused with B3004 (a conflict) otherwise.
create or replace function orders.start_order(
  p_tenant_id uuid,
  p_company_id uuid,
  p_buyer_id uuid,
  p_currency text,
  p_idempotency_key text,
  p_purchase_order_number text,
  p_billing_address_id uuid,
  p_shipping_address_id uuid,
  p_operation text default null,
  p_lines jsonb default null,
  out started orders.orders,
  out is_new boolean
)
language plpgsql
as $$
declare
  tenant uuid := app.check_tenant(p_tenant_id);
  company record;
  fingerprint bytea;
begin
  select m.default_currency, m.payment_terms_days into company
  from orders.check_buyer_may_order(tenant, p_buyer_id, p_company_id) m;
  if p_currency is distinct from company.default_currency then
    raise exception using
      errcode = 'B3005',
      message = format('orders of company %s are in %s (its currency), not %s', p_company_id,
        company.default_currency, coalesce(p_currency, 'null'));
  end if;

  if p_idempotency_key is not null then
    if p_operation is null then
      raise exception using
        errcode = 'B3007',
        message = 'an idempotency key needs the operation it is used for (create_draft or place_order)';
    end if;
    fingerprint := orders.request_fingerprint(p_operation, p_company_id, p_buyer_id, p_currency, p_lines,
      p_purchase_order_number, p_billing_address_id, p_shipping_address_id);
  end if;

  insert into orders.orders (tenant_id, company_id, buyer_id, currency, idempotency_key, idempotency_operation,
    idempotency_fingerprint, purchase_order_number, billing_address, shipping_address, payment_terms_days)
  values (tenant, p_company_id, p_buyer_id, p_currency, p_idempotency_key,
    case when p_idempotency_key is not null then p_operation end, fingerprint, p_purchase_order_number,
    orders.address_snapshot(tenant, p_company_id, p_billing_address_id, 'billing'),
    orders.address_snapshot(tenant, p_company_id, p_shipping_address_id, 'shipping'),
    company.payment_terms_days)
  on conflict (tenant_id, idempotency_key) do nothing
  returning * into started;
  is_new := found;
  if not is_new then
    select o.* into started from orders.orders o where o.tenant_id = tenant and o.idempotency_key = p_idempotency_key;
    if started.idempotency_operation is distinct from p_operation then
      raise exception using
        errcode = 'B3004',
        message = format('idempotency key %s was already used for %s, not %s: send a new key for a new request',
          p_idempotency_key, started.idempotency_operation, p_operation);
    end if;
    if started.idempotency_fingerprint is distinct from fingerprint then
      raise exception using
        errcode = 'B3004',
        message = format('idempotency key %s was already used for a different %s request (company, buyer, currency, lines, purchase order number or addresses differ): send a new key for a new request',
          p_idempotency_key, p_operation);
    end if;
  end if;
end
$$;
comment on function orders.start_order(uuid, uuid, uuid, text, text, text, uuid, uuid, text, jsonb) is
  'In tenant p_tenant_id: checks the buyer (accounts.acting_buyer, orders.create: B3009), the company (active: B3011) and the currency (the company''s: B3005), snapshots the addresses and inserts a draft header with the key, p_operation and the request fingerprint (orders.request_fingerprint of the arguments and p_lines); with an idempotency key already used in the tenant it returns that order instead (is_new false) when the operation and fingerprint match, else B3004 (idempotency_key_reused). Concurrency-safe through the unique index.';
