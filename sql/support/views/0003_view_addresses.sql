-- Addresses as support sees them: town, postal code and country, the phone masked (its stored hint); not the
-- street lines or the recipient. Runs as its owner, kept to the transaction's tenant (see support.companies).
create or replace view support.addresses with (security_barrier) as
select a.tenant_id, a.address_id, a.company_id, a.kind, a.is_default, a.locality, a.postal_code, a.country_code,
  a.phone_hint as phone_masked
from accounts.addresses a
where a.tenant_id = app.current_tenant_id();
comment on view support.addresses is
  'Addresses of the current tenant for support: locality, postal code and country; phone masked; no street or recipient.';
