-- Edits a draft with optimistic locking: the caller names the version it read, and a draft changed since
-- (by another editor, or submitted) gets SQLSTATE B3002 instead of silently overwriting that change.
create or replace function orders.update_draft(
  p_tenant_id uuid,
  p_order_id uuid,
  p_expected_version integer,
  p_lines jsonb default null,
  p_purchase_order_number text default null,
  p_billing_address_id uuid default null,
  p_shipping_address_id uuid default null
)
returns orders.orders
language plpgsql
as $$
declare
  v_tenant uuid := app.check_tenant(p_tenant_id);
  target orders.orders := orders.lock_order(v_tenant, p_order_id);
  updated orders.orders;
  billing jsonb;
  shipping jsonb;
begin
  if target.version <> p_expected_version then
    raise exception using
      errcode = 'B3002',
      message = format('order %s is at version %s, not %s: it changed since it was read; read it again',
        p_order_id, target.version, p_expected_version);
  end if;
  if target.state <> 'draft' then
    raise exception using
      errcode = 'B3010',
      message = format('order %s is %s: only drafts can be edited', p_order_id, target.state);
  end if;
  if p_lines is not null then
    perform orders.set_order_lines(v_tenant, p_order_id, target.company_id, target.currency, p_lines);
  end if;
  if p_purchase_order_number is not null or p_billing_address_id is not null or p_shipping_address_id is not null then
    -- the snapshots are taken first, not in a CASE of the update: Citus refuses a non-immutable function
    -- inside CASE or COALESCE of an UPDATE on a distributed table
    if p_billing_address_id is not null then
      billing := orders.address_snapshot(v_tenant, target.company_id, p_billing_address_id, 'billing');
    end if;
    if p_shipping_address_id is not null then
      shipping := orders.address_snapshot(v_tenant, target.company_id, p_shipping_address_id, 'shipping');
    end if;
    update orders.orders o
    set purchase_order_number = coalesce(p_purchase_order_number, o.purchase_order_number),
      billing_address = coalesce(billing, o.billing_address),
      shipping_address = coalesce(shipping, o.shipping_address)
    where o.tenant_id = v_tenant and o.order_id = p_order_id;
  end if;
  select o.* into updated from orders.orders o where o.tenant_id = v_tenant and o.order_id = p_order_id;
  perform orders.run_deferred_checks();
  return updated;
end
$$;
comment on function orders.update_draft(uuid, uuid, integer, jsonb, text, uuid, uuid) is
  'Edits draft p_order_id of tenant p_tenant_id (the transaction''s: B2002) if it is still at p_expected_version (SQLSTATE B3002 otherwise; B3010 when no longer a draft): replaces its lines (re-priced at now()) and/or sets the purchase order number or addresses; null arguments leave things unchanged. Returns the order with its new version.';
