/* @name GetCompany */
select company_id, parent_company_id, legal_name, app.decrypt_personal(tax_id) as tax_id, default_currency, default_locale,
  payment_terms_days, credit_limit, status, created_at, updated_at
from accounts.companies
where tenant_id = :tenantId! and company_id = :companyId!;

/* Companies of the tenant (:tenantId) by legal name ascending, then id, a page at a time (keyset on (legal_name, company_id), the last row's, from the page cursor; idx_companies_tenant_id_legal_name_company_id). */
/* @name ListCompanies */
select company_id, parent_company_id, legal_name, app.decrypt_personal(tax_id) as tax_id, default_currency, default_locale,
  payment_terms_days, credit_limit, status, created_at, updated_at
from accounts.companies
where tenant_id = :tenantId!
  and (:afterLegalName::text is null or (legal_name, company_id) > (:afterLegalName::text, :afterCompanyId::uuid))
order by legal_name, company_id
limit (:limit!)::int;

/* @name CreateCompany */
insert into accounts.companies (company_id, parent_company_id, legal_name, tax_id, default_currency,
  default_locale, payment_terms_days, credit_limit)
values (coalesce(:companyId::uuid, gen_random_uuid()), :parentCompanyId, :legalName!, app.encrypt_personal(:taxId), :defaultCurrency!,
  :defaultLocale!, coalesce(:paymentTermsDays::int, 30), :creditLimit)
returning company_id, parent_company_id, legal_name, app.decrypt_personal(tax_id) as tax_id, default_currency, default_locale,
  payment_terms_days, credit_limit, status, created_at, updated_at;

/* Changes the given fields; a null leaves the field as it is. */
/* @name UpdateCompany */
update accounts.companies
set legal_name = coalesce(:legalName, legal_name),
    tax_id = coalesce(app.encrypt_personal(:taxId), tax_id),
    default_currency = coalesce(:defaultCurrency, default_currency),
    default_locale = coalesce(:defaultLocale, default_locale),
    payment_terms_days = coalesce(:paymentTermsDays::int, payment_terms_days),
    credit_limit = coalesce(:creditLimit, credit_limit),
    status = coalesce(:status, status)
where tenant_id = :tenantId! and company_id = :companyId!
returning company_id, parent_company_id, legal_name, app.decrypt_personal(tax_id) as tax_id, default_currency, default_locale,
  payment_terms_days, credit_limit, status, created_at, updated_at;

/* Moves a company under another (null: to the top level). The hierarchy trigger refuses cycles (B2101). */
/* @name SetParentCompany */
update accounts.companies
set parent_company_id = :parentCompanyId
where tenant_id = :tenantId! and company_id = :companyId!
returning company_id, parent_company_id, legal_name, app.decrypt_personal(tax_id) as tax_id, default_currency, default_locale,
  payment_terms_days, credit_limit, status, created_at, updated_at;

/* Inserts or updates many companies in one statement, keyed by company_id (the caller's ids, for example mapped from an ERP). tenant_id comes from the tenant context. */
/*
  @name UpsertCompanies
  @param rows -> ((companyId!, parentCompanyId, legalName!, taxId, defaultCurrency!, defaultLocale!, paymentTermsDays!, creditLimit, status!)...)
*/
insert into accounts.companies (company_id, parent_company_id, legal_name, tax_id, default_currency,
  default_locale, payment_terms_days, credit_limit, status)
-- The rows come as text (a VALUES list gives its parameters no other type); tax ids are encrypted here.
select r.company_id::uuid, r.parent_company_id::uuid, r.legal_name, app.encrypt_personal(r.tax_id),
  r.default_currency, r.default_locale, r.payment_terms_days::int, r.credit_limit::numeric, r.status
from (values :rows) as r (company_id, parent_company_id, legal_name, tax_id, default_currency, default_locale,
  payment_terms_days, credit_limit, status)
on conflict (tenant_id, company_id) do update
set parent_company_id = excluded.parent_company_id,
    legal_name = excluded.legal_name,
    tax_id = case when app.decrypt_personal(accounts.companies.tax_id) is not distinct from
      app.decrypt_personal(excluded.tax_id) then accounts.companies.tax_id else excluded.tax_id end,
    default_currency = excluded.default_currency,
    default_locale = excluded.default_locale,
    payment_terms_days = excluded.payment_terms_days,
    credit_limit = excluded.credit_limit,
    status = excluded.status
returning company_id, (xmax = 0) as "inserted!";
