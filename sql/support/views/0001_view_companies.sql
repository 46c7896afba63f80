-- Companies as support sees them: the tax id masked (its stored hint, so no data key is needed), no credit
-- figures. The view runs as its owner (b2b_owner), whose select policy on accounts.companies keeps it to the
-- transaction's tenant (app.set_tenant); security_barrier: a support query's own conditions run after it.
create or replace view support.companies with (security_barrier) as
select c.tenant_id, c.company_id, c.parent_company_id, c.legal_name, c.tax_id_hint as tax_id_masked, c.status,
  c.created_at
from accounts.companies c
where c.tenant_id = app.current_tenant_id();
comment on view support.companies is
  'Companies of the current tenant for support: tax id masked (last 3 characters), no credit data.';
