-- USING (true) beside a tenant-bound WITH CHECK (the joined text holds the helper); a USING that names
-- the helper but checks nothing; an UPDATE policy without WITH CHECK; the setting read per row.
-- expect: accounts.companies policy companies_update (update): USING true
-- expect: accounts.addresses policy addresses_delete (delete): USING (( SELECT app.current_tenant_id() AS current_tenant_id) IS NOT NULL)
-- expect: accounts.buyers policy buyers_update (update): WITH CHECK is missing
-- expect: accounts.buyer_roles policy buyer_roles_select: (tenant_id = (current_setting('app.tenant_id'::text))::uuid)
alter policy companies_update on accounts.companies using (true);
alter policy addresses_delete on accounts.addresses using ((select app.current_tenant_id()) is not null);
drop policy buyers_update on accounts.buyers;
create policy buyers_update on accounts.buyers for update to b2b_app
  using (tenant_id = (select app.current_tenant_id()));
alter policy buyer_roles_select on accounts.buyer_roles using (tenant_id = current_setting('app.tenant_id')::uuid);
