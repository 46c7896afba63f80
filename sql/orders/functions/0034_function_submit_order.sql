-- Submits a draft edited earlier: checked again (buyer, permission, company), priced again at now().
create or replace function orders.submit_order(p_order_id uuid, p_expected_version integer default null)
returns orders.orders
language plpgsql
as $$
declare
  target orders.orders := orders.lock_order(p_order_id);
begin
  if p_expected_version is not null and target.version <> p_expected_version then
    raise exception using
      errcode = 'B3002',
      message = format('order %s is at version %s, not %s: it changed since it was read; read it again',
        p_order_id, target.version, p_expected_version);
  end if;
  perform orders.check_buyer_may_order(target.buyer_id, target.company_id);
  return orders.submit(target, true);
end
$$;
comment on function orders.submit_order(uuid, integer) is
  'Submits draft p_order_id (optionally only if still at p_expected_version: B3002) for its buyer: checks the buyer and company again, prices the catalog lines at now(), applies approval rules and limits, reserves stock. Returns the order, placed or pending_approval.';
