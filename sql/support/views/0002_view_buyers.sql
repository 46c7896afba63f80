-- Buyers as support sees them: email masked (first letter and domain), phone masked (its stored hint), no
-- spending limits. Runs as its owner, kept to the transaction's tenant (see support.companies).
create or replace view support.buyers with (security_barrier) as
select b.tenant_id, b.buyer_id, b.company_id, app.mask_personal('email', b.email) as email_masked, b.full_name,
  b.phone_hint as phone_masked, b.status, b.created_at
from accounts.buyers b
where b.tenant_id = app.current_tenant_id();
comment on view support.buyers is
  'Buyers of the current tenant for support: email and phone masked, no spending limits.';
