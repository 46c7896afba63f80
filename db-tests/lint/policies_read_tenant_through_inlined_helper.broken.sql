-- USING (true) beside a tenant-bound WITH CHECK (the joined text holds the helper); a USING that names
-- the helper but checks nothing; an UPDATE policy without WITH CHECK; the old wrapped form (a subquery:
-- Citus refuses it); the setting read per row; the helper made security definer (no longer inlined).
-- expect: accounts.companies policy companies_update (update): USING true
-- expect: accounts.addresses policy addresses_delete (delete): USING (app.current_tenant_id() IS NOT NULL)
-- expect: accounts.buyers policy buyers_update (update): WITH CHECK is missing
-- expect: accounts.buyer_roles policy buyer_roles_select (select): USING (tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id))
-- expect: accounts.buyer_roles policy buyer_roles_select: a subquery
-- expect: accounts.customer_groups policy customer_groups_select: current_setting() per row
-- expect: app.current_tenant_id() cannot be inlined: security definer
alter policy companies_update on accounts.companies using (true);
alter policy addresses_delete on accounts.addresses using (app.current_tenant_id() is not null);
drop policy buyers_update on accounts.buyers;
create policy buyers_update on accounts.buyers for update to b2b_app
  using (tenant_id = app.current_tenant_id());
alter policy buyer_roles_select on accounts.buyer_roles using (tenant_id = (select app.current_tenant_id()));
alter policy customer_groups_select on accounts.customer_groups
  using (tenant_id = current_setting('app.tenant_id')::uuid);
alter function app.current_tenant_id() security definer;
