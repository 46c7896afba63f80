/* The tenant of the current transaction, by its id (:tenantId; RLS shows no other). */
/* @name GetCurrentTenant */
select tenant_id, slug, name, default_locale, default_currency, status, created_at, updated_at
from tenancy.tenants
where tenant_id = :tenantId!;

/* @name UpdateTenantSettings */
update tenancy.tenants
set name = coalesce(:name, name),
    default_locale = coalesce(:defaultLocale, default_locale),
    default_currency = coalesce(:defaultCurrency, default_currency)
where tenant_id = :tenantId!
returning tenant_id, slug, name, default_locale, default_currency, status, created_at, updated_at;
