-- Whether a buyer's role grants a named permission (accounts.permissions), for rules such as "only buyers
-- with orders.approve may approve".
-- The tenant is its first argument, so on Citus it is routed (see accounts.acting_buyer).
-- PL/pgSQL, not SQL: the order functions call it from PL/pgSQL, where a SQL function that cannot be
-- inlined is parsed and planned again in every transaction; PL/pgSQL keeps its plan per connection.
create or replace function accounts.buyer_has_permission(p_tenant_id uuid, p_buyer_id uuid, p_permission text)
returns boolean
language plpgsql stable
as $$
declare
  v_tenant uuid := app.check_tenant(p_tenant_id);
begin
  return exists (
    select 1
    from accounts.buyers b
    join accounts.buyer_role_permissions rp
      on rp.tenant_id = b.tenant_id and rp.buyer_role_id = b.buyer_role_id
    where b.tenant_id = v_tenant
      and b.buyer_id = p_buyer_id
      and rp.permission = p_permission
  );
end
$$;
comment on function accounts.buyer_has_permission(uuid, uuid, text) is
  'For tenant p_tenant_id (app.check_tenant: B2002 when it is not the transaction''s tenant): true when the role of buyer p_buyer_id grants p_permission; false for an unknown buyer or permission.';
