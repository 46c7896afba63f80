-- Submits a draft edited earlier: checked again (buyer, permission, company), priced again at now().
create or replace function orders.submit_order(p_tenant_id uuid, p_order_id uuid, p_expected_version integer default null)
returns orders.orders
language plpgsql
as $$
declare
  v_tenant uuid := app.check_tenant(p_tenant_id);
  target orders.orders := orders.lock_order(v_tenant, p_order_id);
  submitted orders.orders;
begin
  if p_expected_version is not null and target.version <> p_expected_version then
    raise exception using
      errcode = 'B3002',
      message = format('order %s is at version %s, not %s: it changed since it was read; read it again',
        p_order_id, target.version, p_expected_version);
  end if;
  perform orders.check_buyer_may_order(v_tenant, target.buyer_id, target.company_id);
  submitted := orders.submit(v_tenant, target, true);
  perform orders.run_deferred_checks();
  return submitted;
end
$$;
comment on function orders.submit_order(uuid, uuid, integer) is
  'Submits draft p_order_id of tenant p_tenant_id (the transaction''s: B2002) (optionally only if still at p_expected_version: B3002) for its buyer: checks the buyer and company again, prices the catalog lines at now(), applies approval rules and limits, reserves stock. Returns the order, placed or pending_approval.';
