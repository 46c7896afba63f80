-- Up Migration
-- Serves listCompanies: a tenant's companies by legal name, keyset on (legal_name, company_id), so a page
-- is a range scan wherever it starts, not a sort of the tenant's companies.
-- squawk-ignore require-concurrent-index-creation
create index idx_companies_tenant_id_legal_name_company_id
  on accounts.companies (tenant_id, legal_name, company_id);

-- Down Migration
drop index accounts.idx_companies_tenant_id_legal_name_company_id;
