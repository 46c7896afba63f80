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

/* Writes take the tax id sealed already (:taxIdSealed, from SealPersonal) and return it sealed: on Citus a
   write may call no non-immutable function (app.encrypt_personal, app.decrypt_personal) in its values,
   COALESCE or RETURNING; the package opens what it returns with OpenPersonal (docs/data-protection.md). */
/* @name CreateCompany */
insert into accounts.companies (company_id, parent_company_id, legal_name, tax_id, default_currency,
  default_locale, payment_terms_days, credit_limit)
values (coalesce(:companyId::uuid, gen_random_uuid()), :parentCompanyId, :legalName!, :taxIdSealed::bytea, :defaultCurrency!,
  :defaultLocale!, coalesce(:paymentTermsDays::int, 30), :creditLimit)
returning company_id, parent_company_id, legal_name, tax_id as tax_id_sealed, default_currency, default_locale,
  payment_terms_days, credit_limit, status, created_at, updated_at;

/* Changes the given fields; a null leaves the field as it is. */
/* @name UpdateCompany */
update accounts.companies
set legal_name = coalesce(:legalName, legal_name),
    tax_id = coalesce(:taxIdSealed::bytea, tax_id),
    default_currency = coalesce(:defaultCurrency, default_currency),
    default_locale = coalesce(:defaultLocale, default_locale),
    payment_terms_days = coalesce(:paymentTermsDays::int, payment_terms_days),
    credit_limit = coalesce(:creditLimit, credit_limit),
    status = coalesce(:status, status)
where tenant_id = :tenantId! and company_id = :companyId!
returning company_id, parent_company_id, legal_name, tax_id as tax_id_sealed, default_currency, default_locale,
  payment_terms_days, credit_limit, status, created_at, updated_at;

/* Moves a company under another (null: to the top level). The hierarchy trigger refuses cycles (B2101). */
/* @name SetParentCompany */
update accounts.companies
set parent_company_id = :parentCompanyId
where tenant_id = :tenantId! and company_id = :companyId!
returning company_id, parent_company_id, legal_name, tax_id as tax_id_sealed, default_currency, default_locale,
  payment_terms_days, credit_limit, status, created_at, updated_at;

/* Inserts or updates many companies in one statement, keyed by company_id (the caller's ids, for example mapped from an ERP). tenant_id comes from the tenant context. */
/*
  @name UpsertCompanies
  @param rows -> ((companyId!, parentCompanyId, legalName!, taxIdSealed, defaultCurrency!, defaultLocale!, paymentTermsDays!, creditLimit, status!)...)
*/
insert into accounts.companies (company_id, parent_company_id, legal_name, tax_id, default_currency,
  default_locale, payment_terms_days, credit_limit, status)
-- Tax ids come sealed (SealPersonal). VALUES, not a select from it: the parameters take the columns' types,
-- and on Citus an INSERT of VALUES of one tenant is one task. An unchanged tax id keeps its stored
-- ciphertext: app.seal_personal compares the keyed hashes.
values :rows
on conflict (tenant_id, company_id) do update
set parent_company_id = excluded.parent_company_id,
    legal_name = excluded.legal_name,
    tax_id = excluded.tax_id,
    default_currency = excluded.default_currency,
    default_locale = excluded.default_locale,
    payment_terms_days = excluded.payment_terms_days,
    credit_limit = excluded.credit_limit,
    status = excluded.status
returning company_id, (xmax = 0) as "inserted!";
